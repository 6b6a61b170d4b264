//! What the history says about each goal of a plan now: the facts behind the history rules
//! (GR501–GR503) and the report's flags.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::asof::AsOf;
use crate::plan::Plan;
use crate::quantity;
use crate::source::{Span, Spanned};

use super::event::{Event, EventKind};

/// A stated date that is well before the commit where its entry first appeared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backdated {
    pub goal: String,
    /// The date as the plan states it now, and where.
    pub stated: NaiveDate,
    pub span: Span,
    /// The date of the commit where the entry first appeared (for an action, was ticked).
    pub committed: NaiveDate,
    pub commit: String,
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
    /// Goal id → the day of its latest progress (see [`EventKind::is_activity`]).
    pub last_activity: HashMap<String, NaiveDate>,
    pub backdated: Vec<Backdated>,
    pub moved: Vec<MovedGoalpost>,
    /// The plan's history starts at a shallow clone's boundary.
    pub shallow: bool,
}

/// The goal's baseline now, which says which way its target counts.
fn baseline<'p>(plan: &'p Plan, goal: &str) -> Option<&'p str> {
    plan.goals
        .iter()
        .find(|g| g.id.value == goal)?
        .baseline
        .as_ref()
        .map(|b| b.value.as_str())
}

/// Where an entry first appeared, when that can be judged.
#[derive(Debug, Clone)]
struct Appeared {
    date: NaiveDate,
    commit: String,
    /// False for what a plan held when first committed (its starting state) and for the
    /// work tree: those are not judged as backdated.
    judged: bool,
}

type CheckinKey = (String, NaiveDate, Option<String>, Option<String>);

/// The entries of a plan replayed through its events: each entry as it is now, with the
/// commit where it first appeared. Keyed by the entry's current fields, so an edit moves
/// the entry and keeps its first appearance.
#[derive(Default)]
struct Entries {
    checkins: HashMap<CheckinKey, Vec<Appeared>>,
    /// (goal, text) → when each such action was ticked (`None`: open, or ticked before
    /// history can tell).
    actions: HashMap<(String, String), Vec<Option<Appeared>>>,
}

impl Entries {
    fn apply(&mut self, goal: &str, kind: &EventKind, appeared: &Appeared) {
        let g = goal.to_string();
        match kind {
            EventKind::CheckinAdded { date, value, note } => self
                .checkins
                .entry((g, *date, value.clone(), note.clone()))
                .or_default()
                .push(appeared.clone()),
            EventKind::CheckinChanged {
                date,
                value,
                note,
                changes,
            } => {
                let mut was = (g.clone(), *date, value.clone(), note.clone());
                for change in changes {
                    match change.field {
                        "date" => {
                            if let Some(d) = change.from.as_deref().and_then(|d| d.parse().ok()) {
                                was.1 = d;
                            }
                        }
                        "value" => was.2 = change.from.clone(),
                        "note" => was.3 = change.from.clone(),
                        _ => {}
                    }
                }
                // An entry history never saw added (it predates a shallow boundary) stays
                // unjudged after an edit.
                if let Some(first) = self.checkins.get_mut(&was).and_then(Vec::pop) {
                    self.checkins
                        .entry((g, *date, value.clone(), note.clone()))
                        .or_default()
                        .push(first);
                }
            }
            EventKind::CheckinRemoved { date, value, note } => {
                let key = (g, *date, value.clone(), note.clone());
                if let Some(list) = self.checkins.get_mut(&key) {
                    list.pop();
                }
            }
            EventKind::ActionAdded { text } => self
                .actions
                .entry((g, text.clone()))
                .or_default()
                .push(None),
            EventKind::ActionChecked { text, .. } => {
                let list = self.actions.entry((g, text.clone())).or_default();
                match list.last_mut() {
                    Some(slot) => *slot = Some(appeared.clone()),
                    None => list.push(Some(appeared.clone())),
                }
            }
            EventKind::ActionUnchecked { text } => {
                if let Some(slot) = self
                    .actions
                    .get_mut(&(g, text.clone()))
                    .and_then(|l| l.last_mut())
                {
                    *slot = None;
                }
            }
            EventKind::ActionChanged { text, changes } => {
                if let Some(from) = changes
                    .iter()
                    .find(|c| c.field == "text")
                    .and_then(|c| c.from.clone())
                {
                    let moved = self
                        .actions
                        .get_mut(&(g.clone(), from))
                        .and_then(Vec::pop)
                        .unwrap_or(None);
                    self.actions
                        .entry((g, text.clone()))
                        .or_default()
                        .push(moved);
                }
            }
            EventKind::ActionRemoved { text } => {
                if let Some(list) = self.actions.get_mut(&(g, text.clone())) {
                    list.pop();
                }
            }
            _ => {}
        }
    }

