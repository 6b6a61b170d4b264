//! The semantic difference between two versions of a plan, as events.
//!
//! Goals are matched by id, then by title (so renaming a goal or giving it an id keeps its
//! history); actions by their text, then by text still much alike (an edited action is the
//! same action); check-ins by date, value and note, then by two of those, then by date, then
//! by a note much alike (an edited check-in is the same check-in). Each old entry pairs with
//! at most one new one. Exact pairs go through maps, so the work is linear in the size of
//! the plan however long its lists.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::plan::{Action, Checkin, Goal, Plan};
use crate::source::Spanned;

use super::event::{EventKind, FieldChange};

/// Events turning `old` into `new`, each with the goal id it concerns.
pub fn diff(old: &Plan, new: &Plan) -> Vec<(Option<String>, EventKind)> {
    let mut out = Vec::new();
    let (old_review, new_review) = (
        old.review.as_ref().map(|r| r.value),
        new.review.as_ref().map(|r| r.value),
    );
    if old_review != new_review {
        out.push((
            None,
            EventKind::ReviewMoved {
                from: old_review,
                to: new_review,
            },
        ));
    }
    let pairs = match_goals(&old.goals, &new.goals);
    let mut old_of = vec![None; new.goals.len()];
    let mut kept = vec![false; old.goals.len()];
    for &(o, n) in &pairs {
        old_of[n] = Some(o);
        kept[o] = true;
    }
    for (i, goal) in new.goals.iter().enumerate() {
        let id = Some(goal.id.value.clone());
        match old_of[i] {
            Some(o) => diff_goal(&old.goals[o], goal, &mut out),
            None => {
                out.push((
                    id.clone(),
                    EventKind::GoalAdded {
                        title: goal.title.value.clone(),
                    },
                ));
                // What a new goal arrives with counts as added with it.
                let empty = Goal {
                    actions: Vec::new(),
                    checkins: Vec::new(),
                    ..goal.clone()
                };
                diff_goal(&empty, goal, &mut out);
            }
        }
    }
    for (i, goal) in old.goals.iter().enumerate() {
        if !kept[i] {
            out.push((
                Some(goal.id.value.clone()),
                EventKind::GoalRemoved {
                    title: goal.title.value.clone(),
                },
            ));
        }
    }
    out
}

/// Everything in a plan seen for the first time, as events.
pub fn added(new: &Plan) -> Vec<(Option<String>, EventKind)> {
    let empty = Plan {
        goals: Vec::new(),
        ..new.clone()
    };
    diff(&empty, new)
}

/// Pairs (old index, new index) of the same goal: by id, then by title, each old goal at
/// most once. Linear in the number of goals.
fn match_goals(old: &[Goal], new: &[Goal]) -> Vec<(usize, usize)> {
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (o, goal) in old.iter().enumerate().rev() {
        by_id.insert(goal.id.value.as_str(), o);
    }
    let mut used = vec![false; old.len()];
    let mut matched = vec![None; new.len()];
    for (n, goal) in new.iter().enumerate() {
        if let Some(&o) = by_id.get(goal.id.value.as_str()) {
            if !used[o] {
                used[o] = true;
                matched[n] = Some(o);
            }
        }
    }
    let mut by_title: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, goal) in old.iter().enumerate().rev().filter(|(o, _)| !used[*o]) {
        by_title
            .entry(goal.title.value.as_str())
            .or_default()
            .push(o);
    }
    for (n, goal) in new.iter().enumerate() {
        if matched[n].is_some() {
            continue;
        }
        if let Some(o) = by_title
            .get_mut(goal.title.value.as_str())
            .and_then(|free| free.pop())
        {
            matched[n] = Some(o);
        }
    }
    matched
        .into_iter()
        .enumerate()
        .filter_map(|(n, o)| Some((o?, n)))
        .collect()
}

