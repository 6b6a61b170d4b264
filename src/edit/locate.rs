//! Finding the goal a command names, across the plans it may be in.

use crate::plan::Plan;

use super::EditError;

/// A goal found by id: the index of its plan in the list searched, and of the goal in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalRef {
    pub plan: usize,
    pub goal: usize,
}

/// The one goal whose id is `id` among `plans` (each with the name it is shown by). An id
/// that differs only in case, or a title that slugs to it, is the goal too: people type
/// what they read in the heading. `searched` names where the search looked, for the message.
pub fn find_goal(
    plans: &[(String, &Plan)],
    id: &str,
    searched: &str,
) -> Result<GoalRef, EditError> {
    let all = || {
        plans.iter().enumerate().flat_map(|(p, (shown, plan))| {
            plan.goals
                .iter()
                .enumerate()
                .map(move |(g, goal)| (GoalRef { plan: p, goal: g }, shown, goal))
        })
    };
    let wanted = crate::decode::slug(id);
    let exact: Vec<_> = all().filter(|(_, _, g)| g.id.value == id).collect();
    let found = if exact.is_empty() {
        all()
            .filter(|(_, _, g)| g.id.value.eq_ignore_ascii_case(id) || g.id.value == wanted)
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [(one, _, _)] => Ok(*one),
        [] => Err(EditError::UnknownGoal {
            id: id.to_string(),
            searched: searched.to_string(),
            nearest: all()
                .map(|(_, _, g)| {
                    (
                        strsim::damerau_levenshtein(&wanted, &g.id.value),
                        &g.id.value,
                    )
                })
                .min_by_key(|(d, _)| *d)
                .map(|(_, id)| id.clone()),
        }),
        many => Err(EditError::AmbiguousGoal {
            id: id.to_string(),
            candidates: many
                .iter()
                .map(|(_, shown, g)| format!("{shown} (`{}`)", g.title.value))
                .collect(),
        }),
    }
}
