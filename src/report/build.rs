//! Assembling the report from the plans, their lint findings and their history.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::history::facts::PlanFacts;
use crate::history::{Event, EventKind};
use crate::ladder::{Competency, Ladder};
use crate::lint::text::Lexicon;
use crate::plan::{Cadence, Goal, Plan};
use crate::quantity::Quantity;
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
    /// The report's clock (`--today`): check-ins dated after it do not count as progress.
    pub today: NaiveDate,
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
    // A goal's findings are those from its heading up to the next goal's: with the findings
    // sorted by where they start once, each goal's are one slice found by binary search, so
    // the report costs n log n in goals and findings, not goals × findings.
    let mut by_start: Vec<&Diagnostic> = input.diagnostics.iter().collect();
    by_start.sort_by_key(|d| d.span.start);
    // A goal's events, by goal id, in the order history gives them (oldest first).
    let mut events_by_goal: HashMap<&str, Vec<&Event>> = HashMap::new();
    for e in &input.events {
        if let Some(goal) = e.goal.as_deref() {
            events_by_goal.entry(goal).or_default().push(e);
        }
    }
    let ended = plan
        .period
        .as_ref()
        .is_some_and(|p| p.end.value < input.today);
    // The findings before the first goal are the plan's own (front matter, period, owner).
    let first_goal = plan.goals.first().map_or(usize::MAX, |g| g.span.start);
    let own = by_start.partition_point(|d| d.span.start < first_goal);
    let plan_findings = finding_reports(&by_start[..own]);
    let mut goals: Vec<GoalReport> = plan
        .goals
        .iter()
        .enumerate()
        .map(|(i, goal)| {
            let end = plan.goals.get(i + 1).map_or(usize::MAX, |g| g.span.start);
            let from = by_start.partition_point(|d| d.span.start < goal.span.start);
            let to = by_start.partition_point(|d| d.span.start < end).max(from);
            let events = events_by_goal
                .get(goal.id.value.as_str())
                .map_or(&[][..], Vec::as_slice);
            goal_report(input, goal, &by_start[from..to], events, lexicon)
        })
        .collect();
    // An ended plan's open goals are a record, not a to-do list: GR305 says once that the
    // period ended; an overdue or stale flag per goal would say it again.
    if ended {
        for goal in &mut goals {
            goal.flags
                .retain(|f| !matches!(f, Flag::Overdue | Flag::Stale));
            for action in &mut goal.actions {
                action.overdue = false;
            }
        }
    }
    let last_checkin = plan
        .goals
        .iter()
        .flat_map(|g| &g.checkins)
        .map(|c| c.date.value)
        .filter(|d| *d <= input.today && input.range.until.is_none_or(|u| *d <= u))
        .max();
    let stated = goals
        .iter()
        .flat_map(|g| {
            g.checkins
                .iter()
                .map(|c| c.date)
                .chain(g.actions.iter().filter_map(|a| a.done_on))
        })
        // A date after today is GR209's finding, not activity.
        .filter(|d| *d <= input.today)
        .max();
    let last_activity = match input.facts {
        Some(facts) => facts.last_activity.values().copied().max(),
        None => stated,
    };
    let mut report = PlanReport {
        path: input.path.clone(),
        path_bytes: crate::render::path_bytes(&input.path),
        range: input.range,
        owner: plan
            .owner
            .as_ref()
            .map_or_else(|| "(no owner)".to_string(), |o| o.value.clone()),
        title: plan.title.as_ref().map(|t| t.value.clone()),
        role: plan.role.as_ref().map(|r| r.value.clone()),
        target_role: plan.target_role.as_ref().map(|r| r.value.clone()),
        period: plan.period.as_ref().map(|p| (p.start.value, p.end.value)),
        ended,
        review: plan.review.as_ref().map(|r| r.value),
        north_star: plan.north_star.as_ref().map(|n| n.value.clone()),
        lint,
        last_checkin,
        last_activity,
        summary: Vec::new(),
        findings: plan_findings,
        goals,
    };
    report.summary = super::summary::sentences(&report);
    report
}

