//! What every rule file needs.

pub use crate::lint::rule::{Context, Finding, Rule};
pub use crate::plan::{Goal, GoalType};
pub use crate::problem::ProblemKind;
pub use crate::severity::Severity;
pub use crate::source::{Span, Spanned};

/// Findings for the reader's problems of the given kinds.
pub fn problems(cx: &Context, kinds: &[ProblemKind], out: &mut Vec<Finding>) {
    for p in cx.problems.iter().filter(|p| kinds.contains(&p.kind)) {
        out.push(Finding {
            span: p.span,
            message: p.message.clone(),
            help: p.help.clone(),
            fix: None,
        });
    }
}

/// The file's text at `span`, or "" for a span that is not in it.
pub fn written<'a>(cx: &Context<'a>, span: Span) -> &'a str {
    cx.file.text().get(span.start..span.end).unwrap_or("")
}

/// Whether `span` holds exactly `value` as a bare word, so replacing those bytes replaces the
/// value and nothing else: a quoted, escaped or folded scalar is left to the person.
pub fn bare(cx: &Context, span: Span, value: &str) -> bool {
    let text = written(cx, span);
    text == value
        && !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Where a goal's keys are written, in the plan's own form, for advice ("add `due:` to …").
pub fn goal_keys_place(cx: &Context) -> &'static str {
    match cx.plan.format {
        crate::plan::PlanFormat::Markdown => "the goal's yaml block",
        crate::plan::PlanFormat::Yaml => "the goal's entry under `goals:`",
    }
}

/// Where a plan's own keys are written, in the plan's own form.
pub fn plan_keys_place(cx: &Context) -> &'static str {
    crate::plan::fields::plan_keys_place(cx.plan.format)
}

/// "1 goal", "3 goals".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
