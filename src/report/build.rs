//! Assembling the report from the plans, their lint findings and their history.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::history::facts::{leading_number, PlanFacts};
use crate::history::{Event, EventKind};
use crate::ladder::Ladder;
use crate::lint::text::Lexicon;
use crate::plan::{Goal, Plan};
use crate::severity::Severity;
use crate::source::SourceFile;

use super::model::*;

/// One plan with everything known about it.
pub struct PlanInput<'a> {
    pub path: PathBuf,
    pub file: &'a SourceFile,
    pub plan: &'a Plan,
    pub diagnostics: &'a [Diagnostic],
    pub facts: Option<&'a PlanFacts>,
    /// This plan's events, oldest first (empty without history).
    pub events: Vec<&'a Event>,
    pub range: Range,
}

pub fn plan_report(input: &PlanInput, lexicon: &Lexicon) -> PlanReport {
    let plan = input.plan;
    let mut lint = LintCounts::default();
    for d in input.diagnostics {
        match d.severity {
            Severity::Error => lint.errors += 1,
            Severity::Warning => lint.warnings += 1,
            Severity::Info => lint.infos += 1,
        }
    }
    let goals: Vec<GoalReport> = plan
        .goals
        .iter()
        .enumerate()
        .map(|(i, goal)| {
            let end = plan.goals.get(i + 1).map_or(usize::MAX, |g| g.span.start);
            let findings: Vec<&Diagnostic> = input
                .diagnostics
                .iter()
                .filter(|d| d.span.start >= goal.span.start && d.span.start < end)
                .collect();
            goal_report(input, goal, &findings, lexicon)
        })
        .collect();
    let stated = goals
        .iter()
        .flat_map(|g| {
            g.checkins
                .iter()
                .map(|c| c.date)
                .chain(g.actions.iter().filter_map(|a| a.done_on))
        })
        .max();
    let last_activity = match input.facts {
        Some(facts) => facts.last_activity.values().copied().max(),
        None => stated,
    };
    PlanReport {
        path: input.path.clone(),
        range: input.range,
        owner: plan
            .owner
            .as_ref()
            .map_or_else(|| "(no owner)".to_string(), |o| o.value.clone()),
        title: plan.title.as_ref().map(|t| t.value.clone()),
        role: plan.role.as_ref().map(|r| r.value.clone()),
        target_role: plan.target_role.as_ref().map(|r| r.value.clone()),
        period: plan.period.as_ref().map(|p| (p.start.value, p.end.value)),
        review: plan.review.as_ref().map(|r| r.value),
        north_star: plan.north_star.as_ref().map(|n| n.value.clone()),
        lint,
        last_activity,
        goals,
    }
}