fn goal_report(
    input: &PlanInput,
    goal: &Goal,
    findings: &[&Diagnostic],
    events: &[&Event],
    lexicon: &Lexicon,
) -> GoalReport {
    let id = &goal.id.value;
    // The latest commit that checked each action's box, by the action's text: one pass over
    // the goal's events rather than one per action.
    let mut checked: HashMap<&str, NaiveDate> = HashMap::new();
    for e in events {
        if let EventKind::ActionChecked { text, .. } = &e.kind {
            checked.insert(text.as_str(), e.commit.date());
        }
    }
    let actions: Vec<ActionReport> = goal
        .actions
        .iter()
        .map(|a| {
            let checked_by = checked.get(a.text.value.as_str()).copied();
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
                overdue: !done && a.due.as_ref().is_some_and(|d| d.value < input.today),
                evidence: super::proof::evidence(id, Some(&a.text.value), input.facts),
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
    let flag_details = super::details::flag_details(goal, findings, input.facts);
    let findings = finding_reports(findings);
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
        progress: progress(goal, events, input, range),
        timeline,
        flag_details,
        flags,
        findings,
        agreed: super::proof::agreed(id, input.facts),
        evidence: super::proof::evidence(id, None, input.facts),
    }
}

/// Findings as the report lists them.
fn finding_reports(findings: &[&Diagnostic]) -> Vec<FindingReport> {
    (findings.iter())
        .map(|d| FindingReport {
            code: d.code,
            severity: d.severity,
            line: d.start.line,
            message: d.message.clone(),
        })
        .collect()
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
        measurable: measure.is_some_and(|m| lexicon.checkable(m)),
        achievable: goal.why.is_some() || goal.obstacles.is_some() || goal.resources.is_some(),
        relevant: goal.relevance.is_some() || goal.competency.is_some(),
        time_bound: in_period,
    }
}

/// Progress as of the end of the range: the latest check-in value up to `range.until`,
/// against the baseline and the target, all on one scale (the target's unit, converted).
///
/// Check-ins dated after `today` are findings (GR209), not progress: they are left out of
/// the latest value and the chart, so a typo for next year cannot make a goal 100% done.
fn progress(goal: &Goal, events: &[&Event], input: &PlanInput, range: Range) -> Progress {
    let today = input.today;
    let text = |v: &Option<crate::source::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let (baseline, target) = (text(&goal.baseline), text(&goal.target));
    let values: Vec<(NaiveDate, &str)> = goal
        .checkins
        .iter()
        .filter_map(|c| Some((c.date.value, c.value.as_ref()?.value.as_str())))
        .collect();
    let future = values.iter().any(|(date, _)| *date > today);
    let values: Vec<(NaiveDate, &str)> = values.into_iter().filter(|v| v.0 <= today).collect();
    let latest = values
        .iter()
        .filter(|(date, _)| range.until.is_none_or(|u| *date <= u))
        .max_by_key(|(date, _)| *date)
        .map(|(_, value)| value.to_string());
    let parse = |v: &Option<String>| v.as_deref().and_then(Quantity::parse);
    let (baseline_q, target_q, latest_q) = (parse(&baseline), parse(&target), parse(&latest));
    let readings: Vec<(NaiveDate, Quantity)> = values
        .iter()
        .filter_map(|(date, value)| Some((*date, Quantity::parse(value)?)))
        .collect();
    // The scale everything is shown on: the target's unit; failing that (a bare target, or
    // none), the first unit the baseline or the check-ins name.
    let scale = [&target_q, &baseline_q, &latest_q]
        .into_iter()
        .flatten()
        .chain(readings.iter().map(|(_, q)| q))
        .find(|q| !q.unit.is_bare())
        .or(target_q.as_ref())
        .cloned();
    let mut series: Vec<(NaiveDate, f64)> = match &scale {
        Some(scale) => readings
            .iter()
            .filter_map(|(date, q)| Some((*date, q.in_unit_of(scale)?)))
            .collect(),
        None => readings.iter().map(|(date, q)| (*date, q.value)).collect(),
    };
    series.sort_by_key(|point| point.0);
    let reading = Reading {
        baseline: baseline_q.as_ref(),
        target: target.as_ref().map(|_| target_q.as_ref()),
        latest: latest.as_ref().map(|_| latest_q.as_ref()),
        scale: scale.as_ref(),
    };
    let (percent, no_percent) = match reading.percent() {
        Ok(percent) => (percent, None),
        Err(why) => (None, Some(why)),
    };
    // Only future check-ins: the line would say no value is checked in, which is not so.
    let no_percent = no_percent.or_else(|| {
        (latest.is_none() && target.is_some() && future).then(|| {
            format!("the check-in values are dated after today ({today}) and do not count yet")
        })
    });
    // Where the range starts from: the reading just before it opens, else the baseline.
    let start = range
        .since
        .and_then(|since| {
            values
                .iter()
                .filter(|(date, _)| *date < since)
                .max_by_key(|(date, _)| *date)
        })
        .map(|(_, value)| value.to_string())
        .or_else(|| baseline.clone());
    let on_scale = |text: &str| {
        let q = Quantity::parse(text)?;
        match &scale {
            Some(scale) => q.in_unit_of(scale),
            None => Some(q.value),
        }
    };
    let began = input.plan.period.as_ref().map(|p| p.start.value);
    let target_series = target_series(target.as_deref(), events, began, on_scale);
    Progress {
        baseline,
        target,
        latest,
        percent,
        no_percent,
        series,
        start,
        target_series,
    }
}

