//! A plan covers its period, and its check-ins tell the story of that period. A check-in
//! dated before the period starts or after it ends belongs to another plan (last half's,
//! next year's), or its date is a typo; either way a review of this period would read it out
//! of place. Move it to the plan for its period, or correct the date. A check-in dated after
//! today is reported by GR209 (`future-date`) instead, so one mistake is reported once.
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
//! ### Check-ins
//! - 2025-12-03 [5%] solved 1 of 20 issues
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
//! ### Check-ins
//! - 2026-01-12 [5%] solved 1 of 20 issues
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR210",
    name: "entry-outside-period",
    default: Severity::Info,
    summary: "a check-in dated before the plan's period starts or after it ends",
    source: include_str!("gr210_entry_outside_period.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(period) = &cx.plan.period else {
        return;
    };
    let (start, end) = (period.start.value, period.end.value);
    for goal in &cx.plan.goals {
        // After today is GR209's finding.
        for checkin in goal.checkins.iter().filter(|c| c.date.value <= cx.today) {
            let date = checkin.date.value;
            let side = if date < start {
                format!("before the period starts ({start})")
            } else if date > end {
                format!("after the period ends ({end})")
            } else {
                continue;
            };
            out.push(
                Finding::new(checkin.date.span, format!("check-in {date} is {side}"))
                    .help("move it to the plan for that period, or correct the date"),
            );
        }
    }
}
