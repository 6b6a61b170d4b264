//! A plan without goals is a wish. In Markdown a goal is a heading that starts with `Goal:`
//! (`## Goal: Run the Q2 incident review`) followed by a ```` ```yaml ```` block with its
//! measure, target and due date; in a YAML plan, an entry of `goals:` with a `title`.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Run the Q2 incident review
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
use crate::plan::PlanFormat;

pub static RULE: Rule = Rule {
    code: "GR006",
    name: "no-goals",
    default: Severity::Error,
    summary: "a plan with no goals",
    source: include_str!("gr006_no_goals.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    if cx.plan.goals.is_empty() {
        let help = match cx.plan.format {
            PlanFormat::Markdown => "a goal is a heading that starts with `Goal:`, e.g. `## Goal: Run the Q2 incident review`, followed by a ```yaml block with its measure, target and due date",
            PlanFormat::Yaml => "add `goals:` with entries such as `- title: Run the Q2 incident review`",
        };
        out.push(Finding::new(cx.plan.header_span, "the plan has no goals").help(help));
    }
}
