//! Time-bound: a goal due after the plan's period ends will not be reviewed with this plan,
//! and one due before it starts belongs to an earlier plan. Move the date, or move the goal.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Solve production issues on my own
//!
//! ```yaml
//! due: 2026-09-30
//! ```
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
//! ## Goal: Solve production issues on my own
//!
//! ```yaml
//! due: 2026-06-15
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR207",
    name: "due-outside-period",
    default: Severity::Warning,
    summary: "`due` outside the plan's period",
    source: include_str!("gr207_due_outside_period.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(period) = &cx.plan.period else {
        return;
    };
    let (start, end) = (period.start.value, period.end.value);
    for goal in cx.plan.open_goals() {
        let Some(due) = &goal.due else { continue };
        let side = if due.value > end {
            format!("after the period ends ({end})")
        } else if due.value < start {
            format!("before the period starts ({start})")
        } else {
            continue;
        };
        out.push(
            Finding::new(due.span, format!("due {} is {side}", due.value)).help(
                "move the due date into the period, or move the goal to the plan for that period",
            ),
        );
    }
}
