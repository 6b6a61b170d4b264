//! A north star is the long-term direction above this period's goals ("a positive influence on
//! others, without giving up family time"). It is what you check a new goal against, and what
//! makes a set of goals a plan rather than a list.
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
//! ~~~
//!
//! ## Good
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! north_star: A positive influence on others, without giving up family time
//! ---
//!
//! ## Goal: Solve production issues on my own
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR301",
    name: "missing-north-star",
    default: Severity::Info,
    summary: "no `north_star`",
    source: include_str!("gr301_missing_north_star.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    if cx.plan.north_star.is_none() && !cx.plan.wrote("north_star") {
        out.push(
            Finding::new(cx.plan.header_span, "the plan has no north star").help(format!(
                "add `north_star:` to {}: the long-term direction these goals serve",
                plan_keys_place(cx)
            )),
        );
    }
}
