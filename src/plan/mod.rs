//! The plan model: a plan, its goals, their actions and check-ins.
//!
//! Both plan forms (Markdown with front matter, and pure YAML) read into this one model, and
//! every element keeps the [`Span`] it came from, so findings point at the same file, line and
//! column whichever form the user writes.

mod cadence;
pub mod evidence;
pub(crate) mod fields;
mod markdown;
mod toml_front;
mod yaml_form;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::problem::{Problem, ProblemKind};
use crate::source::{self, SourceFile, Span, Spanned};

pub use cadence::{Cadence, NextCheckin};

pub use fields::{
    FRONT_MATTER_KEYS, GOAL_KEYS, PERIOD_KEYS, YAML_ACTION_KEYS, YAML_CHECKIN_KEYS, YAML_GOAL_KEYS,
    YAML_PLAN_KEYS,
};

/// Which of the two forms a plan file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanFormat {
    Markdown,
    Yaml,
}

impl PlanFormat {
    /// The form a path is read as: `.yaml`/`.yml` are YAML plans, everything else Markdown.
    pub fn of(path: &Path) -> PlanFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => {
                PlanFormat::Yaml
            }
            _ => PlanFormat::Markdown,
        }
    }
}

/// The plan period, both ends inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: Spanned<NaiveDate>,
    pub end: Spanned<NaiveDate>,
    #[serde(skip)]
    pub span: Span,
}

/// A growth plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub format: PlanFormat,
    /// The Markdown `# title`, or `title:` of a YAML plan.
    pub title: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    /// The ladder level the owner is at.
    pub role: Option<Spanned<String>>,
    /// The ladder level the owner works towards.
    pub target_role: Option<Spanned<String>>,
    pub period: Option<Period>,
    /// The next (or latest) review date.
    pub review: Option<Spanned<NaiveDate>>,
    pub north_star: Option<Spanned<String>>,
    pub not_willing: Vec<Spanned<String>>,
    /// The check-in rhythm for every goal that states none.
    pub cadence: Option<Spanned<Cadence>>,
    /// Other names and emails the owner commits as (evidence is checked against them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Spanned<String>>,
    pub goals: Vec<Goal>,
    /// The plan keys written with a value, a misspelt key counted as the key it most likely
    /// means (see [`Goal::written`]).
    #[serde(skip)]
    pub written: Vec<&'static str>,
    /// Where plan-level findings point: the front matter, or the top of the file.
    #[serde(skip)]
    pub header_span: Span,
}

impl Plan {
    /// A plan with nothing in it, for files that could not be read.
    pub fn empty(format: PlanFormat) -> Plan {
        fields::empty_plan(format, Span::at(0))
    }

    /// Whether the plan's own keys include `key` (or a misspelling of it) with a value,
    /// readable or not.
    pub fn wrote(&self, key: &str) -> bool {
        self.written.contains(&key)
    }

    /// The check-in rhythm that applies to `goal`: its own, else the plan's. A goal whose
    /// own cadence could not be read has none (that is GR001's finding, not a reason to
    /// judge it by the plan's).
    pub fn cadence_of(&self, goal: &Goal) -> Option<Cadence> {
        if goal.cadence.is_none() && goal.wrote("cadence") {
            return None;
        }
        goal.cadence
            .as_ref()
            .or(self.cadence.as_ref())
            .map(|c| c.value)
    }

    /// Goals being worked on now (`active` or `blocked`).
    pub fn active_goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|g| g.is_active())
    }

    /// Goals not yet finished (`active`, `blocked` or `planned`).
    pub fn open_goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|g| g.is_open())
    }
}

/// What a goal is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoalType {
    /// Builds a skill; in your control.
    Development,
    /// An outcome such as a role or recognition; not fully in your control.
    Career,
    /// A result for the team or the business.
    Business,
}

impl GoalType {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalType::Development => "development",
            GoalType::Career => "career",
            GoalType::Business => "business",
        }
    }
}

/// Where a goal stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    Planned,
    Active,
    Done,
    Dropped,
    Blocked,
}

