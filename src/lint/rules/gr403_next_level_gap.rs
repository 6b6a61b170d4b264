//! "What am I missing for the next level?" is the question people ask most. With a ladder and
//! both `role` and `target_role` set, this names the competencies whose expectation rises from
//! the current level to the target level and that no open goal addresses (by `competency`).
//!
//! On a ladder with tracks (an IC / manager fork), the path from `role` to `target_role`
//! follows `after`: a target on another branch is a change of track, named as such, and its
//! gap is what the target expects beyond the role's level. A `target_role` below the `role`
//! is a finding of its own (the two are likely swapped).
//!
//! The examples use a ladder where, from `senior-engineer` to `staff-engineer`, the
//! expectations for `system-design` and `mentoring` rise.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! role: senior-engineer
//! target_role: staff-engineer
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Write and defend 2 cross-team design docs
//!
//! ```yaml
//! competency: system-design
//! ```
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
//! ## Goal: Write and defend 2 cross-team design docs
//!
//! ```yaml
//! competency: system-design
//! ```
//!
//! ## Goal: Coach two senior engineers into mentoring new hires
//!
//! ```yaml
//! competency: mentoring
//! ```
//! ~~~

use super::prelude::*;
use crate::ladder::Step;

pub static RULE: Rule = Rule {
    code: "GR403",
    name: "next-level-gap",
    default: Severity::Info,
    summary:
        "competencies whose expectation rises from `role` to `target_role` that no goal addresses",
    source: include_str!("gr403_next_level_gap.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let (Some(ladder), Some(role), Some(target)) = (cx.ladder, &cx.plan.role, &cx.plan.target_role)
    else {
        return;
    };
    let step = ladder.step(&role.value, &target.value);
    if step == Some(Step::Down) {
        out.push(
            Finding::new(
                target.span,
                format!(
                    "target_role {} is below role {} on the ladder",
                    target.value, role.value
                ),
            )
            .help("a target is a level that follows the role (by `after`); are the two swapped?"),
        );
        return;
    }
    let addressed: std::collections::HashSet<&str> = cx
        .plan
        .open_goals()
        .filter_map(|g| g.competency.as_ref())
        .map(|c| c.value.as_str())
        .collect();
    let missing: Vec<&str> = ladder
        .rising(&role.value, &target.value)
        .into_iter()
        .map(|c| c.id.value.as_str())
        .filter(|id| !addressed.contains(id))
        .collect();
    if missing.is_empty() {
        return;
    }
    // A ladder can be large: the finding names the first few and counts the rest, so one
    // finding stays a few lines (the report's ladder coverage has the whole list).
    const NAMED: usize = 10;
    let more = |shown: usize| match missing.len().saturating_sub(shown) {
        0 => String::new(),
        n => format!(", … and {n} more"),
    };
    let target_index = ladder.level_index(&target.value);
    let detail: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|id| {
            let expectation = ladder
                .competency(id)
                .zip(target_index)
                .and_then(|(c, i)| ladder.expectation(c, i));
            match expectation {
                Some(e) => format!("{id} ({e})"),
                None => id.to_string(),
            }
        })
        .collect();
    out.push(
        Finding::new(
            target.span,
            format!(
                "{}{} needs more in {} that no goal addresses: {}{}",
                target.value,
                match step {
                    Some(Step::Across) => format!(" (another track than {})", role.value),
                    _ => String::new(),
                },
                plural(missing.len(), "competency", "competencies"),
                missing[..missing.len().min(NAMED)].join(", "),
                more(NAMED)
            ),
        )
        .help(format!(
            "consider a goal for: {}{}",
            detail.join("; "),
            more(detail.len())
        )),
    );
}
