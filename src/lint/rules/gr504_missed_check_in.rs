//! A cadence is a promise to look at the goal regularly: `cadence: weekly` on a goal (or in
//! the front matter, for every goal) says when the next check-in is due. An active goal whose
//! last check-in is older than its cadence as of `--today` has missed one; a goal with no
//! check-in yet is due a cadence after the period started.
//!
//! Cadences are `weekly`, `biweekly`, `monthly` (a calendar month), `every N days` and
//! `every N weeks`. A check-in counts at the date it states, up to today; with git history,
//! no later than the goal's last recorded progress, so an entry committed ahead of its own
//! date is not yet a check-in. `growth due` lists the check-ins coming due, for reminders.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-12-31 }
//! cadence: every 2 weeks
//! ---
//!
//! ## Goal: Solve production issues on my own
//!
//! ### Check-ins
//! - 2026-01-20 [8%] solved 1 of 12
//! - 2026-02-10 [9%] solved 1 of 11
//! ~~~
//!
//! ## Good
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-12-31 }
//! cadence: every 2 weeks
//! ---
//!
//! ## Goal: Solve production issues on my own
//!
//! ### Check-ins
//! - 2026-01-20 [8%] solved 1 of 12
//! - 2026-02-10 [9%] solved 1 of 11
//! - 2026-02-24 [12%] solved 2 of 17; shadowed two on-call shifts
//! - 2026-03-10 [12%] solved 2 of 16
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR504",
    name: "missed-check-in",
    default: Severity::Warning,
    summary: "an active goal whose last check-in is older than its `cadence` (goal or plan)",
    source: include_str!("gr504_missed_check_in.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for goal in cx.plan.active_goals() {
        let Some(mut next) = cx.plan.next_checkin(goal, cx.today) else {
            continue;
        };
        // History caps a stated date at the last commit that recorded progress.
        if let (Some(last), Some(seen)) = (
            next.last,
            cx.history
                .and_then(|f| f.last_activity.get(&goal.id.value).copied()),
        ) {
            if seen < last {
                next.last = Some(seen);
                next.due = next.cadence.next_after(seen);
            }
        }
        if next.due >= cx.today {
            continue;
        }
        let message = match next.last {
            Some(last) => format!(
                "no check-in on `{}` since {last}: the cadence is {}, so one was due on {}",
                goal.id.value, next.cadence, next.due
            ),
            None => format!(
                "no check-in on `{}` yet: the cadence is {}, so the first was due on {}",
                goal.id.value, next.cadence, next.due
            ),
        };
        out.push(Finding::new(goal.title.span, message).help(format!(
            "add one with `growth check-in {} --note …`, or set a `cadence:` you can keep",
            goal.id.value
        )));
    }
}
