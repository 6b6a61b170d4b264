//! Measurable: a measure that states no number, percentage, count, frequency or date ("my
//! manager is happy with my reviews") turns the review into a matter of opinion. Put a
//! quantity in it: how many, how often, how much, or by when. A pass/fail end state that
//! someone else can check is a measure too, and does not fire: "pass the AWS exam", "the RFC
//! is accepted by the platform group", "paper accepted and presented".
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Lead design reviews
//!
//! ```yaml
//! measure: I am confident in design discussions
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
//! ## Goal: Lead design reviews
//!
//! ```yaml
//! measure: I lead 2 design reviews that reach a decision in one meeting
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR203",
    name: "unquantified-measure",
    default: Severity::Warning,
    summary:
        "a measure with no number, percentage, count, frequency or date, nor a pass/fail end state",
    source: include_str!("gr203_unquantified_measure.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals() {
        if let Some(measure) = &goal.measure {
            if !cx.measure(&measure.value).checkable {
                out.push(
                    Finding::new(
                        measure.span,
                        "the measure has no number, count, frequency or date, nor an end state to check",
                    )
                    .help("say how many, how often, how much or by when, or what will be shipped, passed or accepted"),
                );
            }
        }
    }
}
