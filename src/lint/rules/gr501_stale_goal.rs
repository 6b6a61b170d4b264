//! If nothing moves for weeks, the plan is stuck. An active goal whose actions and check-ins
//! have not changed for `stale_days` (default 30) needs a decision: a small next step, a
//! check-in saying what is in the way, or `status: blocked` / `dropped`.
//!
//! With git history, "changed" means a commit that added, ticked or reopened an action or
//! added a check-in; editing or removing an entry corrects the record and is not progress.
//! Work not yet committed counts at the date each entry states (capped at today), so a
//! check-in dated in May and left uncommitted until July leaves the goal stale. In a shallow
//! clone, what the boundary commit already holds counts at its own stated dates. Without git
//! (or with `--no-history`), the latest check-in or done date in the file up to today is used
//! (a date after today is GR209's finding, and would hide a stuck goal); a goal with none of
//! those is stale once the period has run for `stale_days`.
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
//! - 2026-01-20 [8%] solved 1 of 12
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
//! - 2026-01-20 [8%] solved 1 of 12
//! - 2026-03-02 [12%] solved 2 of 17
//! ~~~

use chrono::NaiveDate;

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR501",
    name: "stale-goal",
    default: Severity::Warning,
    summary: "an active goal whose actions and check-ins have not changed for `stale_days` (30)",
    source: include_str!("gr501_stale_goal.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let stale_days = i64::from(cx.options.stale_days);
    let period_start = cx.plan.period.as_ref().map(|p| p.start.value);
    if period_start.is_some_and(|s| s > cx.today) {
        return;
    }
    for goal in cx.plan.active_goals() {
        let (last, source) = match cx.history {
            Some(facts) => (
                facts.last_activity.get(&goal.id.value).copied(),
                if facts.shallow {
                    "by git history and, before the shallow clone's boundary, its own dates"
                } else {
                    "in git history"
                },
            ),
            None => (stated_activity(goal, cx.today), "by its dates"),
        };
        let since = match last.or(period_start) {
            Some(d) => d,
            None => continue,
        };
        let days = (cx.today - since).num_days();
        if days > stale_days {
            let message = match last {
                Some(d) => format!(
                    "no progress on `{}` for {days} days ({source}, last on {d})",
                    goal.id.value
                ),
                None => format!(
                    "no progress on `{}` since the period started {days} days ago",
                    goal.id.value
                ),
            };
            out.push(
                Finding::new(goal.title.span, message).help(
                    "add a check-in, take a small next step, or mark it `blocked` or `dropped`",
                ),
            );
        }
    }
}

/// The latest check-in or done date written in the goal, up to today.
fn stated_activity(goal: &Goal, today: NaiveDate) -> Option<NaiveDate> {
    let checkins = goal.checkins.iter().map(|c| c.date.value);
    let done = goal
        .actions
        .iter()
        .filter_map(|a| a.done_on.as_ref().map(|d| d.value));
    checkins.chain(done).filter(|d| *d <= today).max()
}
