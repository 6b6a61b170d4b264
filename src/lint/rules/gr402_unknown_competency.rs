//! A goal's `competency` links it to the career ladder, which is how the ladder coverage and
//! the next-level gap are worked out. A competency that is not in the ladder links to nothing.
//! Runs only when there is a ladder.
//!
//! The examples use a ladder with the competencies `incident-response`, `system-design` and
//! `mentoring`.
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
//! competency: incident-handling
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
//! competency: incident-response
//! ```
//! ~~~

use super::prelude::*;
use crate::decode::did_you_mean;

pub static RULE: Rule = Rule {
    code: "GR402",
    name: "unknown-competency",
    default: Severity::Error,
    summary: "a goal's competency not in the ladder",
    source: include_str!("gr402_unknown_competency.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ladder) = cx.ladder else { return };
    let ids = ladder.competency_ids();
    for goal in &cx.plan.goals {
        let Some(competency) = &goal.competency else {
            continue;
        };
        if ladder.competency(&competency.value).is_none() {
            let help = did_you_mean(&competency.value, &ids)
                .unwrap_or_else(|| format!("the ladder's competencies are: {}", ids.join(", ")));
            out.push(
                Finding::new(
                    competency.span,
                    format!("`{}` is not a competency of the ladder", competency.value),
                )
                .help(help),
            );
        }
    }
}
