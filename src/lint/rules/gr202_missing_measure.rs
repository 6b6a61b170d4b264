//! Measurable: without a `measure` nobody, including you, can tell whether the goal was met
//! at the review. Write how you will know: what is counted or observed, and the target.
//! A misspelt key (`mesure:`) is reported once, as GR002 with its "did you mean", not again
//! here.
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
//! measure: I solve 25% of the team's production issues without extensive help
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR202",
    name: "missing-measure",
    default: Severity::Warning,
    summary: "no `measure`",
    source: include_str!("gr202_missing_measure.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals().filter(|g| !g.wrote("measure")) {
        out.push(
            Finding::new(
                goal.title.span,
                format!("the goal `{}` has no measure", goal.id.value),
            )
            .help(format!(
                "add `measure:` to {}: how will you know it is met?",
                goal_keys_place(cx)
            )),
        );
    }
}
