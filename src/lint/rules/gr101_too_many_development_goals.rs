//! Less is more: one to three development goals at a time. Skills grow through focused,
//! repeated practice; a fourth goal splits the same hours thinner and usually means none of
//! them moves. Park the extra goal as `status: planned` (planned goals do not count) or drop it.
//!
//! The limit is the option `max_development_goals` (default 3). Goals count when `active` or
//! `blocked`.
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
//! ## Goal: Review 20 pull requests in the billing service
//! ## Goal: Give one talk at the engineering all-hands
//! ## Goal: Write 4 design docs
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
//! ## Goal: Review 20 pull requests in the billing service
//! ## Goal: Give one talk at the engineering all-hands
//! ## Goal: Write 4 design docs
//!
//! ```yaml
//! status: planned
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR101",
    name: "too-many-development-goals",
    default: Severity::Error,
    summary: "more than `max_development_goals` (3) active development goals",
    source: include_str!("gr101_too_many_development_goals.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let max = cx.options.max_development_goals as usize;
    let dev: Vec<&Goal> = cx
        .plan
        .active_goals()
        .filter(|g| g.goal_type() == GoalType::Development)
        .collect();
    if dev.len() > max {
        out.push(
            Finding::new(
                dev[max].title.span,
                format!(
                    "{} active development goals; at most {max} get real attention",
                    dev.len()
                ),
            )
            .help(
                "keep the goals that matter most; mark the others `status: planned` or drop them",
            ),
        );
    }
}
