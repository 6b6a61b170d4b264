//! The semantic difference between two versions of a plan, as events.
//!
//! Goals are matched by id, then by title (so renaming a goal or giving it an id keeps its
//! history); actions by their text, then by position among the unmatched ones when the texts
//! are still similar (an edited action is the same action); check-ins by date and value (the
//! note may be reworded), one old check-in per new one.

use crate::plan::{Action, Goal, Plan};

use super::event::EventKind;

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
    for (i, goal) in new.goals.iter().enumerate() {
        let id = Some(goal.id.value.clone());
        match pairs.iter().find(|(_, n)| *n == i) {
            Some((o, _)) => diff_goal(&old.goals[*o], goal, &mut out),
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
        if !pairs.iter().any(|(o, _)| *o == i) {
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

/// Pairs (old index, new index) of the same goal.
fn match_goals(old: &[Goal], new: &[Goal]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (n, goal) in new.iter().enumerate() {
        if let Some(o) = old.iter().position(|g| g.id.value == goal.id.value) {
            if !pairs.iter().any(|(po, _)| *po == o) {
                pairs.push((o, n));
            }
        }
    }
    for (n, goal) in new.iter().enumerate() {
        if pairs.iter().any(|(_, pn)| *pn == n) {
            continue;
        }
        let free = |o: &usize| !pairs.iter().any(|(po, _)| po == o);
        if let Some(o) = (0..old.len())
            .filter(free)
            .find(|&o| old[o].title.value == goal.title.value)
        {
            pairs.push((o, n));
        }
    }
    pairs
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
    let text = |v: &Option<crate::source::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
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
    // A check-in is its date and value; rewording its note is an edit, not a new one. Two
    // check-ins with the same date and value are two: each old one matches one new one.
    let mut used = vec![false; old.checkins.len()];
    for c in &new.checkins {
        let same = |o: &crate::plan::Checkin| {
            o.date.value == c.date.value && text(&o.value) == text(&c.value)
        };
        let exact = (0..old.checkins.len()).find(|&i| {
            !used[i] && same(&old.checkins[i]) && text(&old.checkins[i].note) == text(&c.note)
        });
        let seen =
            exact.or_else(|| (0..old.checkins.len()).find(|&i| !used[i] && same(&old.checkins[i])));
        if let Some(i) = seen {
            used[i] = true;
        } else {
            push(EventKind::CheckinAdded {
                date: c.date.value,
                value: text(&c.value),
                note: text(&c.note),
            });
        }
    }
}

fn diff_actions(old: &[Action], new: &[Action], push: &mut impl FnMut(EventKind)) {
    let mut matched_old = vec![false; old.len()];
    let mut pairs: Vec<(Option<usize>, &Action)> = Vec::new();
    for action in new {
        let o = (0..old.len()).find(|&o| !matched_old[o] && old[o].text.value == action.text.value);
        if let Some(o) = o {
            matched_old[o] = true;
        }
        pairs.push((o, action));
    }
    // Edited text: pair the rest in order while they are still similar.
    for pair in pairs.iter_mut().filter(|(o, _)| o.is_none()) {
        let o = (0..old.len()).find(|&o| {
            !matched_old[o]
                && strsim::normalized_levenshtein(&old[o].text.value, &pair.1.text.value) >= 0.6
        });
        if let Some(o) = o {
            matched_old[o] = true;
            pair.0 = Some(o);
        }
    }
    for (o, action) in pairs {
        let text = action.text.value.clone();
        match o {
            None => {
                push(EventKind::ActionAdded { text: text.clone() });
                if action.done {
                    push(EventKind::ActionChecked {
                        text,
                        stated: action.done_on.as_ref().map(|d| d.value),
                    });
                }
            }
            Some(o) if !old[o].done && action.done => push(EventKind::ActionChecked {
                text,
                stated: action.done_on.as_ref().map(|d| d.value),
            }),
            Some(o) if old[o].done && !action.done => push(EventKind::ActionUnchecked { text }),
            Some(_) => {}
        }
    }
    for (o, action) in old.iter().enumerate() {
        if !matched_old[o] {
            push(EventKind::ActionRemoved {
                text: action.text.value.clone(),
            });
        }
    }
}
