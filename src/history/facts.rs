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
    /// The due date (`true`) or the target (`false`).
    pub due: bool,
    /// The value before and after, as the plan wrote them.
    pub from: String,
    pub to: String,
}

impl MovedGoalpost {
    /// "target 25% → 15% in 1c517c8 on 2026-03-02": GR503's message, and how the report
    /// tells which finding a detail belongs to.
    pub fn message(&self) -> String {
        let what = if self.due { "due" } else { "target" };
        format!(
            "{what} {} → {} in {} on {}",
            self.from, self.to, self.commit, self.date
        )
    }
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
    /// The latest agreement and what changed since it.
    pub agreed: Option<super::since::Agreed>,
    /// What the plan's actions cite as evidence, checked against git (see
    /// [`crate::evidence`]); filled in by the commands, not from the events.
    pub evidence: Vec<crate::evidence::Checked>,
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
    /// Entries that were already there when history starts: their first appearance is
    /// before the walk, so they are never judged (see [`Start`]).
    fn seed(&mut self, start: &Start) {
        let unjudged = Appeared {
            date: NaiveDate::MIN,
            commit: String::new(),
            judged: false,
        };
        for key in &start.checkins {
            self.checkins
                .entry(key.clone())
                .or_default()
                .push(unjudged.clone());
        }
        for (goal, text, done) in &start.actions {
            self.actions
                .entry((goal.clone(), text.clone()))
                .or_default()
                .push(done.then(|| unjudged.clone()));
        }
    }

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

/// A plan as it was where a bounded walk starts (see `history::Options::from`): the entries
/// it held then. Replaying the later events on top of these gives the same stacks of
/// entries as replaying all of history, with each earlier entry marked unjudged instead of
/// judged; that is the same verdict, because the walk starts no later than the earliest date
/// the linted plans state, and an entry that appeared before the date it states is never
/// backdated.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Start {
    checkins: Vec<CheckinKey>,
    /// (goal, text, done).
    actions: Vec<(String, String, bool)>,
}

impl Start {
    pub fn of(plan: &Plan) -> Start {
        let mut start = Start::default();
        for goal in &plan.goals {
            let g = &goal.id.value;
            for c in &goal.checkins {
                start
                    .checkins
                    .push((g.clone(), c.date.value, text(&c.value), text(&c.note)));
            }
            for a in &goal.actions {
                start
                    .actions
                    .push((g.clone(), a.text.value.clone(), a.done));
            }
        }
        start
    }
}

/// The day a walk for these plans can start from and give the same facts as all of
/// history: the earliest period start or stated date, less `backdate_days` to spare.
/// `None` (walk everything) when a plan has no period, since then moved goalposts count
/// from its first commit.
pub fn walk_from<'p>(
    plans: impl Iterator<Item = &'p Plan>,
    backdate_days: u32,
) -> Option<NaiveDate> {
    let mut earliest: Option<NaiveDate> = None;
    for plan in plans {
        let mut dates = vec![plan.period.as_ref()?.start.value];
        for goal in &plan.goals {
            dates.extend(goal.checkins.iter().map(|c| c.date.value));
            dates.extend(
                goal.actions
                    .iter()
                    .filter_map(|a| a.done_on.as_ref())
                    .map(|d| d.value),
            );
        }
        let first = dates.into_iter().min()?;
        earliest = Some(earliest.map_or(first, |e| e.min(first)));
    }
    earliest?.checked_sub_days(chrono::Days::new(u64::from(backdate_days)))
}

/// Whether `facts`, derived from a walk that started on `from` (with the plan's `start`
/// there), are what all of history gives. The entries and moved goalposts are (see
/// [`Start`] and [`walk_from`]); what can differ is when a goal last moved, if that was
/// before `from`, and where a plan re-added at its old path had its first content.
pub fn hold_from<'e>(
    from: NaiveDate,
    start: Option<&Start>,
    mut events: impl Iterator<Item = &'e Event>,
    plan: &Plan,
    facts: &PlanFacts,
    today: NaiveDate,
) -> bool {
    if start.is_none() {
        // A full walk may have seen content in an earlier life of the plan at this path:
        // then its first commit is not where content first appears.
        match events.next() {
            None => {}
            Some(first) if matches!(first.kind, EventKind::PlanAdded) => {
                let commit = &first.commit.id;
                if !events
                    .take_while(|e| &e.commit.id == commit)
                    .any(|e| e.goal.is_some())
                {
                    return false;
                }
            }
            Some(_) => return false,
        }
    }
    // GR501 reads when each active goal last moved once the period has started; one that
    // has not moved since `from` may have moved before, and that day is in its message.
    let started = plan.period.as_ref().is_none_or(|p| p.start.value <= today);
    !started
        || plan.active_goals().all(|g| {
            facts
                .last_activity
                .get(&g.id.value)
                .is_some_and(|d| *d >= from)
        })
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
    plan_facts_from(None, events, plan, backdate_days, as_of)
}

/// [`plan_facts`] for a walk that started later than the plan's first commit, from the plan
/// as it was there (`None`: the plan did not exist yet).
pub fn plan_facts_from<'e>(
    start: Option<&Start>,
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
    if let Some(start) = start {
        // The plan had content before the walk (the walk only starts from a version with
        // goals): its first commit is behind us, and every later commit is judged.
        content_seen = true;
        entries.seed(start);
    }
    let mut agreed = super::since::Tracker::default();
    for event in events {
        agreed.apply(event);
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
                due: true,
                from: from.to_string(),
                to: to.to_string(),
            }),
            EventKind::TargetChanged {
                from: Some(from),
                to: Some(to),
            } if quantity::bar_lowered(from, to, baseline(plan, goal)) => {
                facts.moved.push(MovedGoalpost {
                    goal: goal.clone(),
                    commit: event.commit.short.clone(),
                    date,
                    due: false,
                    from: from.clone(),
                    to: to.clone(),
                })
            }
            _ => {}
        }
    }
    facts.backdated = entries.backdated(plan, backdate_days);
    facts.agreed = agreed.finish();
    facts
}
