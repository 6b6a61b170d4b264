//! The career ladder (`ladder.yaml`): ordered levels and competencies with per-level
//! expectations. It answers "what does the next level need?": the competencies whose
//! expectation rises between a plan's `role` and `target_role`.

use std::collections::HashMap;
use std::path::Path;

use crate::decode::Decoder;
use crate::invalid::{parse_yaml, read_yaml, InvalidFile};
use crate::problem::{Problem, ProblemKind};
use crate::source::{SourceFile, Span, Spanned};
use crate::yaml::{Node, Value};

pub const LADDER_KEYS: &[&str] = &["levels", "competencies"];
pub const LEVEL_KEYS: &[&str] = &["id", "name"];
pub const COMPETENCY_KEYS: &[&str] = &["id", "area", "description", "expectations"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub id: Spanned<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    pub id: Spanned<String>,
    pub area: Option<String>,
    pub description: Option<String>,
    /// Expectations by level id, in file order.
    pub expectations: Vec<(Spanned<String>, String)>,
}

/// A career ladder.
#[derive(Debug, Clone)]
pub struct Ladder {
    pub file: SourceFile,
    /// Lowest first.
    pub levels: Vec<Level>,
    pub competencies: Vec<Competency>,
    /// The level ids, indexed once so that lookups and hints cost the same for a ladder of
    /// twenty thousand entries as for one of five.
    level_ids: Ids,
    competency_ids: Ids,
}

impl Ladder {
    pub fn load(path: &Path) -> Result<Ladder, InvalidFile> {
        Ladder::from_yaml(read_yaml(path)?)
    }

    /// Reads a ladder from its text (an editor's unsaved buffer), as [`Ladder::load`] would.
    pub fn parse(path: &Path, text: impl Into<String>) -> Result<Ladder, InvalidFile> {
        Ladder::from_yaml(parse_yaml(SourceFile::new(path, text))?)
    }

    fn from_yaml((file, root): (SourceFile, Node)) -> Result<Ladder, InvalidFile> {
        let mut dec = Decoder::default();
        let mut levels = Vec::new();
        let mut competencies = Vec::new();
        if let Some(fields) = dec.fields(&root, "ladder", LADDER_KEYS) {
            match fields.get("levels") {
                Some(node) => {
                    for item in dec.list(node, "levels") {
                        levels.extend(read_level(&mut dec, item));
                    }
                }
                None => dec.missing(Span::at(root.span.start), "the ladder has no `levels`", "list the levels, lowest first: `levels: [{ id: engineer, name: Engineer }, …]`"),
            }
            if let Some(node) = fields.get("competencies") {
                for item in dec.list(node, "competencies") {
                    competencies.extend(read_competency(&mut dec, item));
                }
            }
        }
        check_ids(&mut dec, levels.iter().map(|l| &l.id), "level");
        check_ids(&mut dec, competencies.iter().map(|c| &c.id), "competency");
        let level_ids = Ids::new(levels.iter().map(|l| l.id.value.as_str()));
        let competency_ids = Ids::new(competencies.iter().map(|c| c.id.value.as_str()));
        let mut budget = Budget::default();
        for competency in &competencies {
            for (level, _) in &competency.expectations {
                if level_ids.position(&level.value).is_none() {
                    let mut p = Problem::new(
                        ProblemKind::UnknownField,
                        level.span,
                        format!("`{}` is not a level of this ladder", level.value),
                    );
                    p.help = level_ids
                        .nearest(&level.value, &mut budget)
                        .map(|s| format!("did you mean `{s}`?"));
                    dec.report(p);
                }
            }
        }
        let ladder = Ladder {
            file: file.clone(),
            levels,
            competencies,
            level_ids,
            competency_ids,
        };
        InvalidFile::check(file, dec.problems, ladder)
    }

    /// The index (0 = lowest) of a level.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.level_ids.position(id)
    }

    pub fn level_ids(&self) -> Vec<&str> {
        self.levels.iter().map(|l| l.id.value.as_str()).collect()
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.get(self.competency_ids.position(id)?)
    }

    pub fn competency_ids(&self) -> Vec<&str> {
        self.competencies
            .iter()
            .map(|c| c.id.value.as_str())
            .collect()
    }

    /// The level id nearest to `name`, if one is near enough to be a likely typo.
    pub fn nearest_level(&self, name: &str, budget: &mut Budget) -> Option<&str> {
        self.level_ids.nearest(name, budget)
    }

    /// The competency id nearest to `name`, if one is near enough to be a likely typo.
    pub fn nearest_competency(&self, name: &str, budget: &mut Budget) -> Option<&str> {
        self.competency_ids.nearest(name, budget)
    }

    /// "the ladder's levels are: a, b, c" for help text. A long list is cut to its first
    /// few and says where the rest are, so one finding's help stays one line however large
    /// the ladder.
    pub fn listing(&self, what: &str, ids: &[&str]) -> String {
        const SHOWN: usize = 8;
        if ids.len() <= SHOWN {
            return format!("the ladder's {what} are: {}", ids.join(", "));
        }
        format!(
            "the ladder's {what} are: {}, … and {} more in {}",
            ids[..SHOWN].join(", "),
            ids.len() - SHOWN,
            crate::paths::shown(self.file.path()).display()
        )
    }

    /// What a competency expects at a level: its own entry, or the nearest level below's.
    /// One pass over the competency's own entries (each level id is looked up in the index),
    /// so it costs the same whatever the number of levels.
    pub fn expectation<'a>(&'a self, competency: &'a Competency, level: usize) -> Option<&'a str> {
        let mut best: Option<(usize, &str)> = None;
        for (id, text) in &competency.expectations {
            let Some(at) = self.level_ids.position(&id.value).filter(|at| *at <= level) else {
                continue;
            };
            // The highest level at or below `level`; for the same level, the first entry.
            if best.is_none_or(|(b, _)| at > b) {
                best = Some((at, text.as_str()));
            }
        }
        best.map(|(_, text)| text)
    }

    /// Competencies whose expectation at `to` differs from the one at `from`: what the next
    /// level asks for that the current one does not. Unknown levels give nothing.
    pub fn rising(&self, from: &str, to: &str) -> Vec<&Competency> {
        let (Some(from), Some(to)) = (self.level_index(from), self.level_index(to)) else {
            return Vec::new();
        };
        self.competencies
            .iter()
            .filter(|c| {
                let target = self.expectation(c, to);
                target.is_some() && target != self.expectation(c, from)
            })
            .collect()
    }
}

