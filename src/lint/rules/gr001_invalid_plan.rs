//! A plan file must be readable text, and its front matter, goal blocks (or the whole YAML
//! plan) must be valid YAML with values of the right type. Nothing else can be checked until
//! the file parses, so a file with a syntax error gets only this finding.
//!
//! Fires on: unreadable files (binary, not UTF-8, over 1 MiB), YAML syntax errors, alias bombs
//! and nesting beyond the limits, and values of the wrong type (a list where text belongs, a
//! `status` that is not one of planned, active, done, dropped, blocked). Syntax errors are
//! told in plain words with what to do, where the fix goes (an unclosed quote where it
//! opens). A key given twice is reported too, but it is not a syntax error: the first is kept
//! and the rest of the plan is still checked.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30
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
    code: "GR001",
    name: "invalid-plan",
    default: Severity::Error,
    summary: "the file, its front matter, a goal block or the YAML plan does not parse, or a value has the wrong type",
    source: include_str!("gr001_invalid_plan.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    problems(
        cx,
        &[
            ProblemKind::Unreadable,
            ProblemKind::Syntax,
            ProblemKind::DuplicateKey,
            ProblemKind::WrongType,
        ],
        out,
    );
}
