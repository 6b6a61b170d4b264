//! Level and competency ids indexed for exact lookups and bounded "did you mean" search.

use std::collections::HashMap;

/// How much work "did you mean" may do for one file, in edit-distance table cells (looking
/// at a candidate's length and letters costs a few). There are two allowances: one for the
/// deletion index, which answers a one-edit typo by looking at a handful of ids, and a
/// smaller one for scanning the ids of a similar length for a farther miss. One typo
/// against a ladder of twenty thousand ids fits many times over; a file with thousands of
/// distinct unknown ids runs out, and its later findings say where the list is instead of
/// guessing. That keeps the cost of a file linear in its size whatever the ladder.
#[derive(Debug, Clone)]
pub struct Budget {
    index: u64,
    scan: u64,
}

impl Budget {
    /// Looking at one candidate's length and character mask.
    const LOOK: u64 = 4;
    /// Comparing one candidate's letter counts.
    const BAG: u64 = 32;
    /// The default allowances: a few million cells, tens of milliseconds at worst.
    pub const INDEX: u64 = 2_000_000;
    pub const SCAN: u64 = 2_000_000;

    pub fn new(index: u64, scan: u64) -> Budget {
        Budget { index, scan }
    }

    fn take_index(&mut self, cost: u64) -> bool {
        take(&mut self.index, cost)
    }

    fn take_scan(&mut self, cost: u64) -> bool {
        take(&mut self.scan, cost)
    }
}

/// Takes `cost` from `left`; `false` (and nothing taken) when it does not fit.
fn take(left: &mut u64, cost: u64) -> bool {
    match left.checked_sub(cost) {
        Some(rest) => {
            *left = rest;
            true
        }
        None => false,
    }
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::new(Budget::INDEX, Budget::SCAN)
    }
}

/// Names longer than this get no suggestion: nobody mistypes a paragraph for an id, and the
/// distance table grows with the product of the lengths.
const MAX_SUGGESTED_CHARS: usize = 64;

/// One id, with what rules it in or out as a near miss cheaply.
#[derive(Debug, Clone)]
struct Entry {
    /// In characters, as the edit distance counts.
    chars: usize,
    /// The characters present, folded into 64 bits: each character one string has and the
    /// other lacks takes an edit of its own, so the larger count of such bits is a lower
    /// bound of the edit distance, at the cost of two instructions.
    mask: u64,
    /// Letter counts folded into 32 buckets: the bag distance of two of these is a lower
    /// bound of their edit distance too, a tighter one (folding only hides differences,
    /// never adds them).
    bag: [u8; 32],
    /// The position in the ladder.
    at: usize,
}

/// A set of ids (the levels, or the competencies) indexed for exact lookups and for bounded
/// near-miss search.
#[derive(Debug, Clone, Default)]
pub(super) struct Ids {
    names: Vec<String>,
    /// The first position of each id.
    position: HashMap<String, usize>,
    /// Ordered by length, so the candidates of the right length are one slice.
    by_chars: Vec<Entry>,
    /// Built on the first near-miss search: (hash of a string, position) for each id and
    /// each way of deleting one of its characters, sorted. Two strings one edit apart
    /// (insertion, deletion, substitution, swap of neighbours) share one of these, so the
    /// usual typo is found without looking at the other ids.
    deletions: std::sync::OnceLock<Vec<(u64, u32)>>,
}

/// The hash of `chars` without the character at `skip` (`None`: all of them).
fn hash_without(chars: &[char], skip: Option<usize>) -> u64 {
    use std::hash::{Hash, Hasher};
    // `DefaultHasher::new()` has fixed keys: the same hash in every run.
    let mut h = std::hash::DefaultHasher::new();
    for (i, c) in chars.iter().enumerate() {
        if Some(i) != skip {
            c.hash(&mut h);
        }
    }
    h.finish()
}

/// The string itself and each one-character deletion of it, hashed.
fn one_deletions(chars: &[char]) -> impl Iterator<Item = u64> + '_ {
    std::iter::once(None)
        .chain((0..chars.len()).map(Some))
        .map(move |skip| hash_without(chars, skip))
}

fn mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

/// The larger number of characters (folded) that one mask has and the other lacks.
fn mask_distance(a: u64, b: u64) -> usize {
    (a & !b).count_ones().max((b & !a).count_ones()) as usize
}

