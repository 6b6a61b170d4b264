//! Plans change, and that is fine; but a due date pushed out or a target lowered after the
//! period started is worth saying out loud at the review. This names the commit that did it,
//! so the conversation can be about why.
//!
//! Needs git history. Targets are compared when both read as quantities in units that
//! convert (`25%` → `15%`, `400 ms` → `0.5 s`), in the goal's direction: where the baseline is
//! above the target (latency coming down from `900 ms`), a higher target is the lower bar.
//! When the change came after the plan was agreed, `changed-since-agreed` (GR505) reports it
//! at the same place with the agreement named, and this rule says nothing more there.
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
//! target: 15%        # was 25% until a commit in March
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
//! target: 25%
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR503",
    name: "moved-goalposts",
    default: Severity::Info,
    summary:
        "since the period started, a due date was pushed out or a target lowered (names the commit); GR505 says it instead where the plan was agreed",
    source: include_str!("gr503_moved_goalposts.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(facts) = cx.history else { return };
    for m in &facts.moved {
        let Some(goal) = cx.plan.goals.iter().find(|g| g.id.value == m.goal) else {
            continue;
        };
        let span = if m.due {
            goal.due.as_ref().map(|d| d.span)
        } else {
            goal.target.as_ref().map(|t| t.span)
        };
        out.push(
            Finding::new(span.unwrap_or(goal.title.span), m.message())
                .help("fine if agreed; say why at the review"),
        );
    }
}