fn goal_report(
    input: &PlanInput,
    goal: &Goal,
    findings: &[&Diagnostic],
    lexicon: &Lexicon,
) -> GoalReport {
    let id = &goal.id.value;
    let events: Vec<&&Event> = input
        .events
        .iter()
        .filter(|e| e.goal.as_deref() == Some(id.as_str()))
        .collect();
    let actions: Vec<ActionReport> = goal
        .actions
        .iter()
        .map(|a| {
            let checked_by = events.iter().rev().find_map(|e| match &e.kind {
                EventKind::ActionChecked { text, .. } if *text == a.text.value => {
                    Some(e.commit.date())
                }
                _ => None,
            });
            // Done as of the end of the range: a box ticked with a later date was not done yet.
            let done = a.done
                && a.done_on
                    .as_ref()
                    .is_none_or(|d| input.range.until.is_none_or(|u| d.value <= u));
            let (done_on, done_source) = match (&a.done_on, checked_by) {
                (Some(d), _) if done => (Some(d.value), Some("stated")),
                (None, Some(d)) if done => (Some(d), Some("git")),
                _ => (None, None),
            };
            ActionReport {
                text: a.text.value.clone(),
                done,
                done_on,
                done_source,
                due: a.due.as_ref().map(|d| d.value),
            }
        })
        .collect();
    let range = input.range;
    let checkins: Vec<CheckinReport> = goal
        .checkins
        .iter()
        .filter(|c| range.contains(c.date.value))
        .map(|c| CheckinReport {
            date: c.date.value,
            value: c.value.as_ref().map(|v| v.value.clone()),
            note: c.note.as_ref().map(|n| n.value.clone()),
        })
        .collect();
    let timeline = events
        .iter()
        .filter(|e| range.contains(e.commit.date()))
        .map(|e| TimelineEntry {
            date: e.commit.date(),
            commit: e.commit.short.clone(),
            author: e.commit.author.clone(),
            what: e.kind.describe(),
        })
        .collect();
    let mut flags: Vec<Flag> = findings
        .iter()
        .filter_map(|d| match d.code {
            "GR501" => Some(Flag::Stale),
            "GR208" => Some(Flag::Overdue),
            "GR502" => Some(Flag::Backdated),
            "GR503" => Some(Flag::MovedGoalposts),
            _ if d.severity == Severity::Error => Some(Flag::LintErrors),
            _ => None,
        })
        .collect();
    flags.sort();
    flags.dedup();
    GoalReport {
        id: id.clone(),
        title: goal.title.value.clone(),
        kind: goal.goal_type(),
        status: goal.goal_status(),
        focus: goal.focus.as_ref().map(|f| f.value.clone()),
        competency: goal.competency.as_ref().map(|c| c.value.clone()),
        measure: goal.measure.as_ref().map(|m| m.value.clone()),
        due: goal.due.as_ref().map(|d| d.value),
        smart: smart(goal, input.plan, lexicon),
        actions_done: actions.iter().filter(|a| a.done).count(),
        actions_done_in_range: actions
            .iter()
            .filter(|a| a.done_on.is_some_and(|d| range.contains(d)))
            .count(),
        actions,
        checkins,
        progress: progress(goal, range),
        timeline,
        flags,
    }
}

/// The SMART checklist, judged the way the rules judge it.
fn smart(goal: &Goal, plan: &Plan, lexicon: &Lexicon) -> Smart {
    let measure = goal.measure.as_ref().map(|m| m.value.as_str());
    let in_period = match (&goal.due, &plan.period) {
        (Some(due), Some(p)) => due.value >= p.start.value && due.value <= p.end.value,
        (Some(_), None) => true,
        (None, _) => false,
    };
    Smart {
        specific: lexicon.vague(&goal.title.value).is_none()
            && measure.is_none_or(|m| lexicon.vague(m).is_none()),
        measurable: measure.is_some_and(|m| lexicon.quantified(m)),
        achievable: goal.why.is_some() || goal.obstacles.is_some() || goal.resources.is_some(),
        relevant: goal.relevance.is_some() || goal.competency.is_some(),
        time_bound: in_period,
    }
}

/// Progress as of the end of the range: the latest check-in value up to `range.until`,
/// against the baseline and the target.
fn progress(goal: &Goal, range: Range) -> Progress {
    let text = |v: &Option<crate::source::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let mut series: Vec<(NaiveDate, f64)> = goal
        .checkins
        .iter()
        .filter_map(|c| Some((c.date.value, leading_number(&c.value.as_ref()?.value)?)))
        .collect();
    series.sort_by_key(|point| point.0);
    let latest = goal
        .checkins
        .iter()
        .filter(|c| c.value.is_some() && range.until.is_none_or(|u| c.date.value <= u))
        .max_by_key(|c| c.date.value)
        .and_then(|c| text(&c.value));
    let number = |v: &Option<String>| v.as_deref().and_then(leading_number);
    let baseline = text(&goal.baseline);
    let target = text(&goal.target);
    let (latest_n, target_n) = (number(&latest), number(&target));
    // Without a baseline, counting up from zero is the natural reading ("25% of issues");
    // for a target below the latest value (latency 1200 → 400 ms) there is no such reading.
    let zero = match (latest_n, target_n) {
        (Some(l), Some(t)) if t >= l => Some(0.0),
        _ => None,
    };
    let baseline_n = number(&baseline).or(zero);
    let percent = match (baseline_n, latest_n, target_n) {
        (Some(b), Some(l), Some(t)) if (t - b).abs() > f64::EPSILON => {
            let p = ((l - b) / (t - b) * 100.0).clamp(0.0, 100.0);
            Some(if p == 0.0 { 0.0 } else { p }) // never -0
        }
        _ => None,
    };
    Progress {
        baseline,
        target,
        latest,
        percent,
        series,
    }
}

