//! Less is more: a goal with a long list of open actions is a backlog, not a plan, and a long
//! backlog is discouraging. Keep the next few steps open and add more as they get done.
//!
//! The limit is the option `max_open_actions` (default 7).
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
//!
//! ### Actions
//! - [ ] Read the last five postmortems
//! - [ ] Shadow the April review
//! - [ ] Draft an agenda
//! - [ ] Ask Priya for feedback on the agenda
//! - [ ] Book the room
//! - [ ] Invite the on-call engineers
//! - [ ] Write the summary template
//! - [ ] Send the summary
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
//! - [ ] Read the last five postmortems
//! - [ ] Shadow the April review
//! - [ ] Draft an agenda
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR103",
    name: "too-many-open-actions",
    default: Severity::Warning,
    summary: "a goal with more than `max_open_actions` (7) open actions",
    source: include_str!("gr103_too_many_open_actions.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let max = cx.options.max_open_actions as usize;
    for goal in cx.plan.open_goals() {
        let open = goal.open_actions().count();
        if open > max {
            out.push(
                Finding::new(
                    goal.title.span,
                    format!("{open} open actions; more than {max} is a backlog, not a plan"),
                )
                .help("keep the next few steps; move the rest to notes until those are done"),
            );
        }
    }
}