    /// The plan's stated dates, each against the commit where its entry first appeared.
    fn backdated(mut self, plan: &Plan, backdate_days: u32) -> Vec<Backdated> {
        let mut out = Vec::new();
        let late = |stated: NaiveDate, first: &Appeared| {
            first.judged && (first.date - stated).num_days() > i64::from(backdate_days)
        };
        for goal in &plan.goals {
            let g = &goal.id.value;
            for c in &goal.checkins {
                let key = (g.clone(), c.date.value, text(&c.value), text(&c.note));
                let Some(first) = self.checkins.get_mut(&key).and_then(Vec::pop) else {
                    continue;
                };
                if late(c.date.value, &first) {
                    out.push(Backdated {
                        goal: g.clone(),
                        stated: c.date.value,
                        span: c.date.span,
                        committed: first.date,
                        commit: first.commit,
                        checkin: true,
                    });
                }
            }
            for a in goal.actions.iter().rev() {
                let key = (g.clone(), a.text.value.clone());
                let ticked = self.actions.get_mut(&key).and_then(Vec::pop).flatten();
                if let (true, Some(done), Some(first)) = (a.done, &a.done_on, ticked) {
                    if late(done.value, &first) {
                        out.push(Backdated {
                            goal: g.clone(),
                            stated: done.value,
                            span: done.span,
                            committed: first.date,
                            commit: first.commit,
                            checkin: false,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|b| b.span.start);
        out
    }
}

fn text(v: &Option<Spanned<String>>) -> Option<String> {
    v.as_ref().map(|s| s.value.clone())
}

/// Derives the facts of one plan, as it is in `plan`, from its events (oldest first) as of
/// `as_of`.
///
/// - Progress in the work tree (the "uncommitted" pseudo-commit) counts at the date the entry
///   states, capped at today: an old check-in left uncommitted does not make a goal fresh.
/// - At a shallow boundary, the snapshot's own stated dates stand in for the history that
///   is not there.
/// - An entry is judged for backdating against the commit where it first appeared; editing
///   it later is not adding it.
pub fn plan_facts<'e>(
    events: impl Iterator<Item = &'e Event>,
    plan: &Plan,
    backdate_days: u32,
    as_of: &AsOf,
) -> PlanFacts {
    let mut facts = PlanFacts::default();
    let mut entries = Entries::default();
    let period_start = plan.period.as_ref().map(|p| p.start.value);
    let note_activity = |facts: &mut PlanFacts, goal: &str, date: NaiveDate| {
        let last = facts.last_activity.entry(goal.to_string()).or_insert(date);
        *last = (*last).max(date);
    };
    // What a plan holds when it is first committed is its starting state (a plan written
    // before it was put in git), not backdated entries. If the first versions did not parse,
    // the starting state is the first version that did.
    let mut first_commit: Option<&str> = None;
    let mut content_seen = false;
    for event in events {
        if matches!(event.kind, EventKind::PlanAdded) {
            first_commit = Some(&event.commit.id);
        }
        if let EventKind::PlanSnapshot { stated } = &event.kind {
            // The boundary's plan is the starting state; what comes after it is judged.
            first_commit = Some(&event.commit.id);
            content_seen = true;
            facts.shallow = true;
            for (goal, date) in stated {
                note_activity(&mut facts, goal, as_of.capped(*date));
            }
        }
        if event.goal.is_some() && !content_seen {
            content_seen = true;
            first_commit = Some(&event.commit.id);
        }
        let Some(goal) = &event.goal else { continue };
        let uncommitted = event.commit.is_uncommitted();
        let date = event.commit.date();
        if event.kind.is_activity() {
            let when = match (&event.kind, uncommitted) {
                (_, false) => date,
                (EventKind::CheckinAdded { date, .. }, true) => as_of.capped(*date),
                (
                    EventKind::ActionChecked {
                        stated: Some(d), ..
                    },
                    true,
                ) => as_of.capped(*d),
                (_, true) => as_of.today,
            };
            note_activity(&mut facts, goal, when);
        }
        let appeared = Appeared {
            date,
            commit: event.commit.short.clone(),
            judged: !uncommitted && first_commit != Some(event.commit.id.as_str()),
        };
        entries.apply(goal, &event.kind, &appeared);
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
            } if quantity::bar_lowered(from, to, baseline(plan, goal)) => {
                facts.moved.push(MovedGoalpost {
                    goal: goal.clone(),
                    commit: event.commit.short.clone(),
                    date,
                    change: format!("target {from} → {to}"),
                    due: false,
                })
            }
            _ => {}
        }
    }
    facts.backdated = entries.backdated(plan, backdate_days);
    facts
}
