//! Time-bound: a goal without a `due` date quietly becomes "by the end of the plan", which is
//! when it gets remembered. The finding says which date the goal falls back to, so you can
//! decide whether that is what you mean. A `due` that is written but is not a date is
//! reported once, as GR004, not again here.
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
//! due: 2026-05-31
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR206",
    name: "missing-due",
    default: Severity::Info,
    summary: "no `due`: the goal falls back to the period end",
    source: include_str!("gr206_missing_due.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals().filter(|g| !g.wrote("due")) {
        let message = match &cx.plan.period {
            Some(p) => format!(
                "the goal `{}` has no due date; it falls back to the period end, {}",
                goal.id.value, p.end.value
            ),
            None => format!(
                "the goal `{}` has no due date, and the plan has no period to fall back to",
                goal.id.value
            ),
        };
        out.push(
            Finding::new(goal.title.span, message)
                .help(format!("add `due: YYYY-MM-DD` to {}", goal_keys_place(cx))),
        );
    }
}