impl GoalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Planned => "planned",
            GoalStatus::Active => "active",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
            GoalStatus::Blocked => "blocked",
        }
    }
}

/// A goal with its metadata, actions and check-ins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub title: Spanned<String>,
    /// The stable id: the `id` key, or a slug of the title.
    pub id: Spanned<String>,
    /// Whether `id` was written (false: derived from the title).
    pub id_explicit: bool,
    #[serde(rename = "type")]
    pub kind: Option<Spanned<GoalType>>,
    pub focus: Option<Spanned<String>>,
    pub competency: Option<Spanned<String>>,
    pub measure: Option<Spanned<String>>,
    pub baseline: Option<Spanned<String>>,
    pub target: Option<Spanned<String>>,
    pub due: Option<Spanned<NaiveDate>>,
    pub why: Option<Spanned<String>>,
    pub obstacles: Option<Spanned<String>>,
    pub resources: Option<Spanned<String>>,
    pub relevance: Option<Spanned<String>>,
    pub status: Option<Spanned<GoalStatus>>,
    /// The goal's own check-in rhythm; see [`Plan::cadence_of`] for the one that applies.
    pub cadence: Option<Spanned<Cadence>>,
    pub actions: Vec<Action>,
    pub checkins: Vec<Checkin>,
    /// Revisions or URLs the goal cites as evidence (`evidence:` in its block).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Spanned<String>>,
    /// The goal keys written with a value, a misspelt key counted as the key it most likely
    /// means: a key that was written but could not be read is reported once, by the reader,
    /// and not again as missing.
    #[serde(skip)]
    pub written: Vec<&'static str>,
    /// The goal heading (Markdown) or the goal's mapping (YAML).
    #[serde(skip)]
    pub span: Span,
    /// Where the goal's parts sit in the file, for the commands that edit it.
    #[serde(skip)]
    pub layout: GoalLayout,
}

/// Where a goal's parts sit in its file: what `check-in` and `done` need to make a
/// byte-precise insertion without reading the file a second way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalLayout {
    /// The level of the goal heading (Markdown; 0 in a YAML plan).
    pub level: usize,
    /// The goal's whole extent: up to the heading that ends it (Markdown), or its mapping
    /// (YAML).
    pub extent: Span,
    /// The `Check-ins` sub-heading (Markdown) or the `checkins` value (YAML).
    pub checkins: Option<Span>,
    /// The last entry of the check-ins, read or not (a broken entry still comes before the
    /// new one).
    pub last_checkin: Option<Span>,
    /// In a YAML plan, the start of the goal's first key, whose column the goal's keys share.
    pub first_key: Option<Span>,
}

impl Goal {
    /// The goal's type; `development` when not given.
    pub fn goal_type(&self) -> GoalType {
        self.kind
            .as_ref()
            .map_or(GoalType::Development, |k| k.value)
    }

    /// The goal's status; `active` when not given.
    pub fn goal_status(&self) -> GoalStatus {
        self.status.as_ref().map_or(GoalStatus::Active, |s| s.value)
    }

    /// Being worked on now: `active`, or `blocked` (still on your plate). These count against
    /// the "less is more" limits; `planned` ones do not yet.
    pub fn is_active(&self) -> bool {
        matches!(self.goal_status(), GoalStatus::Active | GoalStatus::Blocked)
    }

    /// Not finished: active, blocked or planned. The SMART rules judge these.
    pub fn is_open(&self) -> bool {
        matches!(
            self.goal_status(),
            GoalStatus::Active | GoalStatus::Planned | GoalStatus::Blocked
        )
    }

    /// Whether the goal's block holds `key` (or a misspelling of it) with a value, readable or
    /// not.
    pub fn wrote(&self, key: &str) -> bool {
        self.written.contains(&key)
    }

    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| !a.done)
    }
}

/// One action of a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The action text without its date markers.
    pub text: Spanned<String>,
    pub done: bool,
    /// The date the line says it was done, `(done …)` or `✅ …`.
    pub done_on: Option<Spanned<NaiveDate>>,
    /// `(due …)` or `📅 …`.
    pub due: Option<Spanned<NaiveDate>>,
    /// Revisions or URLs cited as evidence: `(evidence REV)`, or `evidence:` in YAML.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Spanned<String>>,
    /// The whole list item or YAML entry.
    #[serde(skip)]
    pub span: Span,
}

