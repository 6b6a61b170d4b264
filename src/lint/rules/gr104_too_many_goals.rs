//! Less is more across the whole plan too: development, career and business goals all compete
//! for the same weeks. More than five active goals means some will quietly stall.
//!
//! The limit is the option `max_active_goals` (default 5).
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
//! ## Goal: Review 20 pull requests in the billing service
//! ## Goal: Give one talk at the engineering all-hands
//!
//! ```yaml
//! type: career
//! ```
//!
//! ## Goal: Cut checkout p95 latency to 400 ms
//!
//! ```yaml
//! type: business
//! ```
//!
//! ## Goal: Mentor one new hire through their first on-call
//!
//! ```yaml
//! type: career
//! ```
//!
//! ## Goal: Publish the billing domain glossary
//!
//! ```yaml
//! type: business
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
//! ## Goal: Review 20 pull requests in the billing service
//! ## Goal: Give one talk at the engineering all-hands
//!
//! ```yaml
//! type: career
//! ```
//!
//! ## Goal: Cut checkout p95 latency to 400 ms
//!
//! ```yaml
//! type: business
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR104",
    name: "too-many-goals",
    default: Severity::Warning,
    summary: "more than `max_active_goals` (5) active goals of all types",
    source: include_str!("gr104_too_many_goals.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let max = cx.options.max_active_goals as usize;
    let active: Vec<&Goal> = cx.plan.active_goals().collect();
    if active.len() > max {
        out.push(
            Finding::new(
                active[max].title.span,
                format!(
                    "{} active goals; more than {max} compete for the same weeks",
                    active.len()
                ),
            )
            .help("finish, park (`status: planned`) or drop some goals"),
        );
    }
}
