//! A goal without actions has no first step, and a goal with no first step does not start.
//! Every active goal needs at least one action: something you will do, small enough to do
//! this month.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Run the Q2 incident review
//! ~~~
//!
//! ## Good
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Run the Q2 incident review
//!
//! ### Actions
//! - [ ] Shadow Priya running the April review (due 2026-04-20)
//! ~~~

use super::prelude::*;
use crate::plan::PlanFormat;

pub static RULE: Rule = Rule {
    code: "GR102",
    name: "goal-without-actions",
    default: Severity::Error,
    summary: "an active goal with no actions",
    source: include_str!("gr102_goal_without_actions.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.active_goals().filter(|g| g.actions.is_empty()) {
        out.push(
            Finding::new(
                goal.title.span,
                format!("the goal `{}` has no actions", goal.id.value),
            )
            .help(match cx.plan.format {
                PlanFormat::Markdown => {
                    "add an `### Actions` list under the goal with at least one `- [ ] …` item"
                }
                PlanFormat::Yaml => {
                    "add `actions:` to the goal with at least one entry, e.g. `- { text: …, due: 2026-04-30 }`"
                }
            }),
        );
    }
}
