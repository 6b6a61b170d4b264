//! The career ladder (`ladder.yaml`): ordered levels and competencies with per-level
//! expectations. It answers "what does the next level need?": the competencies whose
//! expectation rises between a plan's `role` and `target_role`.

mod ids;
mod path;
mod read;

use std::collections::HashMap;
use std::path::Path;

use crate::decode::Decoder;
use crate::invalid::{parse_yaml, read_yaml, InvalidFile};
use crate::problem::{Problem, ProblemKind};
use crate::source::{SourceFile, Span, Spanned};

pub use ids::Budget;
use ids::Ids;
pub use path::Step;

pub const LADDER_KEYS: &[&str] = &["levels", "competencies"];
pub const LEVEL_KEYS: &[&str] = &["id", "name", "description", "track", "after"];
pub const COMPETENCY_KEYS: &[&str] = &["id", "area", "description", "tracks", "expectations"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub id: Spanned<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    /// The track the level is on (`ic`, `manager`); `None` for the shared trunk.
    pub track: Option<String>,
    /// The levels it follows as written; empty for the default (the previous level of the
    /// same track, or for a track's first level the previous level in the list).
    pub after: Vec<Spanned<String>>,
}

impl Level {
    pub fn bare(id: Spanned<String>) -> Level {
        Level {
            id,
            name: None,
            description: None,
            track: None,
            after: Vec::new(),
        }
    }
}

/// What a level expects of a competency: one thing or several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub items: Vec<String>,
    /// The items in one line, for messages.
    pub text: String,
}

impl Expectation {
    pub fn new(items: Vec<String>) -> Expectation {
        Expectation {
            text: items.join("; "),
            items,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    pub id: Spanned<String>,
    pub area: Option<String>,
    pub description: Option<String>,
    /// The tracks it applies to; empty: every level. A level off these tracks (the shared
    /// trunk included) expects nothing of it.
    pub tracks: Vec<String>,
    /// Expectations by level id, in file order.
    pub expectations: Vec<(Spanned<String>, Expectation)>,
}

/// A career ladder.
#[derive(Debug, Clone)]
pub struct Ladder {
    pub file: SourceFile,
    /// Lowest first: a level never follows one listed after it.
    pub levels: Vec<Level>,
    pub competencies: Vec<Competency>,
    /// The level ids, indexed once so that lookups and hints cost the same for a ladder of
    /// twenty thousand entries as for one of five.
    level_ids: Ids,
    competency_ids: Ids,
    order: path::Order,
}

impl Ladder {
    pub fn load(path: &Path) -> Result<Ladder, InvalidFile> {
        Ladder::from_yaml(read_yaml(path)?)
    }

    /// Reads a ladder from its text (an editor's unsaved buffer), as [`Ladder::load`] would.
    pub fn parse(path: &Path, text: impl Into<String>) -> Result<Ladder, InvalidFile> {
        Ladder::from_yaml(parse_yaml(SourceFile::new(path, text))?)
    }

    fn from_yaml((file, root): (SourceFile, crate::yaml::Node)) -> Result<Ladder, InvalidFile> {
        let mut dec = Decoder::default();
        let mut levels = Vec::new();
        let mut competencies = Vec::new();
        if let Some(fields) = dec.fields(&root, "ladder", LADDER_KEYS) {
            match fields.get("levels") {
                Some(node) => {
                    for item in dec.list(node, "levels") {
                        levels.extend(read::level(&mut dec, item));
                    }
                }
                None => dec.missing(Span::at(root.span.start), "the ladder has no `levels`", "list the levels, lowest first: `levels: [{ id: engineer, name: Engineer }, …]`"),
            }
            if let Some(node) = fields.get("competencies") {
                for item in dec.list(node, "competencies") {
                    competencies.extend(read::competency(&mut dec, item));
                }
            }
        }
        read::check_ids(&mut dec, levels.iter().map(|l| &l.id), "level");
        read::check_ids(&mut dec, competencies.iter().map(|c| &c.id), "competency");
        let level_ids = Ids::new(levels.iter().map(|l| l.id.value.as_str()));
        let order = path::Order::new(parents(&mut dec, &levels, &level_ids));
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
            order,
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

    /// What a competency expects at a level: its own entry, or the one of the nearest level
    /// it follows (along `after`); nothing on a track the competency does not apply to. In a
    /// ladder without merges this is one pass over the competency's own entries, so it
    /// costs the same whatever the number of levels.
    pub fn expectation<'a>(&'a self, competency: &'a Competency, level: usize) -> Option<&'a str> {
        self.expected(competency, level).map(|e| e.text.as_str())
    }

    /// [`Ladder::expectation`], item by item.
    pub fn expected<'a>(
        &'a self,
        competency: &'a Competency,
        level: usize,
    ) -> Option<&'a Expectation> {
        self.source(competency, level).map(|(_, e)| e)
    }

    /// The expectation at `level` and the level that states it.
    fn source<'a>(
        &'a self,
        competency: &'a Competency,
        level: usize,
    ) -> Option<(usize, &'a Expectation)> {
        if !self.applies(competency, level) {
            return None;
        }
        let at = |id: &Spanned<String>| self.level_ids.position(&id.value);
        if self.order.merges() {
            return self.order.walk_down(level).find_map(|l| {
                (competency.expectations.iter())
                    .find_map(|(id, e)| (at(id) == Some(l)).then_some((l, e)))
            });
        }
        let mut best: Option<(usize, usize, &Expectation)> = None;
        for (id, expectation) in &competency.expectations {
            let Some(at) = at(id).filter(|at| self.order.at_or_below(*at, level)) else {
                continue;
            };
            // The nearest level at or below `level`; for the same level, the first entry.
            let depth = self.order.depth[at];
            if best.is_none_or(|(b, _, _)| depth > b) {
                best = Some((depth, at, expectation));
            }
        }
        best.map(|(_, at, e)| (at, e))
    }