/// The target over time: its first value from `began` (or the goal's first event), then each
/// change at the date of its commit, oldest first, each on the chart's scale (`on_scale`).
/// History that is not on that scale (a target once "a few", now "3") leaves the series empty
/// rather than drawing a step that never happened.
fn target_series(
    now: Option<&str>,
    events: &[&Event],
    began: Option<NaiveDate>,
    on_scale: impl Fn(&str) -> Option<f64>,
) -> Vec<(NaiveDate, f64)> {
    let Some(now) = now else { return Vec::new() };
    let changes: Vec<(NaiveDate, Option<&str>, Option<&str>)> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TargetChanged { from, to } => {
                Some((e.commit.date(), from.as_deref(), to.as_deref()))
            }
            _ => None,
        })
        .collect();
    let first = changes.first().map_or(Some(now), |c| c.1);
    let Some(start) = began.or_else(|| events.first().map(|e| e.commit.date())) else {
        return Vec::new();
    };
    let mut series: Vec<(NaiveDate, f64)> = Vec::new();
    let points = std::iter::once((start, first)).chain(changes.iter().map(|c| (c.0, c.2)));
    for (date, value) in points {
        let Some(value) = value.and_then(&on_scale) else {
            return Vec::new();
        };
        // A change before the period began is where the period starts from.
        let date = date.max(start);
        match series.last_mut() {
            Some(last) if last.0 == date => last.1 = value,
            _ => series.push((date, value)),
        }
    }
    series
}

/// The values progress is measured from, read as quantities.
struct Reading<'a> {
    baseline: Option<&'a Quantity>,
    /// `None`: not set; `Some(None)`: set, but not a quantity.
    target: Option<Option<&'a Quantity>>,
    /// The latest check-in value, as `target`.
    latest: Option<Option<&'a Quantity>>,
    scale: Option<&'a Quantity>,
}

