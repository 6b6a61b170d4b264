//! The audit trail only works if dates are honest. A check-in dated, or an action marked done
//! on, a day well before the commit that added it (more than `backdate_days`, default 14) looks
//! like progress written up after the fact. Date entries the day you write them; if you really
//! are catching up, say so in the note.
//!
//! Needs git history: the stated date is compared with the date of the commit where the entry
//! first appeared (for a done date, the commit that ticked the box). Editing an entry later
//! (its value, its note) does not make it new; changing its date is judged against when the
//! entry first appeared. What a plan holds when its file is first committed is its starting
//! state (a plan written before it was put in git) and is not judged, nor is what a shallow
//! clone's boundary already holds, nor work not yet committed.
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
//!
//! ### Check-ins
//! - 2026-01-05 [12%] solved 2 of 17 (committed on 2026-03-10)
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
//! ## Goal: Solve production issues on my own
//!
//! ### Check-ins
//! - 2026-03-10 [12%] solved 2 of 17 (committed on 2026-03-10)
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR502",
    name: "backdated-entry",
    default: Severity::Warning,
    summary: "a check-in or done date earlier than the commit that added it by more than `backdate_days` (14)",
    source: include_str!("gr502_backdated_entry.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(facts) = cx.history else { return };
    for b in &facts.backdated {
        let what = if b.checkin { "check-in" } else { "done date" };
        let days = (b.committed - b.stated).num_days();
        out.push(
            Finding::new(
                b.span,
                format!(
                    "{what} {} was committed {days} days later, on {} ({})",
                    b.stated, b.committed, b.commit
                ),
            )
            .help(
                "date entries the day you write them; if you are catching up, say so in the note",
            ),
        );
    }
}