fn diff_goal(old: &Goal, new: &Goal, out: &mut Vec<(Option<String>, EventKind)>) {
    let id = Some(new.id.value.clone());
    let mut push = |kind| out.push((id.clone(), kind));
    if old.title.value != new.title.value {
        push(EventKind::GoalRenamed {
            from: old.title.value.clone(),
            to: new.title.value.clone(),
        });
    }
    let (old_status, new_status) = (
        old.status.as_ref().map(|s| s.value),
        new.status.as_ref().map(|s| s.value),
    );
    if old_status != new_status && old.goal_status() != new.goal_status() {
        push(EventKind::StatusChanged {
            from: Some(old.goal_status()),
            to: new.goal_status(),
        });
    }
    let (old_due, new_due) = (
        old.due.as_ref().map(|d| d.value),
        new.due.as_ref().map(|d| d.value),
    );
    if old_due != new_due {
        push(EventKind::DueMoved {
            from: old_due,
            to: new_due,
        });
    }
    if text(&old.target) != text(&new.target) {
        push(EventKind::TargetChanged {
            from: text(&old.target),
            to: text(&new.target),
        });
    }
    if text(&old.measure) != text(&new.measure) {
        push(EventKind::MeasureChanged {
            from: text(&old.measure),
            to: text(&new.measure),
        });
    }
    diff_actions(&old.actions, &new.actions, &mut push);
    diff_checkins(&old.checkins, &new.checkins, &mut push);
}

/// The check-ins of `new` paired with those of `old` (one each), strictest first: the same
/// date, value and note; then two of the three the same; then the date alone; then, in
/// order, a note still much alike. Unpaired new ones were added, unpaired old ones removed,
/// and a pair that differs was edited: an edit is never an addition, so it is never judged
/// as a backdated entry.
fn diff_checkins(old: &[Checkin], new: &[Checkin], push: &mut impl FnMut(EventKind)) {
    let fields = |c: &Checkin| (c.date.value, text(&c.value), text(&c.note));
    let old_fields: Vec<_> = old.iter().map(fields).collect();
    let new_fields: Vec<_> = new.iter().map(fields).collect();
    type Same = fn(&CheckinFields, &CheckinFields) -> bool;
    let passes: [Same; 5] = [
        |a, b| a.0 == b.0 && a.1 == b.1,
        |a, b| a.0 == b.0 && a.2 == b.2,
        |a, b| a.1 == b.1 && a.2 == b.2 && a.2.is_some(),
        |a, b| a.0 == b.0,
        |a, b| alike(a.2.as_deref(), b.2.as_deref()),
    ];
    let pairs = pair_up(&old_fields, &new_fields, |f| f.clone(), &passes);
    for (n, c) in new_fields.iter().enumerate() {
        match pairs.old_of[n] {
            None => push(EventKind::CheckinAdded {
                date: c.0,
                value: c.1.clone(),
                note: c.2.clone(),
            }),
            Some(o) => {
                let was = &old_fields[o];
                let changes: Vec<FieldChange> = [
                    FieldChange::of("date", Some(was.0.to_string()), Some(c.0.to_string())),
                    FieldChange::of("value", was.1.clone(), c.1.clone()),
                    FieldChange::of("note", was.2.clone(), c.2.clone()),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !changes.is_empty() {
                    push(EventKind::CheckinChanged {
                        date: c.0,
                        value: c.1.clone(),
                        note: c.2.clone(),
                        changes,
                    });
                }
            }
        }
    }
    for (o, c) in old_fields.iter().enumerate() {
        if !pairs.kept[o] {
            push(EventKind::CheckinRemoved {
                date: c.0,
                value: c.1.clone(),
                note: c.2.clone(),
            });
        }
    }
}

type CheckinFields = (NaiveDate, Option<String>, Option<String>);

fn text(v: &Option<Spanned<String>>) -> Option<String> {
    v.as_ref().map(|s| s.value.clone())
}

/// Two notes still recognisably the same sentence.
fn alike(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if strsim::normalized_levenshtein(a, b) >= 0.6)
}

/// Which old entry each new one is, and which old ones were kept.
struct Pairs {
    old_of: Vec<Option<usize>>,
    kept: Vec<bool>,
}