fn bag(s: &str) -> [u8; 32] {
    let mut bag = [0u8; 32];
    for c in s.chars() {
        let slot = &mut bag[(c as u32 % 32) as usize];
        *slot = slot.saturating_add(1);
    }
    bag
}

/// The larger of what each bag has that the other lacks: never more than the edit distance.
fn bag_distance(a: &[u8; 32], b: &[u8; 32]) -> usize {
    let (mut more, mut less) = (0usize, 0usize);
    for (x, y) in a.iter().zip(b) {
        more += usize::from(x.saturating_sub(*y));
        less += usize::from(y.saturating_sub(*x));
    }
    more.max(less)
}

/// The largest edit distance still taken for a typo between names of these lengths: the
/// rule `decode::suggest` uses, a third of the longer one (at least one).
fn allowed(a: usize, b: usize) -> usize {
    (a.max(b) / 3).max(1)
}

impl Ids {
    pub(super) fn new<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
        let names: Vec<String> = ids.map(str::to_string).collect();
        let mut position = HashMap::with_capacity(names.len());
        for (at, name) in names.iter().enumerate() {
            position.entry(name.clone()).or_insert(at);
        }
        let mut by_chars: Vec<Entry> = names
            .iter()
            .enumerate()
            .map(|(at, name)| Entry {
                chars: name.chars().count(),
                mask: mask(name),
                bag: bag(name),
                at,
            })
            .collect();
        by_chars.sort_by_key(|e| (e.chars, e.at));
        Ids {
            names,
            position,
            by_chars,
            deletions: std::sync::OnceLock::new(),
        }
    }

    fn deletions(&self) -> &[(u64, u32)] {
        self.deletions.get_or_init(|| {
            let mut all = Vec::new();
            for entry in &self.by_chars {
                if entry.chars > MAX_SUGGESTED_CHARS {
                    continue;
                }
                let chars: Vec<char> = self.names[entry.at].chars().collect();
                all.extend(one_deletions(&chars).map(|h| (h, entry.at as u32)));
            }
            all.sort_unstable();
            all.dedup();
            all
        })
    }

    /// The nearest id one edit away or less, by the deletion index; `None` when there is
    /// none (or the budget ran out looking).
    fn one_edit(&self, lower: &str, budget: &mut Budget) -> Option<usize> {
        let chars: Vec<char> = lower.chars().collect();
        let index = self.deletions();
        let mut best: Option<(usize, usize)> = None;
        for h in one_deletions(&chars) {
            let from = index.partition_point(|(x, _)| *x < h);
            for &(_, at) in index[from..].iter().take_while(|(x, _)| *x == h) {
                let at = at as usize;
                let name = &self.names[at];
                if !budget.take_index(Budget::LOOK + (chars.len() * name.len()) as u64) {
                    return best.map(|(_, at)| at);
                }
                let d = strsim::damerau_levenshtein(lower, name);
                if d <= 1 && best.is_none_or(|(bd, bat)| (d, at) < (bd, bat)) {
                    best = Some((d, at));
                }
            }
        }
        best.map(|(_, at)| at)
    }

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    /// The id nearest to `name` (lower-cased) within a third of the longer length, the first
    /// in ladder order among equals: `decode::suggest`'s answer, found by looking only at ids
    /// of a length that could be near, ruling most out by their letters before computing a
    /// distance, and stopping when `budget` runs out.
    pub(super) fn nearest(&self, name: &str, budget: &mut Budget) -> Option<&str> {
        let lower = name.to_ascii_lowercase();
        let chars = lower.chars().count();
        if chars > MAX_SUGGESTED_CHARS {
            return None;
        }
        // Every id within one edit is in the deletion index: when there is one, the nearest
        // is among them, and nothing else needs a look.
        if let Some(at) = self.one_edit(&lower, budget) {
            return Some(self.names[at].as_str());
        }
        let (wanted_mask, wanted) = (mask(&lower), bag(&lower));
        // |a - b| ≤ max(a, b) / 3 bounds b between about 2/3 and 3/2 of a. The lengths are
        // tried nearest first, so a close candidate is found early and rules out the rest
        // by their letters alone.
        let low = chars.saturating_sub(chars / 3 + 1);
        let high = chars + chars / 2 + 2;
        let mut lengths: Vec<usize> = (low..=high).collect();
        lengths.sort_by_key(|n| (n.abs_diff(chars), *n));
        let slices = lengths.into_iter().map(|n| {
            let from = self.by_chars.partition_point(|e| e.chars < n);
            let to = self.by_chars.partition_point(|e| e.chars <= n);
            &self.by_chars[from..to]
        });
        let mut best: Option<(usize, usize)> = None;
        for entry in slices.flatten() {
            if !budget.take_scan(Budget::LOOK) {
                break;
            }
            let limit = allowed(chars, entry.chars);
            // A candidate must be within the limit, and no worse than the best so far.
            let limit = best.map_or(limit, |(d, _)| limit.min(d));
            if chars.abs_diff(entry.chars) > limit || mask_distance(wanted_mask, entry.mask) > limit
            {
                continue;
            }
            if !budget.take_scan(Budget::BAG) {
                break;
            }
            if bag_distance(&wanted, &entry.bag) > limit {
                continue;
            }
            if entry.chars > MAX_SUGGESTED_CHARS || !budget.take_scan((chars * entry.chars) as u64)
            {
                continue;
            }
            let d = strsim::damerau_levenshtein(&lower, &self.names[entry.at]);
            if d > limit {
                continue;
            }
            if best.is_none_or(|(bd, bat)| d < bd || (d == bd && entry.at < bat)) {
                best = Some((d, entry.at));
            }
        }
        best.map(|(_, at)| self.names[at].as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Ids {
        Ids::new(names.iter().copied())
    }

    fn runner() -> proptest::test_runner::TestRunner {
        crate::testing::runner(3000, 11)
    }

    #[test]
    fn the_index_answers_what_an_exhaustive_search_answers() {
        // A small alphabet makes near misses (and ties) common.
        let strategy = (
            "[abcA-]{0,9}",
            proptest::collection::vec("[abc-]{1,9}", 0..12),
        );
        runner()
            .run(&strategy, |(name, known)| {
                let known: Vec<&str> = known.iter().map(String::as_str).collect();
                let unbounded = &mut Budget::new(u64::MAX, u64::MAX);
                let set = ids(&known);
                proptest::prop_assert_eq!(
                    set.nearest(&name, unbounded),
                    crate::decode::suggest(&name, &known)
                );
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn one_edit_typos_are_found_in_a_large_ladder_at_little_cost() {
        let names: Vec<String> = (0..20_000).map(|i| format!("skill-{i:05}")).collect();
        let set = Ids::new(names.iter().map(String::as_str));
        let mut budget = Budget::default();
        for (typo, meant) in [
            ("skil-12345", "skill-12345"),   // a deletion
            ("skilll-00042", "skill-00042"), // an insertion
            ("skill-19999", "skill-19999"),  // only the case: `Skill-19999` below
            ("skill_07000", "skill-07000"),  // a substitution
            ("sklil-00001", "skill-00001"),  // neighbours swapped
        ] {
            assert_eq!(set.nearest(typo, &mut budget), Some(meant), "{typo}");
        }
        assert_eq!(set.nearest("Skill-19999", &mut budget), Some("skill-19999"));
        // Each answer looked at the hundred or so ids that share a deletion with the typo
        // (`skill-1234?` for `skill-12345`), far from the twenty thousand a scan looks at.
        let per_lookup = (Budget::INDEX - budget.index) / 6;
        assert!(per_lookup < 20_000, "{budget:?}");
        assert_eq!(budget.scan, Budget::SCAN);
    }

    #[test]
    fn a_spent_budget_gives_no_suggestion_rather_than_more_work() {
        let set = ids(&["incident-response", "system-design"]);
        assert_eq!(
            set.nearest("incident-respnse", &mut Budget::new(0, 0)),
            None
        );
        assert_eq!(
            set.nearest("incident-respnse", &mut Budget::default()),
            Some("incident-response")
        );
        // Two edits away: found by the scan, which has its own allowance.
        assert_eq!(
            set.nearest("incdent-respnse", &mut Budget::new(0, u64::MAX)),
            Some("incident-response")
        );
        assert_eq!(set.nearest(&"x".repeat(65), &mut Budget::default()), None);
    }
}
