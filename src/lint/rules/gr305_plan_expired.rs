//! A plan whose period has ended but which still has active goals is either finished (mark the
//! goals done or dropped, and start the next plan with `growth init`) or has quietly run over.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2025-07-01, end: 2025-12-31 }
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
//! period: { start: 2025-07-01, end: 2025-12-31 }
//! ---
//!
//! ## Goal: Solve production issues on my own
//!
//! ```yaml
//! status: done
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR305",
    name: "plan-expired",
    default: Severity::Info,
    summary: "the period has ended and the plan still has active goals",
    source: include_str!("gr305_plan_expired.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(period) = &cx.plan.period else {
        return;
    };
    let active = cx.plan.active_goals().count();
    if period.end.value < cx.today && active > 0 {
        out.push(
            Finding::new(
                period.end.span,
                format!("the period ended on {} and {} still active", period.end.value, plural(active, "goal is", "goals are")),
            )
            .help("close the goals (`status: done` or `dropped`) and start the next plan with `growth init`"),
        );
    }
}