/// The loose passes compare every unpaired old entry with every unpaired new one; past this
/// many comparisons (a mass rewrite of a huge list) the rest count as removed and added.
const MAX_LOOSE_COMPARISONS: usize = 250_000;

/// Pairs entries: first exact equals through a map (linear, and almost every entry of a
/// commit is unchanged), then each loose pass over what is left, in order.
fn pair_up<T, K: std::hash::Hash + Eq>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    passes: &[fn(&T, &T) -> bool],
) -> Pairs {
    let mut kept = vec![false; old.len()];
    let mut old_of = vec![None; new.len()];
    let mut exact: HashMap<K, Vec<usize>> = HashMap::with_capacity(old.len());
    for (o, entry) in old.iter().enumerate().rev() {
        exact.entry(key(entry)).or_default().push(o);
    }
    for (n, entry) in new.iter().enumerate() {
        if let Some(o) = exact.get_mut(&key(entry)).and_then(|free| free.pop()) {
            kept[o] = true;
            old_of[n] = Some(o);
        }
    }
    let free_old: Vec<usize> = (0..old.len()).filter(|&o| !kept[o]).collect();
    let free_new = old_of.iter().filter(|o| o.is_none()).count();
    if free_old.is_empty() || free_old.len() * free_new > MAX_LOOSE_COMPARISONS {
        return Pairs { old_of, kept };
    }
    for same in passes {
        for n in 0..new.len() {
            if old_of[n].is_some() {
                continue;
            }
            if let Some(&o) = free_old
                .iter()
                .find(|&&o| !kept[o] && same(&old[o], &new[n]))
            {
                kept[o] = true;
                old_of[n] = Some(o);
            }
        }
    }
    Pairs { old_of, kept }
}

/// Actions are paired by text, then (in order) by text still much alike; a pair whose box
/// changed is checked or reopened, one whose text or stated dates changed is edited.
fn diff_actions(old: &[Action], new: &[Action], push: &mut impl FnMut(EventKind)) {
    let texts =
        |list: &[Action]| -> Vec<String> { list.iter().map(|a| a.text.value.clone()).collect() };
    let (old_texts, new_texts) = (texts(old), texts(new));
    let passes: [fn(&String, &String) -> bool; 1] =
        [|a, b| strsim::normalized_levenshtein(a, b) >= 0.6];
    let pairs = pair_up(&old_texts, &new_texts, |t| t.clone(), &passes);
    let date = |d: &Option<Spanned<NaiveDate>>| d.as_ref().map(|d| d.value.to_string());
    for (n, action) in new.iter().enumerate() {
        let text = action.text.value.clone();
        let stated = action.done_on.as_ref().map(|d| d.value);
        let Some(o) = pairs.old_of[n] else {
            push(EventKind::ActionAdded { text: text.clone() });
            if action.done {
                push(EventKind::ActionChecked { text, stated });
            }
            continue;
        };
        let was = &old[o];
        // Ticking a box often turns `(due D)` into `(done D)`: the due date dropped with the
        // tick is part of the tick, not an edit of its own.
        let ticked_off_due = !was.done && action.done && action.due.is_none();
        let mut changes: Vec<FieldChange> = [
            FieldChange::of("text", Some(was.text.value.clone()), Some(text.clone())),
            FieldChange::of("due", date(&was.due), date(&action.due)).filter(|_| !ticked_off_due),
        ]
        .into_iter()
        .flatten()
        .collect();
        match (was.done, action.done) {
            (false, true) => push(EventKind::ActionChecked {
                text: text.clone(),
                stated,
            }),
            (true, false) => push(EventKind::ActionUnchecked { text: text.clone() }),
            // The box is as it was: a different done date is an edit of the record.
            _ => changes.extend(FieldChange::of(
                "done",
                date(&was.done_on),
                date(&action.done_on),
            )),
        }
        if !changes.is_empty() {
            push(EventKind::ActionChanged { text, changes });
        }
    }
    for (o, action) in old.iter().enumerate() {
        if !pairs.kept[o] {
            push(EventKind::ActionRemoved {
                text: action.text.value.clone(),
            });
        }
    }
}
