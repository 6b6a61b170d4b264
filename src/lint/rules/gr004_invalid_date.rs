//! Dates drive the time-bound rules and the report, so they must be real ISO dates
//! (`YYYY-MM-DD`): `2026-02-30`, `30/06/2026` or `next week` would silently make a goal
//! unbounded. A period that ends before it starts is reported too, and so is an action's date
//! marker that gives no date: `(due )`, or `(due 2026-05-15` with no closing parenthesis,
//! which would otherwise be read as part of the action's text and the date lost.
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
//! ```yaml
//! due: 2026-02-30
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
//! ## Goal: Run the Q2 incident review
//!
//! ```yaml
//! due: 2026-02-28
//! ```
//! ~~~

use super::prelude::*;
use crate::lint::fix::{iso_date, Fix};

pub static RULE: Rule = Rule {
    code: "GR004",
    name: "invalid-date",
    default: Severity::Error,
    summary:
        "not a real ISO date; a date marker without a date or unclosed; period end before start",
    source: include_str!("gr004_invalid_date.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for p in cx
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::InvalidDate)
    {
        let mut finding = Finding::new(p.span, p.message.clone());
        finding.help = p.help.clone();
        finding.fix = iso_fix(written(cx, p.span), p.span);
        out.push(finding);
    }
    if let Some(period) = &cx.plan.period {
        if period.end.value < period.start.value {
            out.push(
                Finding::new(
                    period.end.span,
                    format!(
                        "the period ends ({}) before it starts ({})",
                        period.end.value, period.start.value
                    ),
                )
                .help("swap the dates, or fix the one that is wrong"),
            );
        }
    }
}

/// The fix for a date written year first in another shape (`2026/05/31`, `2026-5-31`), which
/// says unambiguously what it means; a quoted date keeps its quotes.
fn iso_fix(text: &str, span: Span) -> Option<Fix> {
    let quoted = text.len() >= 2
        && (text.starts_with('"') && text.ends_with('"')
            || text.starts_with('\'') && text.ends_with('\''));
    let (inner, span) = if quoted {
        (
            &text[1..text.len() - 1],
            Span::new(span.start + 1, span.end - 1),
        )
    } else {
        (text, span)
    };
    iso_date(inner).map(|replacement| Fix { span, replacement })
}
