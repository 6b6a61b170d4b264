//! `role` and `target_role` name levels of the team's career ladder (`ladder.yaml`, set in
//! `growth.yaml`), so that "what does the next level need?" can be answered. A level that is
//! not in the ladder is usually a typo or an old level name. Runs only when there is a ladder.
//!
//! The examples use a ladder with the levels `engineer`, `senior-engineer` and
//! `staff-engineer`.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! role: senior-engineer
//! target_role: staff-enginer
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Solve production issues on my own
//! ~~~
//!
//! ## Good
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! role: senior-engineer
//! target_role: staff-engineer
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Solve production issues on my own
//! ~~~

use super::prelude::*;
use crate::ladder::Budget;

pub static RULE: Rule = Rule {
    code: "GR401",
    name: "unknown-level",
    default: Severity::Error,
    summary: "`role` / `target_role` not in the ladder",
    source: include_str!("gr401_unknown_level.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ladder) = cx.ladder else { return };
    let mut budget = Budget::default();
    for (key, level) in [
        ("role", &cx.plan.role),
        ("target_role", &cx.plan.target_role),
    ] {
        let Some(level) = level else { continue };
        if ladder.level_index(&level.value).is_none() {
            let near = ladder.nearest_level(&level.value, &mut budget);
            let help = match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => ladder.listing("levels", &ladder.level_ids()),
            };
            let mut finding = Finding::new(
                level.span,
                format!("`{key}: {}` is not a level of the ladder", level.value),
            )
            .help(help);
            if let Some(near) = near.filter(|_| bare(cx, level.span, &level.value)) {
                finding = finding.fix(near);
            }
            out.push(finding);
        }
    }
}
