//! A plan says whose it is (`owner`) and when it runs (`period`); without them nothing about
//! progress, due dates or reviews can be worked out. A goal needs a title, and YAML actions and
//! check-ins need their `text` and `date`.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! ---
//!
//! ## Goal: Run the Q2 incident review
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
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR003",
    name: "missing-field",
    default: Severity::Error,
    summary: "`owner` or `period` missing; a goal without a title",
    source: include_str!("gr003_missing_field.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    problems(cx, &[ProblemKind::MissingField], out);
}