/// One dated check-in entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checkin {
    pub date: Spanned<NaiveDate>,
    /// The measured value, in the unit of the goal's target.
    pub value: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

/// A file read as a plan: the file, what could be read of the plan, and the problems found.
///
/// `plan` is `None` only when the file could not be read at all; otherwise it holds everything
/// that parsed, so rules can still run on the healthy parts of a broken file.
#[derive(Debug, Clone)]
pub struct ParsedPlan {
    pub file: SourceFile,
    pub plan: Option<Plan>,
    pub problems: Vec<Problem>,
}

/// Reads and parses a plan file. Never fails: unreadable files come back with a problem.
pub fn load(path: &Path) -> ParsedPlan {
    match source::read_limited(path) {
        Ok(bytes) => parse_bytes(path, bytes),
        Err(err) => unreadable(SourceFile::new(path, String::new()), &err, 0),
    }
}

/// How a Git LFS pointer file begins (the LFS specification, version 1).
const LFS_POINTER: &str = "version https://git-lfs.github.com/spec/v1";

/// Parses a plan's bytes (a file's, or a git blob's shown under the file's path). Never
/// fails: text that is not UTF-8 comes back with a problem at the bad byte.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>) -> ParsedPlan {
    match source::check_text(&bytes) {
        Ok(()) => {
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            if text.starts_with(LFS_POINTER) {
                let problem = Problem::new(
                    ProblemKind::Unreadable,
                    Span::new(0, LFS_POINTER.len()),
                    "this is a Git LFS pointer, not the plan: the plan's content is in LFS",
                )
                .with_help("run `git lfs pull` (in CI, check out with `lfs: true`), or keep plans out of LFS");
                return ParsedPlan {
                    file: SourceFile::new(path, text),
                    plan: None,
                    problems: vec![problem],
                };
            }
            parse(SourceFile::new(path, text))
        }
        Err(err) => {
            // Keep a lossy copy of the text so the finding can show the line with the bad byte;
            // replacement characters are longer than the bytes they replace, so the offset is
            // measured in the lossy text too.
            let text = String::from_utf8_lossy(&bytes).replace('\0', "\u{fffd}");
            let at = err.offset().map_or(0, |o| {
                String::from_utf8_lossy(&bytes[..o.min(bytes.len())]).len()
            });
            unreadable(SourceFile::new(path, text), &err, at)
        }
    }
}

/// A place a search could not read (a directory without permission, a loop of links, a path
/// too long for the system), as a
/// plan with one problem, so every output format reports it where plans are reported.
pub fn unreadable_place(shown: &Path, reason: &str) -> ParsedPlan {
    ParsedPlan {
        file: SourceFile::new(shown, String::new()),
        plan: None,
        problems: vec![Problem::new(
            ProblemKind::Unreadable,
            Span::at(0),
            format!("cannot search this path: {reason}; the other plans were checked"),
        )],
    }
}

fn unreadable(file: SourceFile, err: &source::ReadError, at: usize) -> ParsedPlan {
    let at = Span::at(at);
    ParsedPlan {
        file,
        plan: None,
        problems: vec![Problem::new(ProblemKind::Unreadable, at, err.to_string())],
    }
}

/// Parses a plan already in memory, choosing the form by the file's extension.
pub fn parse(file: SourceFile) -> ParsedPlan {
    let (plan, mut problems) = match PlanFormat::of(file.path()) {
        PlanFormat::Markdown => markdown::parse(&file),
        PlanFormat::Yaml => yaml_form::parse(&file),
    };
    problems.sort_by_key(|p| (p.span.start, p.kind));
    ParsedPlan {
        file,
        plan: Some(plan),
        problems,
    }
}

/// Parses text as a plan of the given form (for git blobs and tests).
pub fn parse_str(path: impl AsRef<Path>, text: impl Into<String>) -> ParsedPlan {
    parse(SourceFile::new(path.as_ref(), text))
}
