//! Achievable: a goal is more likely to be met when you have written down why it is a good goal
//! for you now (`why`), what could get in the way (`obstacles`) and what would help
//! (`resources`). One of the three is enough to show you have thought about it.
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
//! obstacles: others may not let me investigate
//! resources: observability training; a buddy for tricky issues
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR204",
    name: "missing-achievability",
    default: Severity::Info,
    summary: "none of `why`, `obstacles`, `resources`",
    source: include_str!("gr204_missing_achievability.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals() {
        if !["why", "obstacles", "resources"]
            .iter()
            .any(|k| goal.wrote(k))
        {
            out.push(
                Finding::new(goal.title.span, format!("the goal `{}` says nothing about why it is achievable", goal.id.value))
                    .help("add `why:`, `obstacles:` or `resources:`: why now, what could get in the way, what would help"),
            );
        }
    }
}
