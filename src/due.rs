//! `growth due`: what is coming due, per person — check-ins by each goal's cadence and open
//! actions by their due dates — for a scheduled job that posts reminders.
//!
//! Only what a person can act on is listed: open actions of goals that are being worked on
//! (`active` or `blocked`), check-ins of active goals, and only in plans whose period has not
//! ended (an ended plan is GR305's business, not a reminder).

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::{Cadence, Plan};
use crate::source::SourceFile;

/// Everything due up to `until`, grouped by person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueList {
    pub today: NaiveDate,
    /// The last day looked at: today plus `--within` days.
    pub until: NaiveDate,
    pub people: Vec<Person>,
}

/// One person's reminders, earliest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The plans' `owner`, or the file when a plan has none.
    pub owner: String,
    pub items: Vec<Item>,
}

/// A check-in or an action coming due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    #[serde(rename = "kind")]
    pub what: Kind,
    pub due: NaiveDate,
    /// Due before today.
    pub overdue: bool,
    pub goal: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// For a check-in, the rhythm and the latest check-in (if any).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<NaiveDate>,
    #[serde(serialize_with = "crate::render::serialize_lossy")]
    pub path: PathBuf,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    CheckIn,
    Action,
}

/// The reminders of `plans` (each with the file it was read from, shown as `path`), as of
/// `today`, for things due up to `until`.
pub fn due(plans: &[(PathBuf, &SourceFile, &Plan)], today: NaiveDate, until: NaiveDate) -> DueList {
    let mut people: Vec<Person> = Vec::new();
    for (path, file, plan) in plans {
        if plan.period.as_ref().is_some_and(|p| p.end.value < today) {
            continue;
        }
        let owner = plan
            .owner
            .as_ref()
            .map_or_else(|| path.display().to_string(), |o| o.value.clone());
        let mut items = Vec::new();
        for goal in plan.active_goals() {
            let item = |what, due: NaiveDate, start: usize| Item {
                what,
                due,
                overdue: due < today,
                goal: goal.id.value.clone(),
                action: None,
                cadence: None,
                last: None,
                path: path.clone(),
                line: file.position(start).line,
            };
            if let Some(next) = plan.next_checkin(goal, today).filter(|n| n.due <= until) {
                items.push(Item {
                    cadence: Some(next.cadence),
                    last: next.last,
                    ..item(Kind::CheckIn, next.due, goal.span.start)
                });
            }
            for action in goal.open_actions() {
                if let Some(d) = action.due.as_ref().filter(|d| d.value <= until) {
                    items.push(Item {
                        action: Some(action.text.value.clone()),
                        ..item(Kind::Action, d.value, action.span.start)
                    });
                }
            }
        }
        if items.is_empty() {
            continue;
        }
        match people.iter_mut().find(|p| p.owner == owner) {
            Some(p) => p.items.extend(items),
            None => people.push(Person { owner, items }),
        }
    }
    for p in &mut people {
        p.items.sort_by(|a, b| {
            (a.due, a.what, &a.path, a.line).cmp(&(b.due, b.what, &b.path, b.line))
        });
    }
    people.sort_by(|a, b| a.owner.cmp(&b.owner));
    DueList {
        today,
        until,
        people,
    }
}
