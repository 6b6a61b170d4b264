//! Relevant: a goal that is tied to the team, the company or the career ladder gets support
//! and time; one that is not competes with everything else. Say why it matters (`relevance`)
//! or name the ladder competency it builds (`competency`).
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
//! relevance: the team has a low bus factor on production issues
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR205",
    name: "missing-relevance",
    default: Severity::Info,
    summary: "no `relevance` and no ladder `competency`",
    source: include_str!("gr205_missing_relevance.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals() {
        if !goal.wrote("relevance") && !goal.wrote("competency") {
            out.push(
                Finding::new(goal.title.span, format!("the goal `{}` does not say why it matters", goal.id.value))
                    .help("add `relevance:` (to the team, the company) or `competency:` (a ladder competency id)"),
            );
        }
    }
}
