//! Personal growth and career growth are different concerns, and a plan should show both. A
//! plan of only career or business goals (outcomes) has nothing that builds a skill, and the
//! skill is the part that is in your control.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Be promoted to staff engineer in the July cycle
//!
//! ```yaml
//! type: career
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
//! ## Goal: Be promoted to staff engineer in the July cycle
//!
//! ```yaml
//! type: career
//! ```
//!
//! ## Goal: Write and defend 2 cross-team design docs
//!
//! ```yaml
//! type: development
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR304",
    name: "no-development-goal",
    default: Severity::Info,
    summary: "career/business goals only: nothing builds a skill",
    source: include_str!("gr304_no_development_goal.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut open = cx.plan.open_goals().peekable();
    if open.peek().is_none() {
        return;
    }
    if open.all(|g| g.goal_type() != GoalType::Development) {
        out.push(
            Finding::new(
                cx.plan.header_span,
                "no development goal: nothing in the plan builds a skill",
            )
            .help("add a goal with `type: development` for the skill the career goal needs"),
        );
    }
}
