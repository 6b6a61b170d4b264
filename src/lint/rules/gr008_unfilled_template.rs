//! `growth init` writes a plan with example words in it: a goal called "Name the skill or
//! outcome, concretely", a north star that describes what a north star is, an action "A first
//! step you can do this month", an owner "Your Name". Left as they are, the plan looks
//! complete to the other rules while saying nothing, so each placeholder still in the file is
//! reported until it is replaced with your own words.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! north_star: >-
//!   Where you want to be in a few years, and what you will not give up on the way.
//! ---
//!
//! ## Goal: Run the Q2 incident review
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
//! ## Goal: Run the Q2 incident review
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR008",
    name: "unfilled-template",
    default: Severity::Warning,
    summary: "words of the `growth init` template still in the plan",
    source: include_str!("gr008_unfilled_template.rs"),
    check,
};

/// The template's example words, by what they stand in for. `growth init`'s templates are
/// tested to contain each of them, so the two cannot drift apart.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("owner", "Your Name"),
    (
        "north star",
        "Where you want to be in a few years, and what you will not give up on the way.",
    ),
    ("goal title", "Name the skill or outcome, concretely"),
    ("action", "A first step you can do this month"),
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let plan = cx.plan;
    let mut texts: Vec<&Spanned<String>> = Vec::new();
    texts.extend(&plan.owner);
    texts.extend(&plan.north_star);
    for goal in &plan.goals {
        texts.push(&goal.title);
        texts.extend(goal.actions.iter().map(|a| &a.text));
    }
    for text in texts {
        if let Some((what, _)) = PLACEHOLDERS
            .iter()
            .find(|(_, words)| text.value.trim() == *words)
        {
            out.push(
                Finding::new(
                    text.span,
                    format!("the {what} is still the `growth init` placeholder"),
                )
                .help(format!("replace it with your own {what}")),
            );
        }
    }
}