fn read_level(dec: &mut Decoder, node: &Node) -> Option<Level> {
    if let Value::Str(_) = node.value {
        return dec.text(node).map(|id| Level { id, name: None });
    }
    let fields = dec.fields(node, "level", LEVEL_KEYS)?;
    let Some(id) = fields.get("id").and_then(|n| dec.text(n)) else {
        dec.missing(
            Span::at(node.span.start),
            "a level without an `id`",
            "give each level an `id`, e.g. `id: senior-engineer`",
        );
        return None;
    };
    let name = fields
        .get("name")
        .and_then(|n| dec.text(n))
        .map(|s| s.value);
    Some(Level { id, name })
}

fn read_competency(dec: &mut Decoder, node: &Node) -> Option<Competency> {
    let fields = dec.fields(node, "competency", COMPETENCY_KEYS)?;
    let Some(id) = fields.get("id").and_then(|n| dec.text(n)) else {
        dec.missing(
            Span::at(node.span.start),
            "a competency without an `id`",
            "give each competency an `id`, e.g. `id: incident-response`",
        );
        return None;
    };
    let text = |dec: &mut Decoder, key| fields.get(key).and_then(|n| dec.text(n)).map(|s| s.value);
    let area = text(dec, "area");
    let description = text(dec, "description");
    let mut expectations = Vec::new();
    if let Some(node) = fields.get("expectations") {
        match &node.value {
            Value::Map(entries) => {
                for (key, value) in entries {
                    if let Some(text) = dec.text(value) {
                        expectations.push((Spanned::new(key.name.clone(), key.span), text.value));
                    }
                }
            }
            Value::Null => {}
            _ => dec.report(Problem::new(
                ProblemKind::WrongType,
                node.span,
                "`expectations` maps level ids to what the level expects",
            )),
        }
    }
    Some(Competency {
        id,
        area,
        description,
        expectations,
    })
}

fn check_ids<'a>(dec: &mut Decoder, ids: impl Iterator<Item = &'a Spanned<String>>, what: &str) {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(id.value.as_str()) {
            dec.report(Problem::new(
                ProblemKind::WrongType,
                id.span,
                format!("the {what} id `{}` is used twice", id.value),
            ));
        }
    }
}

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
struct Ids {
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
    fn new<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
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

    fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    /// The id nearest to `name` (lower-cased) within a third of the longer length, the first
    /// in ladder order among equals: `decode::suggest`'s answer, found by looking only at ids
    /// of a length that could be near, ruling most out by their letters before computing a
    /// distance, and stopping when `budget` runs out.
    fn nearest(&self, name: &str, budget: &mut Budget) -> Option<&str> {
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

    /// A fixed seed and no failure files, as in tests/fuzz.rs: the same cases on every run.
    fn runner() -> proptest::test_runner::TestRunner {
        use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
        let config = Config {
            cases: 3_000,
            failure_persistence: None,
            rng_algorithm: RngAlgorithm::ChaCha,
            ..Config::default()
        };
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[11; 32]))
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

    #[test]
    fn expectations_are_inherited_from_the_nearest_level_below() {
        let file = SourceFile::new("ladder.yaml", String::new());
        let level = |id: &str| Level {
            id: Spanned::new(id.to_string(), Span::at(0)),
            name: None,
        };
        let levels = vec![level("e"), level("s"), level("t")];
        let competency = Competency {
            id: Spanned::new("c".to_string(), Span::at(0)),
            area: None,
            description: None,
            expectations: vec![
                (Spanned::new("t".to_string(), Span::at(0)), "leads".into()),
                (Spanned::new("e".to_string(), Span::at(0)), "follows".into()),
            ],
        };
        let ladder = Ladder {
            file,
            level_ids: Ids::new(levels.iter().map(|l| l.id.value.as_str())),
            competency_ids: Ids::new(std::iter::once("c")),
            levels,
            competencies: vec![competency.clone()],
        };
        assert_eq!(ladder.expectation(&competency, 0), Some("follows"));
        assert_eq!(ladder.expectation(&competency, 1), Some("follows"));
        assert_eq!(ladder.expectation(&competency, 2), Some("leads"));
        assert_eq!(ladder.rising("e", "t").len(), 1);
        assert!(ladder.rising("e", "s").is_empty());
        assert_eq!(
            ladder.competency("c").map(|c| c.id.value.as_str()),
            Some("c")
        );
        let many: Vec<String> = (0..20).map(|i| format!("c{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            ladder.listing("competencies", &many),
            "the ladder's competencies are: c0, c1, c2, c3, c4, c5, c6, c7, … and 12 more in ladder.yaml"
        );
        assert_eq!(
            ladder.listing("levels", &["e", "s"]),
            "the ladder's levels are: e, s"
        );
    }
}