/// The team view over several plans.
pub fn team(plans: &[PlanReport], parsed: &[&Plan], ladder: Option<&Ladder>) -> Team {
    let people = plans
        .iter()
        .map(|p| {
            let mut flags: Vec<Flag> = p
                .goals
                .iter()
                .flat_map(|g| g.flags.iter().copied())
                .collect();
            flags.sort();
            flags.dedup();
            PersonRow {
                owner: p.owner.clone(),
                path: p.path.clone(),
                goals: p.goals.iter().filter(|g| is_open(g)).count(),
                actions_done_in_range: p.goals.iter().map(|g| g.actions_done_in_range).sum(),
                checkins_in_range: p.goals.iter().map(|g| g.checkins.len()).sum(),
                last_activity: p.last_activity,
                flags,
                lint: if p.lint.errors > 0 {
                    "errors"
                } else if p.lint.warnings > 0 {
                    "warnings"
                } else {
                    "ok"
                },
            }
        })
        .collect::<Vec<_>>();
    let mut focus: BTreeMap<String, usize> = BTreeMap::new();
    for goal in plans.iter().flat_map(|p| &p.goals).filter(|g| is_open(g)) {
        let area = goal
            .focus
            .clone()
            .or_else(|| {
                goal.competency
                    .as_ref()
                    .and_then(|c| ladder?.competency(c)?.area.clone())
            })
            .or_else(|| goal.competency.clone());
        if let Some(area) = area {
            *focus.entry(area.to_lowercase()).or_default() += 1;
        }
    }
    let mut focus_areas: Vec<(String, usize)> = focus.into_iter().collect();
    focus_areas.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let coverage = ladder.map_or_else(Vec::new, |ladder| {
        parsed
            .iter()
            .filter_map(|plan| {
                let (role, target) = (plan.role.as_ref()?, plan.target_role.as_ref()?);
                let addressed: Vec<&str> = plan
                    .open_goals()
                    .filter_map(|g| g.competency.as_ref())
                    .map(|c| c.value.as_str())
                    .collect();
                let (covered, missing): (Vec<String>, Vec<String>) = ladder
                    .rising(&role.value, &target.value)
                    .into_iter()
                    .map(|c| c.id.value.clone())
                    .partition(|id| addressed.contains(&id.as_str()));
                Some(LadderCoverage {
                    owner: plan
                        .owner
                        .as_ref()
                        .map_or_else(String::new, |o| o.value.clone()),
                    role: role.value.clone(),
                    target_role: target.value.clone(),
                    covered,
                    missing,
                })
            })
            .collect()
    });
    // One person may have several plans (last half-year's and this one's): they have checked
    // in if any of their plans has a check-in in the range.
    let mut not_checked_in: Vec<String> = people
        .iter()
        .map(|p| p.owner.clone())
        .filter(|owner| {
            people
                .iter()
                .filter(|p| &p.owner == owner)
                .all(|p| p.checkins_in_range == 0)
        })
        .collect();
    not_checked_in.sort();
    not_checked_in.dedup();
    Team {
        people,
        focus_areas,
        ladder: coverage,
        not_checked_in,
    }
}

fn is_open(goal: &GoalReport) -> bool {
    !matches!(
        goal.status,
        crate::plan::GoalStatus::Done | crate::plan::GoalStatus::Dropped
    )
}