impl Reading<'_> {
    /// The share of the way from baseline to target, 0–100; `Ok(None)` when there is no
    /// target or no check-in value (the report says that as it is); `Err` says why there is
    /// no percentage otherwise.
    fn percent(&self) -> Result<Option<f64>, String> {
        let (Some(target), Some(latest)) = (self.target, self.latest) else {
            return Ok(None);
        };
        let target = target.ok_or("the target is not a number")?;
        let latest = latest.ok_or("the latest check-in value is not a number")?;
        let mismatch = |what: &str, q: &Quantity, other: &str, o: &Quantity| {
            format!("{what} is in {}, {other} in {}", q.unit, o.unit)
        };
        if !latest.unit.compatible(&target.unit) {
            return Err(mismatch(
                "the latest check-in",
                latest,
                "the target",
                target,
            ));
        }
        // A baseline that is not a number ("none yet") is no baseline; one in another unit
        // is a mistake to show, not to guess around.
        if let Some(b) = self.baseline {
            if !b.unit.compatible(&target.unit) {
                return Err(mismatch("the baseline", b, "the target", target));
            }
            if !b.unit.compatible(&latest.unit) {
                return Err(mismatch("the latest check-in", latest, "the baseline", b));
            }
        }
        let too_large = "the values are too large to compare";
        let on_scale = |q: &Quantity| match self.scale {
            Some(scale) => q.in_unit_of(scale).ok_or(too_large),
            None => Ok(q.value),
        };
        let (t, l) = (on_scale(target)?, on_scale(latest)?);
        // Without a baseline, counting up from zero is the natural reading ("25% of issues");
        // for a target below the latest value (latency 1200 → 400 ms) there is no such reading.
        let b = match self.baseline {
            Some(b) => on_scale(b)?,
            None if t >= l => 0.0,
            None => {
                return Err("there is no baseline, and the target is below the latest value".into())
            }
        };
        if (t - b).abs() <= f64::EPSILON {
            return Err("the baseline and the target are the same".into());
        }
        let p = (l - b) / (t - b) * 100.0;
        if !p.is_finite() {
            return Err(too_large.into());
        }
        let p = p.clamp(0.0, 100.0);
        Ok(Some(if p == 0.0 { 0.0 } else { p })) // never -0
    }
}

/// An ended plan left out of the report, as the report lists it.
pub fn archived(plan: &PlanReport) -> ArchivedPlan {
    ArchivedPlan {
        owner: plan.owner.clone(),
        path: plan.path.clone(),
        path_bytes: plan.path_bytes.clone(),
        period: plan.period,
    }
}

/// What the team view is measured against.
pub struct TeamOptions<'a> {
    pub ladder: Option<&'a Ladder>,
    /// `stale_days`: how long without a check-in makes a person quiet.
    pub quiet_days: u32,
    /// The report date.
    pub today: NaiveDate,
}

/// The team view over several plans. `archived` are the ended plans left out of the table:
/// a check-in there still counts as one.
pub fn team(
    plans: &[PlanReport],
    archived: &[PlanReport],
    parsed: &[&Plan],
    options: &TeamOptions,
) -> Team {
    let ladder = options.ladder;
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
                path_bytes: p.path_bytes.clone(),
                goals: p.goals.iter().filter(|g| is_open(g)).count(),
                actions_done_in_range: p.goals.iter().map(|g| g.actions_done_in_range).sum(),
                checkins_in_range: p.goals.iter().map(|g| g.checkins.len()).sum(),
                last_activity: p.last_activity,
                last_checkin: p.last_checkin,
                ended: p.ended,
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
                let level = |id: &str| {
                    let at = ladder.level_index(id)?;
                    Some((at, ladder.levels[at].name.clone()))
                };
                let (role_at, target_at) = (level(&role.value), level(&target.value));
                let addressed: HashSet<&str> = plan
                    .open_goals()
                    .filter_map(|g| g.competency.as_ref())
                    .map(|c| c.value.as_str())
                    .collect();
                let (covered, missing): (Vec<&Competency>, Vec<&Competency>) = ladder
                    .rising(&role.value, &target.value)
                    .into_iter()
                    .partition(|c| addressed.contains(c.id.value.as_str()));
                let gaps = missing
                    .iter()
                    .map(|c| Gap {
                        competency: c.id.value.clone(),
                        area: c.area.clone(),
                        expectation: target_at
                            .as_ref()
                            .and_then(|(at, _)| ladder.expectation(c, *at))
                            .unwrap_or_default()
                            .to_string(),
                    })
                    .collect();
                let ids =
                    |list: Vec<&Competency>| list.iter().map(|c| c.id.value.clone()).collect();
                Some(LadderCoverage {
                    owner: plan
                        .owner
                        .as_ref()
                        .map_or_else(String::new, |o| o.value.clone()),
                    role: role.value.clone(),
                    target_role: target.value.clone(),
                    role_name: role_at.and_then(|(_, name)| name),
                    target_name: target_at.and_then(|(_, name)| name),
                    covered: ids(covered),
                    missing: ids(missing),
                    gaps,
                })
            })
            .collect()
    });
    // Without a ladder there is no coverage for anyone, so nobody is singled out.
    let mut no_target_role: Vec<String> = plans
        .iter()
        .filter(|p| ladder.is_some() && p.target_role.is_none())
        .map(|p| p.owner.clone())
        .collect();
    no_target_role.sort();
    no_target_role.dedup();
    let quiet = quiet(plans, parsed, archived, options);
    let not_checked_in = quiet.iter().map(|q| q.owner.clone()).collect();
    Team {
        people,
        focus_areas,
        ladder: coverage,
        no_target_role,
        not_checked_in,
        quiet_days: options.quiet_days,
        quiet,
    }
}

