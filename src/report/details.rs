//! Which entry a history flag is about: the backdated check-in or done date with the commit
//! that added it, the due date or target that moved with its before → after and commit.
//!
//! A detail is listed only where lint reported the finding (GR502, GR503): a finding that is
//! suppressed or a rule that is off takes its detail away with its flag, so the report never
//! names an entry it does not flag.

use crate::diagnostic::Diagnostic;
use crate::history::facts::PlanFacts;
use crate::plan::Goal;

use super::model::{Flag, FlagDetail};

/// The goal's flag details, oldest commit first. `findings` are the goal's lint findings.
pub fn flag_details(
    goal: &Goal,
    findings: &[&Diagnostic],
    facts: Option<&PlanFacts>,
) -> Vec<FlagDetail> {
    let Some(facts) = facts else {
        return Vec::new();
    };
    let id = goal.id.value.as_str();
    let reported = |code: &str, pick: &dyn Fn(&Diagnostic) -> bool| {
        findings.iter().any(|d| d.code == code && pick(d))
    };
    let mut out = Vec::new();
    for b in facts.backdated.iter().filter(|b| b.goal == id) {
        if !reported("GR502", &|d| d.span == b.span) {
            continue;
        }
        let action = goal
            .actions
            .iter()
            .find(|a| a.done_on.as_ref().is_some_and(|d| d.span == b.span));
        let entry = match (b.checkin, action) {
            (false, Some(a)) => format!("done date of \"{}\"", a.text.value),
            (false, None) => "done date".to_string(),
            (true, _) => format!("check-in {}", b.stated),
        };
        out.push(FlagDetail {
            flag: Flag::Backdated,
            entry,
            stated: Some(b.stated),
            before: None,
            after: None,
            commit: b.commit.clone(),
            date: b.committed,
        });
    }
    for m in facts.moved.iter().filter(|m| m.goal == id) {
        if !reported("GR503", &|d| d.message == m.message()) {
            continue;
        }
        out.push(FlagDetail {
            flag: Flag::MovedGoalposts,
            entry: if m.due { "due date" } else { "target" }.to_string(),
            stated: None,
            before: Some(m.from.clone()),
            after: Some(m.to.clone()),
            commit: m.commit.clone(),
            date: m.date,
        });
    }
    out.sort_by(|a, b| (a.date, &a.commit).cmp(&(b.date, &b.commit)));
    out
}
