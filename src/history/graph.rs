//! git's commit-graph file, read for one question: which commits are certainly older than a
//! day, without reading them.
//!
//! `git gc` writes `objects/info/commit-graph` (or a chain of them under
//! `objects/info/commit-graphs/`) by default. Besides each commit's parents it stores a
//! *corrected commit date*: the commit's own committer date, raised where needed so that a
//! child's is always later than its parents'. So when a commit's corrected date is before a
//! day, every one of its ancestors was committed before that day too, however skewed their
//! clocks were; a bounded walk can stop there having read none of them. (libgit2 reads the
//! file for its own walks but does not expose these dates, so growth reads it itself.)
//!
//! The format is git's `gitformat-commit-graph`. Only version 1 files with SHA-1 ids and
//! generation data (`GDA2`, written by git 2.31 and later) are used. A file that is
//! truncated, inconsistent or of another kind is not used at all: the walk then reads every
//! commit, as it would without a graph.

use std::collections::HashMap;
use std::path::Path;

use git2::Oid;

const HASH: usize = 20;
const NO_PARENT: u32 = 0x7000_0000;
const EXTRA_EDGES: u32 = 0x8000_0000;
const LAST_EDGE: u32 = 0x8000_0000;

/// One file of the graph: its commits' ids, data and generation data.
struct Layer {
    bytes: Vec<u8>,
    /// Where the chunks start, and how many commits the file holds.
    oids: usize,
    data: usize,
    generation: usize,
    overflow: Option<(usize, usize)>,
    edges: Option<(usize, usize)>,
    count: usize,
    /// The graph position of this file's first commit (the commits of the files below it).
    base: usize,
}

/// Every layer of a repository's commit-graph, bottom first.
pub struct Graph {
    layers: Vec<Layer>,
}

/// A commit as the graph records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Committer time, in seconds since the epoch.
    pub time: i64,
    /// The corrected commit date: no ancestor was committed later than this.
    pub corrected: i64,
    /// The parents' graph positions, first parent first.
    pub parents: Vec<u32>,
}

impl Graph {
    /// The commit-graph of the repository whose objects are in `objects`, if it has one that
    /// can be used.
    pub fn open(objects: &Path) -> Option<Graph> {
        let info = objects.join("info");
        let chain = info.join("commit-graphs").join("commit-graph-chain");
        let files: Vec<std::path::PathBuf> = match std::fs::read_to_string(&chain) {
            Ok(text) => text
                .lines()
                .map(|hash| {
                    info.join("commit-graphs")
                        .join(format!("graph-{}.graph", hash.trim()))
                })
                .collect(),
            Err(_) => vec![info.join("commit-graph")],
        };
        let mut layers = Vec::with_capacity(files.len());
        let mut base = 0;
        for (depth, file) in files.iter().enumerate() {
            let layer = Layer::parse(std::fs::read(file).ok()?, base, depth)?;
            base = base.checked_add(layer.count)?;
            layers.push(layer);
        }
        (!layers.is_empty() && base < NO_PARENT as usize).then_some(Graph { layers })
    }

    /// The graph position of commit `oid`, if the graph holds it.
    pub fn find(&self, oid: Oid) -> Option<u32> {
        let id = oid.as_bytes();
        self.layers.iter().find_map(|layer| layer.find(id))
    }

    /// The commit at graph position `pos`; `None` when the file says something impossible
    /// (a parent outside the graph, an edge list that does not end).
    pub fn entry(&self, pos: u32) -> Option<Entry> {
        let layer = self.layers.iter().rev().find(|l| l.base <= pos as usize)?;
        layer.entry(pos as usize - layer.base, self.len())
    }

    /// The commit id at graph position `pos`.
    pub fn oid(&self, pos: u32) -> Option<Oid> {
        let layer = self.layers.iter().rev().find(|l| l.base <= pos as usize)?;
        let i = pos as usize - layer.base;
        (i < layer.count)
            .then(|| Oid::from_bytes(&layer.bytes[layer.oids + i * HASH..][..HASH]).ok())?
    }

    /// How many commits the graph holds.
    fn len(&self) -> usize {
        self.layers.last().map_or(0, |l| l.base + l.count)
    }

    /// How many commits are reachable from `starts` (graph positions), themselves included:
    /// counted from the graph alone, without reading a commit.
    pub fn reachable(&self, starts: &[u32]) -> Option<usize> {
        let mut seen = vec![false; self.len()];
        let mut stack: Vec<u32> = starts.to_vec();
        let mut count = 0;
        while let Some(pos) = stack.pop() {
            let slot = seen.get_mut(pos as usize)?;
            if std::mem::replace(slot, true) {
                continue;
            }
            count += 1;
            stack.extend(self.entry(pos)?.parents);
        }
        Some(count)
    }
}

