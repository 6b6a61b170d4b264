//! A goal's id is how history follows it from commit to commit and how reports link to it; two
//! goals with one id make both ambiguous. Ids default to a slug of the title, so two goals with
//! the same title collide too.
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
//! id: incidents
//! ```
//!
//! ## Goal: Cut the on-call pages by half
//!
//! ```yaml
//! id: incidents
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
//! id: incident-review
//! ```
//!
//! ## Goal: Cut the on-call pages by half
//!
//! ```yaml
//! id: fewer-pages
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR005",
    name: "duplicate-goal",
    default: Severity::Error,
    summary: "two goals share an id",
    source: include_str!("gr005_duplicate_goal.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut first_by_id: std::collections::HashMap<&str, &Goal> = std::collections::HashMap::new();
    for goal in &cx.plan.goals {
        if goal.id.value.is_empty() {
            continue;
        }
        if let Some(first) = first_by_id.get(goal.id.value.as_str()).copied() {
            let line = cx.file.position(first.span.start).line;
            let span = if goal.id_explicit {
                goal.id.span
            } else {
                goal.title.span
            };
            out.push(
                Finding::new(
                    span,
                    format!(
                        "the goal id `{}` is already used by the goal on line {line}",
                        goal.id.value
                    ),
                )
                .help("give each goal its own `id:`"),
            );
        } else {
            first_by_id.insert(&goal.id.value, goal);
        }
    }
}
