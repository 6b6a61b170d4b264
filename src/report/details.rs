//! Which entry a history flag is about: the backdated check-in or done date with the commit
//! that added it, the due date or target that moved with its before → after and commit.
//!
//! A detail is listed only where lint reported the finding (GR502, GR503): a finding that is
//! suppressed or a rule that is off takes its detail away with its flag, so the report never
//! names an entry it does not flag.

use crate::diagnostic::Diagnostic;
use crate::history::facts::PlanFacts;
use crate::history::{Event, EventKind};
use crate::plan::Goal;

use super::model::{Flag, FlagDetail};

/// The goal's flag details, oldest commit first. `findings` are the goal's lint findings,
/// `events` its history, oldest first.
pub fn flag_details(
    goal: &Goal,
    findings: &[&Diagnostic],
    events: &[&Event],
    facts: Option<&PlanFacts>,
) -> Vec<FlagDetail> {
    let Some(facts) = facts else {
        return Vec::new();
    };
    let id = goal.id.value.as_str();
    let reported = |code: &str, pick: &dyn Fn(&Diagnostic) -> bool| {
        findings.iter().any(|d| d.code == code && pick(d))
    };
    let mut out = Vec::new();
    for b in facts.backdated.iter().filter(|b| b.goal == id) {
        if !reported("GR502", &|d| d.span == b.span) {
            continue;
        }
        let action = goal
            .actions
            .iter()
            .find(|a| a.done_on.as_ref().is_some_and(|d| d.span == b.span));
        let entry = match (b.checkin, action) {
            (false, Some(a)) => format!("done date of \"{}\"", a.text.value),
            (false, None) => "done date".to_string(),
            (true, _) => format!("check-in {}", b.stated),
        };
        out.push(FlagDetail {
            flag: Flag::Backdated,
            entry,
            stated: Some(b.stated),
            before: None,
            after: None,
            commit: b.commit.clone(),
            date: b.committed,
        });
    }
    for m in facts.moved.iter().filter(|m| m.goal == id) {
        // GR503 states the change as the facts word it; the message is how to tell which.
        let message = format!("{} in {} on {}", m.change, m.commit, m.date);
        if !reported("GR503", &|d| d.message == message) {
            continue;
        }
        let (before, after) = before_after(m.due, &m.commit, events).unwrap_or_else(|| {
            // No event to read it from (it should not happen): the facts' own words.
            let change = m.change.split_once(' ').map_or("", |(_, c)| c);
            let (b, a) = change.split_once(" → ").unwrap_or((change, ""));
            (b.to_string(), a.to_string())
        });
        out.push(FlagDetail {
            flag: Flag::MovedGoalposts,
            entry: if m.due { "due date" } else { "target" }.to_string(),
            stated: None,
            before: Some(before),
            after: Some(after),
            commit: m.commit.clone(),
            date: m.date,
        });
    }
    out.sort_by(|a, b| (a.date, &a.commit).cmp(&(b.date, &b.commit)));
    out
}

/// The due date's (`due`) or the target's value before and after the commit `short` moved it.
fn before_after(due: bool, short: &str, events: &[&Event]) -> Option<(String, String)> {
    events
        .iter()
        .filter(|e| e.commit.short == short)
        .find_map(|e| match (&e.kind, due) {
            (
                EventKind::DueMoved {
                    from: Some(f),
                    to: Some(t),
                },
                true,
            ) => Some((f.to_string(), t.to_string())),
            (
                EventKind::TargetChanged {
                    from: Some(f),
                    to: Some(t),
                },
                false,
            ) => Some((f.clone(), t.clone())),
            _ => None,
        })
}
