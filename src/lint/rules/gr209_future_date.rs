//! The audit trail only works if dates are honest, and a day that has not come yet records
//! nothing: a check-in dated, or an action marked done on, a day after today is a typo (2062
//! for 2026, a month and a day swapped) or an entry written ahead of time. The report never
//! counts it as progress, so a check-in dated next year cannot make a goal 100% done. Date
//! entries the day they happen. "Today" is `--today` or `GROWTH_TODAY` when given, so CI runs
//! are repeatable.
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
//! - [x] Complete the observability training (done 2026-12-02)
//!
//! ### Check-ins
//! - 2062-03-01 [12%] solved 2 of 17 issues
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
//! - [x] Complete the observability training (done 2026-02-12)
//!
//! ### Check-ins
//! - 2026-03-01 [12%] solved 2 of 17 issues
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR209",
    name: "future-date",
    default: Severity::Warning,
    summary: "a check-in or done date after today",
    source: include_str!("gr209_future_date.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let today = cx.today;
    // Every goal, done and dropped ones too: a wrong date is wrong wherever it is.
    for goal in &cx.plan.goals {
        for action in &goal.actions {
            if let Some(done) = action.done_on.as_ref().filter(|d| d.value > today) {
                out.push(
                    Finding::new(
                        done.span,
                        format!(
                            "the action is marked done on {}, after today ({today})",
                            done.value
                        ),
                    )
                    .help("correct the date if it is a typo; an action is done the day it is done"),
                );
            }
        }
        for checkin in goal.checkins.iter().filter(|c| c.date.value > today) {
            out.push(
                Finding::new(
                    checkin.date.span,
                    format!(
                        "the check-in is dated {}, after today ({today})",
                        checkin.date.value
                    ),
                )
                .help(
                    "correct the date if it is a typo; until that day the report does not count it as progress",
                ),
            );
        }
    }
}
