//! Don't point every goal in one direction: a plan whose goals all share one focus grows one
//! thing and lets the rest stand still (and leaves nothing if that direction changes). A
//! goal's focus is its `focus`, or the area of its ladder `competency`.
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
//! focus: operations
//! ```
//!
//! ## Goal: Cut on-call pages by half
//!
//! ```yaml
//! focus: operations
//! ```
//!
//! ## Goal: Write runbooks for the 5 noisiest alerts
//!
//! ```yaml
//! focus: operations
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
//! focus: operations
//! ```
//!
//! ## Goal: Cut on-call pages by half
//!
//! ```yaml
//! focus: operations
//! ```
//!
//! ## Goal: Mentor one new hire through their first quarter
//!
//! ```yaml
//! focus: mentoring
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR303",
    name: "single-direction",
    default: Severity::Info,
    summary: "three or more goals, all with the same focus",
    source: include_str!("gr303_single_direction.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let goals: Vec<&Goal> = cx.plan.open_goals().collect();
    if goals.len() < 3 {
        return;
    }
    let focus = |g: &Goal| -> Option<String> {
        if let Some(f) = &g.focus {
            return Some(f.value.to_lowercase());
        }
        let competency = g.competency.as_ref()?;
        let area = cx.ladder?.competency(&competency.value)?.area.as_ref()?;
        Some(area.to_lowercase())
    };
    let Some(first) = focus(goals[0]) else { return };
    if goals.iter().all(|g| focus(g).as_ref() == Some(&first)) {
        out.push(
            Finding::new(
                cx.plan.header_span,
                format!("all {} goals have the focus `{first}`", goals.len()),
            )
            .help("balance the plan: one goal in another area (people, delivery, influence, …)"),
        );
    }
}