impl Layer {
    /// Reads one graph file; `None` for anything but a consistent version 1 SHA-1 file with
    /// generation data and exactly `depth` base files below it.
    fn parse(bytes: Vec<u8>, base: usize, depth: usize) -> Option<Layer> {
        if bytes.len() < 8 + 12 + HASH || &bytes[..4] != b"CGPH" || bytes[4] != 1 || bytes[5] != 1 {
            return None;
        }
        let chunks = bytes[6] as usize;
        if bytes[7] as usize != depth {
            return None;
        }
        let end = bytes.len() - HASH;
        let mut table: HashMap<[u8; 4], (usize, usize)> = HashMap::new();
        for i in 0..chunks {
            let at = 8 + i * 12;
            let id: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
            let start = u64_at(&bytes, at + 4)? as usize;
            let next = u64_at(&bytes, at + 16)? as usize;
            if start > next || next > end {
                return None;
            }
            table.insert(id, (start, next - start));
        }
        let (fanout, fanout_len) = *table.get(b"OIDF")?;
        if fanout_len != 256 * 4 {
            return None;
        }
        let count = u32_at(&bytes, fanout + 255 * 4)? as usize;
        // The fanout counts ids by first byte: it never falls.
        let mut last = 0;
        for b in 0..256 {
            let n = u32_at(&bytes, fanout + b * 4)?;
            if n < last {
                return None;
            }
            last = n;
        }
        let (oids, oids_len) = *table.get(b"OIDL")?;
        let (data, data_len) = *table.get(b"CDAT")?;
        let (generation, generation_len) = *table.get(b"GDA2")?;
        if oids_len != count * HASH
            || data_len != count * (HASH + 16)
            || generation_len != count * 4
        {
            return None;
        }
        let sized = |id: &[u8; 4], unit: usize| {
            table
                .get(id)
                .filter(|(_, len)| len % unit == 0)
                .map(|&(at, len)| (at, len / unit))
        };
        Some(Layer {
            overflow: sized(b"GDO2", 8),
            edges: sized(b"EDGE", 4),
            bytes,
            oids,
            data,
            generation,
            count,
            base,
        })
    }

    fn find(&self, id: &[u8]) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.bytes[self.oids + mid * HASH..][..HASH].cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u32::try_from(self.base + mid).ok(),
            }
        }
        None
    }

    fn entry(&self, i: usize, total: usize) -> Option<Entry> {
        if i >= self.count {
            return None;
        }
        let at = self.data + i * (HASH + 16) + HASH;
        let parent = |value: u32| (value as usize) < total;
        let mut parents = Vec::new();
        let first = u32_at(&self.bytes, at)?;
        let second = u32_at(&self.bytes, at + 4)?;
        if first != NO_PARENT {
            parents.push(Some(first).filter(|&p| parent(p))?);
        }
        if second & EXTRA_EDGES != 0 && second != NO_PARENT {
            let (edges, len) = self.edges?;
            let mut k = (second & !EXTRA_EDGES) as usize;
            loop {
                let value = u32_at(&self.bytes, edges + 4 * k).filter(|_| k < len)?;
                let pos = value & !LAST_EDGE;
                parents.push(Some(pos).filter(|&p| parent(p))?);
                if value & LAST_EDGE != 0 {
                    break;
                }
                k += 1;
            }
        } else if second != NO_PARENT {
            parents.push(Some(second).filter(|&p| parent(p))?);
        }
        let high = u32_at(&self.bytes, at + 8)?;
        let low = u32_at(&self.bytes, at + 12)?;
        let time = (i64::from(high & 0b11) << 32) | i64::from(low);
        let offset = u32_at(&self.bytes, self.generation + 4 * i)?;
        let offset = if offset & 0x8000_0000 != 0 {
            let (overflow, len) = self.overflow?;
            let k = (offset & 0x7fff_ffff) as usize;
            i64::try_from(u64_at(&self.bytes, overflow + 8 * k).filter(|_| k < len)?).ok()?
        } else {
            i64::from(offset)
        };
        Some(Entry {
            time,
            corrected: time.checked_add(offset)?,
            parents,
        })
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anything_but_a_graph_file_is_not_used() {
        assert!(Layer::parse(Vec::new(), 0, 0).is_none());
        assert!(Layer::parse(b"CGPH\x01\x01\x00\x00".repeat(10), 0, 0).is_none());
        let mut bytes = b"CGPH\x01\x01\x01\x00".to_vec();
        bytes.extend([0u8; 64]);
        assert!(Layer::parse(bytes, 0, 0).is_none());
    }
}
