//! What changed in a plan since the latest agreement: the facts behind
//! `changed-since-agreed` and the report's "agreed on DATE by NAME".
//!
//! Read from the same events, with the same before → after values, that moved goalposts
//! (GR503) come from; nothing is diffed again. Only what was agreed counts as a change: a
//! goal's target, measure and due date, the goal itself (removed), and its status when it is
//! dropped. Check-ins and ticked actions are progress, not change.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::event::Agreement;
use super::event::{Event, EventKind};

/// The latest agreement of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    pub agreement: Agreement,
    /// The agreed commit (short id).
    pub commit: String,
    /// Goals added after it: not part of what was agreed.
    pub added_since: BTreeSet<String>,
    /// What changed since, by goal then field.
    pub changes: Vec<ChangedSince>,
}

impl Agreed {
    /// "agreed by Bob Manager on 2026-01-05 in a1b2c3d (Agreed-by)".
    pub fn describe(&self) -> String {
        let a = &self.agreement;
        format!(
            "agreed by {} on {} in {} ({})",
            a.by, a.on, self.commit, a.via
        )
    }

    /// Whether `goal` is part of what was agreed (it was there then).
    pub fn covers(&self, goal: &str) -> bool {
        !self.added_since.contains(goal)
    }
}

/// One agreed field of a goal, as agreed and as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedSince {
    pub goal: String,
    /// `target`, `measure`, `due`, `status` (dropped) or `goal` (removed).
    pub field: &'static str,
    pub from: String,
    pub to: String,
    /// The latest commit that changed it (short id) and its date.
    pub commit: String,
    pub date: NaiveDate,
}

impl ChangedSince {
    /// "target 25% → 15% (last changed in 1c517c8 on 2026-03-02)".
    pub fn describe(&self) -> String {
        format!(
            "{} {} → {} (last changed in {} on {})",
            self.field, self.from, self.to, self.commit, self.date
        )
    }
}

/// Replays a plan's events, keeping what changed since the latest agreement.
#[derive(Debug, Default)]
pub struct Tracker {
    latest: Option<(Agreement, String)>,
    added: BTreeSet<String>,
    /// (goal, field) → (as agreed, now, commit, date).
    changed: BTreeMap<(String, &'static str), (String, String, String, NaiveDate)>,
}

impl Tracker {
    pub fn apply(&mut self, event: &Event) {
        if let EventKind::Agreed(a) = &event.kind {
            self.latest = Some((a.clone(), event.commit.short.clone()));
            self.added.clear();
            self.changed.clear();
            return;
        }
        if self.latest.is_none() {
            return;
        }
        let Some(goal) = &event.goal else { return };
        let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
        let day = |d: &Option<NaiveDate>| d.map_or_else(|| "(none)".into(), |d| d.to_string());
        let (field, from, to) = match &event.kind {
            EventKind::TargetChanged { from, to } => ("target", text(from), text(to)),
            EventKind::MeasureChanged { from, to } => {
                let quoted = |v: &Option<String>| {
                    v.as_ref()
                        .map_or_else(|| "(none)".into(), |v| format!("\"{v}\""))
                };
                ("measure", quoted(from), quoted(to))
            }
            EventKind::DueMoved { from, to } => ("due", day(from), day(to)),
            EventKind::StatusChanged { from, to } => (
                "status",
                from.map_or("(none)", |s| s.as_str()).to_string(),
                to.as_str().to_string(),
            ),
            EventKind::GoalRemoved { title } => ("goal", format!("\"{title}\""), "removed".into()),
            EventKind::GoalAdded { .. } => {
                // Back under its old id: the removal is undone; otherwise a new goal.
                let key = (goal.clone(), "goal");
                if self.changed.remove(&key).is_none() {
                    self.added.insert(goal.clone());
                }
                return;
            }
            _ => return,
        };
        let (commit, date) = (event.commit.short.clone(), event.commit.date());
        let entry = self
            .changed
            .entry((goal.clone(), field))
            .or_insert_with(|| (from, String::new(), String::new(), date));
        entry.1 = to;
        entry.2 = commit;
        entry.3 = date;
    }

    /// The latest agreement and what changed since; `None` when nothing was agreed.
    pub fn finish(self) -> Option<Agreed> {
        let (agreement, commit) = self.latest?;
        let added = self.added;
        let changes = self
            .changed
            .into_iter()
            .filter(|((goal, field), (from, to, _, _))| {
                from != to && !added.contains(goal) && (*field != "status" || to == "dropped")
            })
            .map(|((goal, field), (from, to, commit, date))| ChangedSince {
                goal,
                field,
                from,
                to,
                commit,
                date,
            })
            .collect();
        Some(Agreed {
            agreement,
            commit,
            added_since: added,
            changes,
        })
    }
}
