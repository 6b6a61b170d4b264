//! "Since the last review" for one plan, in sentences: the paragraph people otherwise write by
//! scrolling `git log`. Built from the report model alone, so it says what the rest of the
//! report shows, the same in every format, and the same for the same report.
//!
//! The sentences are plain text from the plan; each format escapes them as it escapes the
//! rest of the plan's text.

use super::model::{Flag, FlagDetail, GoalReport, PlanReport};

/// The plan's summary over its range: what was done and checked in, how far the numbers
/// moved, and which goalposts moved or entries were backdated, with their commits.
pub fn sentences(plan: &PlanReport) -> Vec<String> {
    let range = plan.range;
    let when = match (range.since, range.until) {
        (Some(s), Some(u)) => format!("From {s} to {u}"),
        (Some(s), None) => format!("Since {s}"),
        (None, Some(u)) => format!("Up to {u}"),
        (None, None) => "Over the whole plan".to_string(),
    };
    let goals = &plan.goals;
    let actions: usize = goals.iter().map(|g| g.actions_done_in_range).sum();
    let checkins: usize = goals.iter().map(|g| g.checkins.len()).sum();
    let mut out = vec![match (actions, checkins) {
        (0, 0) => format!("{when}: no actions done and no check-ins."),
        _ => format!(
            "{when}: {} done and {}.",
            count(actions, "action"),
            count(checkins, "check-in")
        ),
    }];
    let done: Vec<String> = goals
        .iter()
        .flat_map(|g| &g.actions)
        .filter_map(|a| Some((a.done_on.filter(|d| range.contains(*d))?, &a.text)))
        .map(|(date, text)| format!("{text} ({date})"))
        .collect();
    if !done.is_empty() {
        out.push(format!("Done: {}.", done.join("; ")));
    }
    let moved: Vec<String> = goals.iter().filter_map(progress).collect();
    if !moved.is_empty() {
        out.push(format!("Progress: {}.", moved.join("; ")));
    }
    for (flag, name) in [
        (Flag::MovedGoalposts, "Goalposts moved"),
        (Flag::Backdated, "Backdated"),
    ] {
        let items: Vec<String> = goals
            .iter()
            .filter_map(|g| details(g, flag, plan))
            .collect();
        if !items.is_empty() {
            out.push(format!("{name}: {}.", items.join("; ")));
        }
    }
    out
}

/// "Lead four incidents: 1 → 2 (target 3, 67%)" for a goal with a value checked in in the
/// range.
fn progress(goal: &GoalReport) -> Option<String> {
    goal.checkins.iter().find(|c| c.value.is_some())?;
    let p = &goal.progress;
    let latest = p.latest.as_deref()?;
    let change = match p.start.as_deref() {
        Some(start) if start == latest => format!("still {latest}"),
        Some(start) => format!("{start} → {latest}"),
        None => format!("now {latest}"),
    };
    let target = match (&p.target, p.percent) {
        (Some(t), Some(pct)) => format!(" (target {t}; {pct:.0}% of the way)"),
        (Some(t), None) => format!(" (target {t})"),
        (None, _) => String::new(),
    };
    Some(format!("{}: {change}{target}", goal.title))
}

/// "Goal: due date 2026-06-30 → 2026-09-30 in abc1234 on 2026-06-20, target 4 → 3 in …":
/// the goal's details of `flag` whose commit falls in the plan's range, or `None`.
fn details(goal: &GoalReport, flag: Flag, plan: &PlanReport) -> Option<String> {
    let words: Vec<String> = (goal.flag_details.iter())
        .filter(|d| d.flag == flag && plan.range.contains(d.date))
        .map(FlagDetail::words)
        .collect();
    (!words.is_empty()).then(|| format!("{}: {}", goal.title, words.join(", ")))
}

fn count(n: usize, what: &str) -> String {
    match n {
        0 => format!("no {what}s"),
        1 => format!("1 {what}"),
        _ => format!("{n} {what}s"),
    }
}
