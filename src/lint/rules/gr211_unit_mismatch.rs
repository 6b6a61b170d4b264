//! Measurable: a check-in value is in the unit of the goal's target, so the report can say
//! how far the goal has come. `[80%]` against a target of `4 updates`, or `[3 PRs]` against
//! `400 ms`, measures something else, and the report shows no percentage for it. Write the
//! value in the target's unit (a bare number is read in it, and `0.5 s` converts to `500 ms`),
//! or change the target. The same holds for the `baseline`. Clock time and calendar time are
//! not converted into each other: a plan's "day" is as often a working day as 24 hours, so
//! hours against a target in days are a mismatch too.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Send the stakeholders a written update every month
//!
//! ```yaml
//! measure: 4 written updates sent to the billing stakeholders by June
//! target: 4 updates
//! ```
//!
//! ### Check-ins
//! - 2026-03-01 [80%] two updates sent, a third drafted
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
//! ## Goal: Send the stakeholders a written update every month
//!
//! ```yaml
//! measure: 4 written updates sent to the billing stakeholders by June
//! target: 4 updates
//! ```
//!
//! ### Check-ins
//! - 2026-03-01 [2] two updates sent, a third drafted
//! ~~~

use super::prelude::*;
use crate::quantity::Quantity;

pub static RULE: Rule = Rule {
    code: "GR211",
    name: "unit-mismatch",
    default: Severity::Warning,
    summary: "a check-in value or baseline in a unit the target cannot be compared with",
    source: include_str!("gr211_unit_mismatch.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in &cx.plan.goals {
        let Some(target) = &goal.target else { continue };
        let Some(unit) = Quantity::parse(&target.value) else {
            continue;
        };
        let baseline = goal.baseline.iter().map(|b| ("the baseline", b));
        let values = goal.checkins.iter().filter_map(|c| c.value.as_ref());
        for (what, value) in baseline.chain(values.map(|v| ("the check-in value", v))) {
            let Some(q) = Quantity::parse(&value.value) else {
                continue;
            };
            if q.unit.compatible(&unit.unit) {
                continue;
            }
            out.push(
                Finding::new(
                    value.span,
                    format!(
                        "{what} `{}` is in {}, but the target `{}` is in {}",
                        value.value, q.unit, target.value, unit.unit
                    ),
                )
                .help(format!(
                    "write it in {} (a bare number is read in the target's unit), or change the target",
                    unit.unit
                )),
            );
        }
    }
}
