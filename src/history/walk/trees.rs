//! Which plan files differ between two trees.
//!
//! Only changed subtrees are opened. Within a tree, the two sides are merged in git's own
//! entry order (names compared bytewise, a subtree's name as if it ended in `/`), so an
//! unchanged entry costs a comparison of ids and no allocation: on a `plans/` directory of a
//! thousand people, a commit that changes one plan makes one path, not two thousand. A tree
//! whose entries are out of that order (written by a broken tool; git would not) is compared
//! by name instead, so the answer is the same either way.

use std::cmp::Ordering;
use std::collections::HashMap;

use git2::{ObjectType, Oid, Repository, Tree, TreeEntry};

use super::Change;
use crate::history::name;

/// The plan files (as `is_plan` judges their paths) that differ between `old` and `new`,
/// sorted by path.
pub(super) fn changes(
    repo: &Repository,
    is_plan: &dyn Fn(&str) -> bool,
    old: Option<&Tree>,
    new: Option<&Tree>,
) -> Result<Vec<Change>, git2::Error> {
    let mut out = Vec::new();
    Comparison { repo, is_plan }.trees(old, new, "", &mut out)?;
    // Git's order puts `a.md` before `a/`, and the fallback's old-only entries come out of a
    // map: sort so events are in path order.
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The blob id at `path` in `tree`.
pub(super) fn blob_at(tree: &Tree, path: &str) -> Option<Oid> {
    tree.get_path(&name::path(path))
        .ok()
        .filter(|e| e.kind() == Some(ObjectType::Blob))
        .map(|e| e.id())
}

struct Comparison<'a> {
    repo: &'a Repository,
    is_plan: &'a dyn Fn(&str) -> bool,
}

/// An entry's id and kind: all that is compared once the names match.
type Entry = (Oid, Option<ObjectType>);

impl Comparison<'_> {
    fn trees(
        &self,
        old: Option<&Tree>,
        new: Option<&Tree>,
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        let mark = out.len();
        if !self.merged(old, new, prefix, out)? {
            out.truncate(mark);
            self.by_name(old, new, prefix, out)?;
        }
        Ok(())
    }

    /// Walks both trees in git's entry order; `false` when either is not in that order.
    fn merged(
        &self,
        old: Option<&Tree>,
        new: Option<&Tree>,
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<bool, git2::Error> {
        let len = |t: Option<&Tree>| t.map_or(0, Tree::len);
        let (old_len, new_len) = (len(old), len(new));
        let (mut i, mut j) = (0, 0);
        while i < old_len || j < new_len {
            let (o, n) = (at(old, i), at(new, j));
            let order = match (&o, &n) {
                (Some(o), Some(n)) => git_order(o, n),
                (Some(_), None) => Ordering::Less,
                (None, _) => Ordering::Greater,
            };
            match order {
                Ordering::Less => {
                    if !rises(old, i, &o) {
                        return Ok(false);
                    }
                    i += 1;
                    if let Some(o) = o {
                        self.entry(o.name_bytes(), Some(entry(&o)), None, prefix, out)?;
                    }
                }
                Ordering::Greater => {
                    if !rises(new, j, &n) {
                        return Ok(false);
                    }
                    j += 1;
                    if let Some(n) = n {
                        self.entry(n.name_bytes(), None, Some(entry(&n)), prefix, out)?;
                    }
                }
                Ordering::Equal => {
                    if !rises(old, i, &o) || !rises(new, j, &n) {
                        return Ok(false);
                    }
                    i += 1;
                    j += 1;
                    if let (Some(o), Some(n)) = (o, n) {
                        if o.id() != n.id() {
                            let (oe, ne) = (entry(&o), entry(&n));
                            self.entry(n.name_bytes(), Some(oe), Some(ne), prefix, out)?;
                        }
                    }
                }
            }
        }
        Ok(true)
    }

    /// Pairs entries by name through a map: for trees out of git's order.
    fn by_name(
        &self,
        old: Option<&Tree>,
        new: Option<&Tree>,
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        let entries = |t: Option<&Tree>| -> Vec<(Vec<u8>, Entry)> {
            t.map(|t| {
                t.iter()
                    .map(|e| (e.name_bytes().to_vec(), entry(&e)))
                    .collect()
            })
            .unwrap_or_default()
        };
        let mut old_entries: HashMap<Vec<u8>, Entry> = entries(old).into_iter().collect();
        let mut pairs = Vec::new();
        for (name, n) in entries(new) {
            let o = old_entries.remove(&name);
            pairs.push((name, o, Some(n)));
        }
        pairs.extend(
            old_entries
                .into_iter()
                .map(|(name, o)| (name, Some(o), None)),
        );
        for (name, o, n) in pairs {
            if o.is_none() || o.map(|e| e.0) != n.map(|e| e.0) {
                self.entry(&name, o, n, prefix, out)?;
            }
        }
        Ok(())
    }

    /// One name whose entries differ between the sides (either may be absent).
    fn entry(
        &self,
        name: &[u8],
        o: Option<Entry>,
        n: Option<Entry>,
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        let name = name::text(name);
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let tree_of = |e: Option<Entry>| -> Result<Option<Tree>, git2::Error> {
            match e {
                Some((id, Some(ObjectType::Tree))) => self.repo.find_tree(id).map(Some),
                _ => Ok(None),
            }
        };
        let blob_of = |e: Option<Entry>| match e {
            Some((id, Some(ObjectType::Blob))) => Some(id),
            _ => None,
        };
        let (ot, nt) = (tree_of(o)?, tree_of(n)?);
        if ot.is_some() || nt.is_some() {
            self.trees(ot.as_ref(), nt.as_ref(), &path, out)?;
        }
        let (ob, nb) = (blob_of(o), blob_of(n));
        if (ob.is_some() || nb.is_some()) && ob != nb && (self.is_plan)(&path) {
            out.push(Change {
                path,
                old: ob,
                new: nb,
            });
        }
        Ok(())
    }
}

fn at<'t>(tree: Option<&'t Tree>, i: usize) -> Option<TreeEntry<'t>> {
    tree.and_then(|t| t.get(i))
}

/// Whether entry `k` of `tree` (`e`) comes after the one before it: each side must rise
/// strictly, or the merge would pair the wrong entries.
fn rises(tree: Option<&Tree>, k: usize, e: &Option<TreeEntry>) -> bool {
    match (k, e) {
        (0, _) | (_, None) => true,
        (k, Some(e)) => at(tree, k - 1).is_some_and(|p| git_order(&p, e).is_lt()),
    }
}

fn entry(e: &TreeEntry) -> Entry {
    (e.id(), e.kind())
}

/// Git's order of tree entries: by name bytes, a subtree's name as if it ended in `/`.
fn git_order(a: &TreeEntry, b: &TreeEntry) -> Ordering {
    let (an, bn) = (a.name_bytes(), b.name_bytes());
    let common = an.len().min(bn.len());
    an[..common].cmp(&bn[..common]).then_with(|| {
        let next = |name: &[u8], e: &TreeEntry| {
            name.get(common).copied().unwrap_or(match e.kind() {
                Some(ObjectType::Tree) => b'/',
                _ => 0,
            })
        };
        next(an, a).cmp(&next(bn, b))
    })
}
