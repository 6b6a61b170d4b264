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
        });
    }
}

/// "1 goal", "3 goals".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
