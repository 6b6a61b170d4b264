//! What the history says about each goal of a plan now: the facts behind the history rules
//! (GR501–GR503) and the report's flags.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::plan::Plan;

use super::event::{Event, EventKind};

/// A stated date that is well before the commit that added it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backdated {
    pub goal: String,
    /// The check-in date or done date as stated.
    pub stated: NaiveDate,
    /// The date of the commit that added it.
    pub committed: NaiveDate,
    pub commit: String,
    /// The action text, or the check-in's date as text.
    pub what: String,
    pub checkin: bool,
}

/// A due date pushed out or a target lowered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedGoalpost {
    pub goal: String,
    pub commit: String,
    pub date: NaiveDate,
    /// "due 2026-05-31 → 2026-06-30", "target 25% → 15%".
    pub change: String,
    pub due: bool,
}

/// Per plan: when each goal last moved, and what the rules should flag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanFacts {
    /// Goal id → date of the latest action or check-in event (or the goal's addition).
    pub last_activity: HashMap<String, NaiveDate>,
    pub backdated: Vec<Backdated>,
    pub moved: Vec<MovedGoalpost>,
}

/// Derives the facts of one plan from its events (oldest first).
pub fn plan_facts<'e>(
    events: impl Iterator<Item = &'e Event>,
    plan: &Plan,
    backdate_days: u32,
) -> PlanFacts {
    let mut facts = PlanFacts::default();
    let period_start = plan.period.as_ref().map(|p| p.start.value);
    // What a plan holds when it is first committed is its starting state (a plan written
    // before it was put in git), not backdated entries. If the first versions did not parse,
    // the starting state is the first version that did.
    let mut first_commit: Option<&str> = None;
    let mut content_seen = false;
    for event in events {
        if matches!(event.kind, EventKind::PlanAdded) {
            first_commit = Some(&event.commit.id);
        }
        if event.goal.is_some() && !content_seen {
            content_seen = true;
            first_commit = Some(&event.commit.id);
        }
        let Some(goal) = &event.goal else { continue };
        let date = event.commit.date();
        match &event.kind {
            EventKind::GoalAdded { .. }
            | EventKind::ActionAdded { .. }
            | EventKind::ActionChecked { .. }
            | EventKind::ActionUnchecked { .. }
            | EventKind::CheckinAdded { .. } => {
                let last = facts.last_activity.entry(goal.clone()).or_insert(date);
                *last = (*last).max(date);
            }
            _ => {}
        }
        let stated = match &event.kind {
            EventKind::ActionChecked {
                text,
                stated: Some(d),
            } => Some((*d, text.clone(), false)),
            EventKind::CheckinAdded { date, .. } => Some((*date, date.to_string(), true)),
            _ => None,
        };
        if let Some((stated, what, checkin)) = stated {
            let initial = first_commit == Some(event.commit.id.as_str());
            if (date - stated).num_days() > i64::from(backdate_days)
                && !event.commit.is_uncommitted()
                && !initial
            {
                facts.backdated.push(Backdated {
                    goal: goal.clone(),
                    stated,
                    committed: date,
                    commit: event.commit.short.clone(),
                    what,
                    checkin,
                });
            }
        }
        if period_start.is_some_and(|s| date < s) {
            continue;
        }
        match &event.kind {
            EventKind::DueMoved {
                from: Some(from),
                to: Some(to),
            } if to > from => facts.moved.push(MovedGoalpost {
                goal: goal.clone(),
                commit: event.commit.short.clone(),
                date,
                change: format!("due {from} → {to}"),
                due: true,
            }),
            EventKind::TargetChanged {
                from: Some(from),
                to: Some(to),
            } if lowered(from, to) => facts.moved.push(MovedGoalpost {
                goal: goal.clone(),
                commit: event.commit.short.clone(),
                date,
                change: format!("target {from} → {to}"),
                due: false,
            }),
            _ => {}
        }
    }
    facts
}

/// Whether a target went down: both read as numbers (`25%`, `3`, `400 ms`) and the new one
/// is smaller. Targets that are not numbers are not compared.
pub fn lowered(from: &str, to: &str) -> bool {
    matches!((leading_number(from), leading_number(to)), (Some(f), Some(t)) if t < f)
}

/// The first number in a text: "25%" → 25, "at most 5" → 5, "1,200 users" → 1200. Digits
/// glued to a letter are a name, not a quantity: "p95 below 400 ms" → 400, "H2" → none.
pub fn leading_number(text: &str) -> Option<f64> {
    let start = text.char_indices().find_map(|(i, c)| {
        let glued = text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphabetic() || p.is_ascii_digit() || p == '.');
        (c.is_ascii_digit() && !glued).then_some(i)
    })?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_targets() {
        assert_eq!(leading_number("25%"), Some(25.0));
        assert_eq!(leading_number("1,200 users"), Some(1200.0));
        assert_eq!(leading_number("p95 below 400 ms"), Some(400.0));
        assert_eq!(leading_number("ship in H2"), None);
        assert_eq!(leading_number("12.5 hours"), Some(12.5));
        assert!(lowered("25%", "15%"));
        assert!(!lowered("15%", "25%"));
        assert!(!lowered("most issues", "some issues"));
    }
}
