//! Time-bound: a date that has passed is information. An active goal or open action past its
//! due date is either done (tick it), late (move the date, honestly), or no longer wanted
//! (drop it). "Today" is `--today` or `GROWTH_TODAY` when given, so CI runs are repeatable.
//! Once the whole period has ended, every date in it has passed: that is one finding, GR305
//! plan-expired, and this rule's findings are left out while GR305 reports the plan (turn
//! GR305 off and they come back).
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
//! ### Actions
//! - [ ] Complete the observability training (due 2026-01-31)
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
//! ### Actions
//! - [x] Complete the observability training (done 2026-01-28)
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR208",
    name: "overdue",
    default: Severity::Warning,
    summary: "an active goal or open action past its due date",
    source: include_str!("gr208_overdue.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let today = cx.today;
    for goal in cx.plan.active_goals() {
        if let Some(due) = goal.due.as_ref().filter(|d| d.value < today) {
            out.push(
                Finding::new(
                    due.span,
                    format!(
                        "the goal `{}` was due {} ({} ago)",
                        goal.id.value,
                        due.value,
                        days(today, due.value)
                    ),
                )
                .help("mark it done, move the date, or drop it"),
            );
        }
        for action in goal.open_actions() {
            if let Some(due) = action.due.as_ref().filter(|d| d.value < today) {
                out.push(
                    Finding::new(
                        due.span,
                        format!(
                            "open action was due {} ({} ago)",
                            due.value,
                            days(today, due.value)
                        ),
                    )
                    .help("tick it if it is done, or move the date"),
                );
            }
        }
    }
}

fn days(today: chrono::NaiveDate, then: chrono::NaiveDate) -> String {
    plural((today - then).num_days() as usize, "day", "days")
}