/// The owners quiet as of the report date, sorted: no check-in for more than `quiet_days`
/// days, or, for someone who committed to a `cadence:`, none since their next one fell due
/// (the plan's cadence, else the shortest of their active goals'). A person's latest check-in
/// in any of their plans counts (an ended plan's too); with none, the days count from the
/// start of their earliest plan shown, as GR501 counts them, so a plan begun last week is not
/// yet quiet. `parsed` is `plans`' plans, in the same order.
fn quiet(
    plans: &[PlanReport],
    parsed: &[&Plan],
    archived: &[PlanReport],
    options: &TeamOptions,
) -> Vec<Quiet> {
    #[derive(Default)]
    struct Seen {
        last: Option<NaiveDate>,
        start: Option<NaiveDate>,
        rhythm: Option<Cadence>,
    }
    let today = options.today;
    let mut seen: BTreeMap<&str, Seen> = BTreeMap::new();
    for (p, plan) in plans.iter().zip(parsed) {
        let entry = seen.entry(p.owner.as_str()).or_default();
        entry.last = entry.last.max(p.last_checkin);
        let start = p.period.map(|(start, _)| start);
        entry.start = match (entry.start, start) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let rhythms = plan.cadence.iter().map(|c| c.value);
        let rhythms = rhythms.chain(plan.active_goals().filter_map(|g| plan.cadence_of(g)));
        for rhythm in rhythms {
            // The shortest rhythm is the one that falls due first.
            if entry
                .rhythm
                .is_none_or(|r| rhythm.next_after(today) < r.next_after(today))
            {
                entry.rhythm = Some(rhythm);
            }
        }
    }
    for p in archived {
        if let Some(entry) = seen.get_mut(p.owner.as_str()) {
            entry.last = entry.last.max(p.last_checkin);
        }
    }
    let limit = i64::from(options.quiet_days);
    seen.into_iter()
        .filter_map(|(owner, seen)| {
            let from = seen.last.or(seen.start);
            let days = from.map(|d| (today - d).num_days());
            let quiet = match (seen.rhythm, from) {
                (Some(rhythm), Some(from)) => rhythm.next_after(from) < today,
                _ => days.is_none_or(|days| days > limit),
            };
            quiet.then(|| Quiet {
                owner: owner.to_string(),
                last_checkin: seen.last,
                days,
                cadence: seen.rhythm.map(|r| r.to_string()),
            })
        })
        .collect()
}

fn is_open(goal: &GoalReport) -> bool {
    !matches!(
        goal.status,
        crate::plan::GoalStatus::Done | crate::plan::GoalStatus::Dropped
    )
}
