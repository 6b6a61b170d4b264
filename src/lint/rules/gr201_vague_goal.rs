//! Specific: "get better at", "improve", "learn more", "work on", "be more …" say which way to
//! go but not where to stop. A goal is specific when it names something observable: a number,
//! a deliverable, a thing you will be able to do on your own. The check looks for a vague
//! phrase with nothing concrete beside it, in the title and in the measure.
//!
//! Instead of "Get better at system design", try "Write and defend the design doc for the
//! billing retry queue". A vague title is fine when the goal's `measure` is concrete (a
//! number, a date or a pass/fail end state, and not vague itself): the title is then a name
//! and the measure says where it stops. Extra vague phrases can be added with the option
//! `vague_phrases`.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Get better at system design
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
//! ## Goal: Write and defend the design doc for the billing retry queue
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR201",
    name: "vague-goal",
    default: Severity::Warning,
    summary: "title or measure is vague (\"get better at\", \"improve\", \"be more …\") with nothing concrete",
    source: include_str!("gr201_vague_goal.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.open_goals() {
        let measure = goal.measure.as_ref().map(|m| (m, cx.measure(&m.value)));
        // A short title is a name; the measure is where a goal says where it stops. A vague
        // title over a concrete measure is a specific goal.
        let concrete_measure = measure
            .as_ref()
            .is_some_and(|(_, v)| v.vague.is_none() && v.checkable);
        if let Some(phrase) = cx
            .lexicon
            .vague(&goal.title.value)
            .filter(|_| !concrete_measure)
        {
            out.push(
                Finding::new(goal.title.span, format!("the goal is vague: \"{phrase}\" with nothing concrete"))
                    .help("say what you will be able to do, deliver or show, e.g. a number or a deliverable"),
            );
        }
        if let Some((measure, verdict)) = measure {
            if let Some(phrase) = verdict.vague {
                out.push(
                    Finding::new(
                        measure.span,
                        format!("the measure is vague: \"{phrase}\" with nothing concrete"),
                    )
                    .help("a measure says how someone else could tell the goal is met"),
                );
            }
        }
    }
}
