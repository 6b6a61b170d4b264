//! Career goals are outcomes (a role, recognition) that are not fully in your control, so their
//! actions must be things you can do. "Be tech lead" or "Get promoted" as an action cannot be
//! ticked by you; "Lead the design review of the billing retry queue" or "Ask my manager what
//! the promotion committee needs to see" can.
//!
//! Extra outcome phrases can be added with the option `outcome_phrases`.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Be recognised as the go-to person for billing
//!
//! ```yaml
//! type: career
//! ```
//!
//! ### Actions
//! - [ ] Become the billing tech lead
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
//! ## Goal: Be recognised as the go-to person for billing
//!
//! ```yaml
//! type: career
//! ```
//!
//! ### Actions
//! - [ ] Lead the design review of the billing retry queue
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR302",
    name: "outcome-as-action",
    default: Severity::Warning,
    summary:
        "an action that is an outcome outside one's control (\"be tech lead\", \"get promoted\")",
    source: include_str!("gr302_outcome_as_action.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals() {
        for action in &goal.actions {
            if let Some(phrase) = cx.lexicon.outcome(&action.text.value) {
                out.push(
                    Finding::new(action.text.span, format!("\"{phrase}\" is an outcome, not something you can do"))
                        .help("write a step in your control that makes the outcome likelier, e.g. \"lead the design review of …\""),
                );
            }
        }
    }
}
