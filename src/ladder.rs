//! The career ladder (`ladder.yaml`): ordered levels and competencies with per-level
//! expectations. It answers "what does the next level need?": the competencies whose
//! expectation rises between a plan's `role` and `target_role`.

use std::path::Path;

use crate::decode::{did_you_mean, Decoder};
use crate::invalid::{read_yaml, InvalidFile};
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
}

impl Ladder {
    pub fn load(path: &Path) -> Result<Ladder, InvalidFile> {
        let (file, root) = read_yaml(path)?;
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
        let level_ids: Vec<&str> = levels.iter().map(|l| l.id.value.as_str()).collect();
        for competency in &competencies {
            for (level, _) in &competency.expectations {
                if !level_ids.contains(&level.value.as_str()) {
                    let mut p = Problem::new(
                        ProblemKind::UnknownField,
                        level.span,
                        format!("`{}` is not a level of this ladder", level.value),
                    );
                    p.help = did_you_mean(&level.value, &level_ids);
                    dec.report(p);
                }
            }
        }
        let ladder = Ladder {
            file: file.clone(),
            levels,
            competencies,
        };
        InvalidFile::check(file, dec.problems, ladder)
    }

    /// The index (0 = lowest) of a level.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id.value == id)
    }

    pub fn level_ids(&self) -> Vec<&str> {
        self.levels.iter().map(|l| l.id.value.as_str()).collect()
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.iter().find(|c| c.id.value == id)
    }

    pub fn competency_ids(&self) -> Vec<&str> {
        self.competencies
            .iter()
            .map(|c| c.id.value.as_str())
            .collect()
    }

    /// What a competency expects at a level: its own entry, or the nearest level below's.
    pub fn expectation<'a>(&'a self, competency: &'a Competency, level: usize) -> Option<&'a str> {
        self.levels[..=level.min(self.levels.len().saturating_sub(1))]
            .iter()
            .rev()
            .find_map(|l| {
                competency
                    .expectations
                    .iter()
                    .find(|(id, _)| id.value == l.id.value)
                    .map(|(_, text)| text.as_str())
            })
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
    let mut seen: Vec<&Spanned<String>> = Vec::new();
    for id in ids {
        if let Some(first) = seen.iter().find(|s| s.value == id.value) {
            let _ = first;
            dec.report(Problem::new(
                ProblemKind::WrongType,
                id.span,
                format!("the {what} id `{}` is used twice", id.value),
            ));
        } else {
            seen.push(id);
        }
    }
}
