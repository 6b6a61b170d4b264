//! An inline suppression (`<!-- growth-disable-next-line GR201 -- reason -->`,
//! `<!-- growth-disable-file GR204 -->`, or `# growth-disable-next-line GR201` in YAML) that
//! names no known rule, or that no longer hides any finding, is noise that hides the next real
//! problem. Remove it, or fix the rule name. A misspelt directive (`growth-disable-nextline`,
//! `growth-disable`, `growth-ignore`) hides nothing either, so it is reported with the
//! directive it most likely means.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! north_star: A positive influence on others
//! ---
//!
//! <!-- growth-disable-next-line GR201 -- it is a stretch goal -->
//! ## Goal: Run the Q2 incident review
//! ~~~
//!
//! ## Good
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! north_star: A positive influence on others
//! ---
//!
//! <!-- growth-disable-next-line GR201 -- we agreed on this wording with my manager -->
//! ## Goal: Get better at system design
//! ~~~

use super::prelude::*;

/// The engine reports this rule's findings itself, from what the suppressions matched.
pub static RULE: Rule = Rule {
    code: "GR007",
    name: "unused-suppression",
    default: Severity::Warning,
    summary: "an inline suppression that names no rule, hides no finding, or is misspelt",
    source: include_str!("gr007_unused_suppression.rs"),
    check,
};

fn check(_: &Context, _: &mut Vec<Finding>) {}
