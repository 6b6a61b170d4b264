//! Every key of the plan format has a meaning; a key the format does not know is almost always
//! a typo (`mesure:`) or a guess (`deadline:` for `due:`), and silently ignoring it would drop
//! what the author meant to say. The message suggests the nearest known key.
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
//! mesure: I facilitate 2 incident reviews
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
//! measure: I facilitate 2 incident reviews
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR002",
    name: "unknown-field",
    default: Severity::Error,
    summary: "a key that the format does not know; suggests the nearest one",
    source: include_str!("gr002_unknown_field.rs"),
    check,
};

/// A front matter key the config allows (`front_matter: { allow: [title] }`): a plan that is
/// also a site page carries its generator's keys.
fn allowed(cx: &Context, p: &crate::problem::Problem) -> bool {
    (cx.options.front_matter_allow.iter())
        .any(|k| p.message == format!("unknown front matter key `{k}`"))
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for p in cx
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::UnknownField)
        .filter(|p| !allowed(cx, p))
    {
        let mut finding = Finding::new(p.span, p.message.clone());
        finding.help = p.help.clone();
        // Only a key written as a bare word is renamed: `"mesure"` or `? mesure` is rare,
        // and the person can see the suggestion in the help.
        let key = written(cx, p.span);
        if let Some(near) = &p.replacement {
            if bare(cx, p.span, key) {
                finding = finding.fix(near.clone());
            }
        }
        out.push(finding);
    }
}
