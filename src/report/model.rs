//! The report's data: what every format shows, and exactly what the JSON format prints
//! (schema/report.schema.json).

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::{GoalStatus, GoalType};

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    /// The date the report is measured against (`--today`).
    pub today: NaiveDate,
    pub range: Range,
    /// Whether git history was available; without it, dates come from the plans only.
    pub history: bool,
    pub notes: Vec<String>,
    /// For two or more plans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
    pub plans: Vec<PlanReport>,
    /// Ended plans left out of the report: their owner has a newer plan. `--all`, or naming
    /// the file, shows them (marked ended).
    pub archived: Vec<ArchivedPlan>,
}

/// An ended plan the report leaves out.
#[derive(Debug, Clone, Serialize)]
pub struct ArchivedPlan {
    pub owner: String,
    #[serde(serialize_with = "crate::render::serialize_lossy")]
    pub path: PathBuf,
    /// As [`PlanReport::path_bytes`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// The reporting window, inclusive. `None` ends are open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Range {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// "all dates", "from 2026-03-01", "up to …", "2026-03-01 to 2026-06-30".
impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.since, self.until) {
            (None, None) => f.write_str("all dates"),
            (Some(s), None) => write!(f, "from {s}"),
            (None, Some(u)) => write!(f, "up to {u}"),
            (Some(s), Some(u)) => write!(f, "{s} to {u}"),
        }
    }
}

impl Range {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| date >= s) && self.until.is_none_or(|u| date <= u)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    #[serde(serialize_with = "crate::render::serialize_lossy")]
    pub path: PathBuf,
    /// Only for a name that is not valid UTF-8: its exact bytes (`render::path_bytes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
    /// The window this plan's check-ins, actions and timeline are shown for.
    pub range: Range,
    pub owner: String,
    pub title: Option<String>,
    pub role: Option<String>,
    pub target_role: Option<String>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The period ended before the report date: the plan is a record, and its open goals are
    /// not flagged overdue (lint says once that the period ended, GR305).
    pub ended: bool,
    pub review: Option<NaiveDate>,
    pub north_star: Option<String>,
    pub lint: LintCounts,
    /// The latest check-in of any goal dated on or before the report date.
    pub last_checkin: Option<NaiveDate>,
    /// The latest action, check-in or goal change, by git (or the plan's dates without it).
    pub last_activity: Option<NaiveDate>,
    /// "Since the last review" in sentences, over the plan's range: actions done, check-ins,
    /// progress from → to, goalposts moved and entries backdated, with their commits. Built
    /// from the rest of this report by [`super::summary::sentences`], so every format says
    /// the same.
    pub summary: Vec<String>,
    /// The lint findings before the plan's first goal (front matter, period, owner); each
    /// goal lists its own.
    pub findings: Vec<FindingReport>,
    pub goals: Vec<GoalReport>,
}

impl PlanReport {
    pub fn range_eq(&self, other: &PlanReport) -> bool {
        self.range == other.range
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct LintCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalReport {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: GoalType,
    pub status: GoalStatus,
    pub focus: Option<String>,
    pub competency: Option<String>,
    pub measure: Option<String>,
    pub due: Option<NaiveDate>,
    pub smart: Smart,
    pub actions: Vec<ActionReport>,
    pub actions_done: usize,
    /// Actions done inside the range.
    pub actions_done_in_range: usize,
    /// Check-ins dated inside the range.
    pub checkins: Vec<CheckinReport>,
    pub progress: Progress,
    /// The goal's events in the range, oldest first.
    pub timeline: Vec<TimelineEntry>,
    pub flags: Vec<Flag>,
    /// Which entry each history flag is about (backdated, moved goalposts), oldest first.
    pub flag_details: Vec<FlagDetail>,
    /// The goal's lint findings, in the order lint prints them.
    pub findings: Vec<FindingReport>,
    /// The latest agreement that covers the goal, and what changed since.
    pub agreed: Option<super::proof::AgreedReport>,
    /// Evidence the goal itself cites (`evidence:` in its block).
    pub evidence: Vec<super::proof::EvidenceReport>,
}

/// One lint finding of a goal, as `growth lint` states it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingReport {
    pub code: &'static str,
    pub severity: crate::severity::Severity,
    /// 1-based line in the plan's file.
    pub line: usize,
    pub message: String,
}

/// The entry behind a flag: the backdated check-in or done date and the commit that added
/// it, or the due date or target that moved, before → after, and the commit that moved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagDetail {
    pub flag: Flag,
    /// The entry in words: "check-in 2026-02-20", "done date of \"Write the RFC\"", "due
    /// date", "target".
    pub entry: String,
    /// The date the entry states (backdated entries).
    pub stated: Option<NaiveDate>,
    /// The value before and after the change (moved goalposts).
    pub before: Option<String>,
    pub after: Option<String>,
    /// The commit that added the entry or made the change (short id), and its date.
    pub commit: String,
    pub date: NaiveDate,
}

impl FlagDetail {
    /// The detail in words, the same in every format: "check-in 2026-02-20, committed
    /// 2026-07-01 in abc1234", "due date 2026-06-30 → 2026-09-30 in abc1234 on 2026-06-20".
    pub fn words(&self) -> String {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => format!(
                "{} {b} → {a} in {} on {}",
                self.entry, self.commit, self.date
            ),
            _ => format!("{}, committed {} in {}", self.entry, self.date, self.commit),
        }
    }
}

/// Which SMART criteria the goal meets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Smart {
    pub specific: bool,
    pub measurable: bool,
    pub achievable: bool,
    pub relevant: bool,
    pub time_bound: bool,
}