    fn applies(&self, competency: &Competency, level: usize) -> bool {
        competency.tracks.is_empty()
            || (self.levels[level].track.as_ref()).is_some_and(|t| competency.tracks.contains(t))
    }

    /// How `to` stands to `from`: above it, below it, or on another track. Unknown levels
    /// give `None`.
    pub fn step(&self, from: &str, to: &str) -> Option<Step> {
        Some(
            self.order
                .step(self.level_index(from)?, self.level_index(to)?),
        )
    }

    /// Competencies whose expectation at `to` differs from the one at `from` and is stated
    /// by a level `from` is not already at or above: what the target asks for beyond the
    /// current level, whether it is above `from` or on another track (where what the other
    /// track expects less of is no gap). Unknown levels give nothing.
    pub fn rising(&self, from: &str, to: &str) -> Vec<&Competency> {
        let (Some(from), Some(to)) = (self.level_index(from), self.level_index(to)) else {
            return Vec::new();
        };
        self.competencies
            .iter()
            .filter(|c| {
                let Some((source, target)) = self.source(c, to) else {
                    return false;
                };
                !self.order.at_or_below(source, from)
                    && Some(&target.text) != self.expected(c, from).map(|e| &e.text)
            })
            .collect()
    }
}

/// Which levels each level follows: its `after`, or by default the previous level of its
/// track, or (for a track's first level) the previous level in the list. An `after` must
/// name a level listed before, so the order has no cycle.
fn parents(dec: &mut Decoder, levels: &[Level], ids: &Ids) -> Vec<Vec<usize>> {
    let mut last_of_track: HashMap<Option<&str>, usize> = HashMap::new();
    let mut all = Vec::with_capacity(levels.len());
    for (i, level) in levels.iter().enumerate() {
        let track = level.track.as_deref();
        let mut parents = Vec::new();
        for after in &level.after {
            match ids.position(&after.value) {
                Some(at) if at < i => parents.push(at),
                Some(_) => dec.report(
                    Problem::new(
                        ProblemKind::WrongType,
                        after.span,
                        format!(
                            "`after: {}` names a level listed after `{}`",
                            after.value, level.id.value
                        ),
                    )
                    .with_help(
                        "list the levels lowest first: a level follows levels listed before it",
                    ),
                ),
                None => {
                    let mut p = Problem::new(
                        ProblemKind::UnknownField,
                        after.span,
                        format!("`after: {}` is not a level of this ladder", after.value),
                    );
                    p.help = ids
                        .nearest(&after.value, &mut Budget::default())
                        .map(|s| format!("did you mean `{s}`?"));
                    dec.report(p);
                }
            }
        }
        if level.after.is_empty() {
            let previous = last_of_track.get(&track).copied().or(i.checked_sub(1));
            parents.extend(previous);
        }
        last_of_track.insert(track, i);
        all.push(parents);
    }
    all
}
