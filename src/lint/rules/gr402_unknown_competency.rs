//! A goal's `competency` links it to the career ladder, which is how the ladder coverage and
//! the next-level gap are worked out. A competency that is not in the ladder links to nothing.
//! Runs only when there is a ladder.
//!
//! The examples use a ladder with the competencies `incident-response`, `system-design` and
//! `mentoring`.
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
//! ```yaml
//! competency: incident-handling
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
//! ## Goal: Solve production issues on my own
//!
//! ```yaml
//! competency: incident-response
//! ```
//! ~~~

use std::collections::HashMap;

use super::prelude::*;
use crate::ladder::Budget;

pub static RULE: Rule = Rule {
    code: "GR402",
    name: "unknown-competency",
    default: Severity::Error,
    summary: "a goal's competency not in the ladder",
    source: include_str!("gr402_unknown_competency.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ladder) = cx.ladder else { return };
    // One budget and one answer per distinct name for the whole plan: a plan of thousands
    // of goals with unknown competencies costs what its size says, not its size times the
    // ladder's.
    let mut budget = Budget::default();
    let mut answers: HashMap<&str, (String, Option<String>)> = HashMap::new();
    let mut listing = None;
    for goal in &cx.plan.goals {
        let Some(competency) = &goal.competency else {
            continue;
        };
        if ladder.competency(&competency.value).is_none() {
            let name = competency.value.as_str();
            let (help, near) = match answers.get(name) {
                Some(answer) => answer.clone(),
                None => {
                    let near = ladder.nearest_competency(name, &mut budget);
                    let help = match near {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => listing
                            .get_or_insert_with(|| {
                                ladder.listing("competencies", &ladder.competency_ids())
                            })
                            .clone(),
                    };
                    let answer = (help, near.map(str::to_string));
                    answers.insert(name, answer.clone());
                    answer
                }
            };
            let mut finding = Finding::new(
                competency.span,
                format!("`{}` is not a competency of the ladder", competency.value),
            )
            .help(help);
            if let Some(near) = near.filter(|_| bare(cx, competency.span, name)) {
                finding = finding.fix(near);
            }
            out.push(finding);
        }
    }
}