impl Smart {
    /// The criteria's names, in SMART order.
    pub const NAMES: [&'static str; 5] = [
        "Specific",
        "Measurable",
        "Achievable",
        "Relevant",
        "Time-bound",
    ];

    /// Each criterion's name and whether it is met, in SMART order.
    pub fn criteria(&self) -> [(&'static str, bool); 5] {
        let met = [
            self.specific,
            self.measurable,
            self.achievable,
            self.relevant,
            self.time_bound,
        ];
        std::array::from_fn(|i| (Self::NAMES[i], met[i]))
    }

    /// "S M A T" style letters, a dash for each criterion not met: "SM-RT".
    pub fn letters(&self) -> String {
        self.criteria()
            .iter()
            .map(|(name, met)| {
                if *met {
                    name.chars().next().unwrap_or('?')
                } else {
                    '-'
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionReport {
    pub text: String,
    pub done: bool,
    /// When it was done: the stated date, else the date of the commit that checked it.
    pub done_on: Option<NaiveDate>,
    /// Where `done_on` comes from: `stated` or `git`.
    pub done_source: Option<&'static str>,
    pub due: Option<NaiveDate>,
    /// Open and due before the report date, in a plan that has not ended (an ended plan's
    /// actions are a record): the one place every format learns "overdue" from.
    pub overdue: bool,
    /// What the action cites as evidence, and whether git bears it out.
    pub evidence: Vec<super::proof::EvidenceReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckinReport {
    pub date: NaiveDate,
    pub value: Option<String>,
    pub note: Option<String>,
}

/// Progress towards the target: the latest check-in value against baseline and target.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Progress {
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub latest: Option<String>,
    /// 0–100 when the latest value and the target (and the baseline, if any) read as
    /// quantities in compatible units; measured on the target's scale (`[0.5 s]` against
    /// `400 ms` is 500 ms). Check-ins dated after today do not count.
    pub percent: Option<f64>,
    /// Why there is no percentage, when it is not simply that the target or every check-in
    /// value is missing: "the latest check-in is in %, the target in updates".
    pub no_percent: Option<String>,
    /// The check-in values up to today in the unit of the target (converted), oldest first,
    /// for charts; values in other units are left out.
    pub series: Vec<(NaiveDate, f64)>,
    /// The value the range starts from: the latest check-in value dated before the range
    /// opens, else the baseline. With `latest`, progress over the range, from → to.
    pub start: Option<String>,
    /// The target as it was over time, on the scale of `series`: (the date it took effect,
    /// its value), oldest first; the first point is the period's start (or the goal's first
    /// commit), so a target lowered in June is a step down in June. Empty when the target is
    /// not a number on that scale.
    pub target_series: Vec<(NaiveDate, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    pub commit: String,
    pub author: String,
    pub what: String,
}

/// Why a goal needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    Stale,
    Overdue,
    Backdated,
    MovedGoalposts,
    LintErrors,
}

impl Flag {
    pub fn label(self) -> &'static str {
        match self {
            Flag::Stale => "stale",
            Flag::Overdue => "overdue",
            Flag::Backdated => "backdated",
            Flag::MovedGoalposts => "moved goalposts",
            Flag::LintErrors => "lint errors",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Team {
    pub people: Vec<PersonRow>,
    /// Focus areas (a goal's focus, or its competency's area) and how many open goals each.
    pub focus_areas: Vec<(String, usize)>,
    pub ladder: Vec<LadderCoverage>,
    /// Owners with a plan but no `target_role`: no ladder coverage to show.
    pub no_target_role: Vec<String>,
    /// Owners quiet as of the report date: no check-in for more than `quiet_days` days (in
    /// any of their plans; a plan that started more recently counts from its start).
    pub not_checked_in: Vec<String>,
    /// The days without a check-in after which a person is listed (`stale_days`).
    pub quiet_days: u32,
    /// The people of `not_checked_in`, with their latest check-in.
    pub quiet: Vec<Quiet>,
}

/// A person with no check-in for more than `quiet_days` days.
#[derive(Debug, Clone, Serialize)]
pub struct Quiet {
    pub owner: String,
    /// Their latest check-in on or before the report date, in any plan; `None`: never.
    pub last_checkin: Option<NaiveDate>,
    /// Days from `last_checkin` (or the start of their plan) to the report date.
    pub days: Option<i64>,
    /// The rhythm they committed to (`cadence:`), when it is what they are measured by rather
    /// than `quiet_days`.
    pub cadence: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub owner: String,
    #[serde(serialize_with = "crate::render::serialize_lossy")]
    pub path: PathBuf,
    /// As [`PlanReport::path_bytes`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
    pub goals: usize,
    pub actions_done_in_range: usize,
    pub checkins_in_range: usize,
    pub last_activity: Option<NaiveDate>,
    /// As [`PlanReport::last_checkin`].
    pub last_checkin: Option<NaiveDate>,
    /// As [`PlanReport::ended`].
    pub ended: bool,
    pub flags: Vec<Flag>,
    /// `ok`, `warnings` or `errors`.
    pub lint: &'static str,
}

/// For a person with a target level: which of the competencies that rise are covered by a goal.
#[derive(Debug, Clone, Serialize)]
pub struct LadderCoverage {
    pub owner: String,
    pub role: String,
    pub target_role: String,
    /// The levels' names in the ladder, where it gives them.
    pub role_name: Option<String>,
    pub target_name: Option<String>,
    pub covered: Vec<String>,
    pub missing: Vec<String>,
    /// For each missing competency, in the order of `missing`: what good looks like at the
    /// target level.
    pub gaps: Vec<Gap>,
}

/// A competency that rises to the target level and that no open goal works on.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub competency: String,
    pub area: Option<String>,
    /// The ladder's expectation at the target level.
    pub expectation: String,
}
