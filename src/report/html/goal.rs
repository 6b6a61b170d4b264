//! One goal of a plan in the HTML report: badges and facts, the SMART checklist, progress
//! with its chart, actions, check-ins in the range and the timeline from git.

use std::fmt::{self, Write as _};

use chrono::NaiveDate;

use super::{badge, definitions, escape, figure, flags, svg, table};
use crate::plan::GoalStatus;
use crate::quantity::Quantity;
use crate::report::model::{ActionReport, FindingReport, GoalReport, PlanReport};

/// The goal's `<section>`; `id` is its anchor.
pub(super) fn section(
    id: &str,
    goal: &GoalReport,
    plan: &PlanReport,
) -> Result<String, fmt::Error> {
    let title = escape(&goal.title);
    let status = match goal.status {
        GoalStatus::Active => badge("info", "active"),
        GoalStatus::Done => badge("good", "done"),
        GoalStatus::Blocked => badge("bad", "blocked"),
        other => badge("neutral", &format!("{other:?}").to_lowercase()),
    };
    let kind = badge("outline", &format!("{:?}", goal.kind).to_lowercase());
    let flags = flags(&goal.flags, "");
    let facts = definitions(
        "goal-facts",
        &[
            ("Measure", goal.measure.as_deref().map(escape)),
            ("Due", goal.due.map(|d| d.to_string())),
            ("Focus", goal.focus.as_deref().map(escape)),
            ("Competency", goal.competency.as_deref().map(escape)),
        ],
    );
    let mut details = flag_details(goal) + &agreed(goal);
    if !goal.evidence.is_empty() {
        details += &format!(
            "<p class=\"goal-evidence\">Evidence:{}</p>\n",
            evidence(&goal.evidence)
        );
    }
    let findings = findings(&goal.findings);
    let letters = goal.smart.letters();
    let mut smart = String::new();
    for (name, met) in goal.smart.criteria() {
        // The mark is for the eye; screen readers hear "met" or "not met" instead.
        let (class, mark, said) = match met {
            false => ("unmet", "✗", "not met"),
            true => ("met", "✓", "met"),
        };
        write!(
            smart,
            r#"<li class="{class}"><span aria-hidden="true">{mark}</span> {name}<span class="vh">: {said}</span></li>"#
        )?;
    }
    let progress = progress(goal, plan)?;
    let (done, all, count) = (goal.actions_done, goal.actions.len(), goal.checkins.len());
    let actions: String = goal.actions.iter().map(action).collect();
    let actions = match actions.is_empty() {
        true => "<p class=\"empty\">No actions.</p>".to_string(),
        false => format!("<ul class=\"actions\">\n{actions}</ul>"),
    };
    let text = |v: &Option<String>| v.as_deref().map_or_else(String::new, escape);
    let mut checkins = String::new();
    for c in &goal.checkins {
        let (date, value, note) = (c.date, text(&c.value), text(&c.note));
        writeln!(
            checkins,
            r#"<tr><td class="date">{date}</td><td class="value">{value}</td><td>{note}</td></tr>"#
        )?;
    }
    let checkins = match checkins.is_empty() {
        true => "<p class=\"empty\">None in the range.</p>\n".to_string(),
        false => table("checkins", "Date|Value|Note", &checkins),
    };
    let mut timeline = String::new();
    for e in &goal.timeline {
        let (date, commit, author) = (e.date, escape(&e.commit), escape(&e.author));
        writeln!(
            timeline,
            r#"<tr><td class="date">{date}</td><td><code>{commit}</code></td><td>{author}</td><td>{}</td></tr>"#,
            escape(&e.what)
        )?;
    }
    if !timeline.is_empty() {
        let table = table("timeline", "Date|Commit|Author|Change", &timeline);
        timeline = format!("<div class=\"goal-timeline\"><h4>Timeline</h4>\n{table}</div>\n");
    }
    Ok(format!(
        r#"<section class="goal" id="{id}" aria-labelledby="{id}-h">
<div class="goal-body">
<div class="goal-head">
<h3 id="{id}-h">{title}</h3>
<p class="tags">{status}{kind}{flags}</p>
</div>
{details}{facts}<ul class="smart" aria-label="SMART checklist: {letters}">{smart}</ul>
{progress}<div class="cols">
<section><h4>Actions <span class="count">{done} of {all} done</span></h4>
{actions}
</section>
<section><h4>Check-ins in the range <span class="count">{count}</span></h4>
{checkins}</section>
</div>
{findings}</div>
{timeline}</section>
"#
    ))
}

/// Who agreed to the goal, and what changed since.
fn agreed(goal: &GoalReport) -> String {
    let Some(a) = &goal.agreed else {
        return String::new();
    };
    let changes: String = (a.changes.iter())
        .map(|c| {
            format!(
                "<li>{} {}</li>\n",
                badge("bad", "changed since"),
                escape(&c.words())
            )
        })
        .collect();
    let changes = match changes.is_empty() {
        true => changes,
        false => format!("<ul class=\"flag-details\">\n{changes}</ul>\n"),
    };
    format!("<p class=\"agreed\">{}</p>\n{changes}", escape(&a.words()))
}

/// Which entry each history flag is about, under the goal's heading.
fn flag_details(goal: &GoalReport) -> String {
    let items: String = (goal.flag_details.iter())
        .map(|d| {
            let flag = badge("bad", d.flag.label());
            format!("<li>{flag} {}</li>\n", escape(&d.words()))
        })
        .collect();
    match items.is_empty() {
        true => items,
        false => format!("<ul class=\"flag-details\">\n{items}</ul>\n"),
    }
}

/// Lint findings (a goal's, or the plan's own): line, code, severity and message, as `growth lint` says them.
pub(super) fn findings(findings: &[FindingReport]) -> String {
    let rows: String = (findings.iter())
        .map(|f| {
            let severity = format!("{:?}", f.severity).to_lowercase();
            format!(
                "<tr><td class=\"num\">{}</td><td><code>{}</code></td><td><span class=\"sev {severity}\">{severity}</span></td><td>{}</td></tr>\n",
                f.line,
                f.code,
                escape(&f.message)
            )
        })
        .collect();
    match rows.is_empty() {
        true => rows,
        false => format!(
            "<h4>Lint findings</h4>\n{}",
            table("findings", "#Line|Code|Severity|Finding", &rows)
        ),
    }
}

/// One action: done or open, with the date it was done and where that date comes from, or
/// the date it is due, marked when that is past.
fn action(a: &ActionReport) -> String {
    let overdue = a.overdue;
    let (class, mark) = match (a.done, overdue) {
        (true, _) => ("done", "✓"),
        (false, true) => ("open overdue", "!"),
        (false, false) => ("open", "○"),
    };
    let (source, why) = match a.done_source {
        Some("git") => ("git", "the commit that checked it"),
        _ => ("stated", "the date stated in the plan"),
    };
    let when = match (a.done_on, a.due) {
        (Some(d), _) => format!(r#"done {d} <span class="src" title="{why}">{source}</span>"#),
        (None, _) if a.done => "done, date unknown".to_string(),
        (None, Some(due)) if overdue => format!(r#"<span class="late">due {due}, overdue</span>"#),
        (None, Some(due)) => format!("due {due}"),
        (None, None) => String::new(),
    };
    format!(
        r#"<li class="{class}"><span class="mark" aria-hidden="true">{mark}</span><span class="text">{}</span> <span class="when">{when}</span>{}</li>
"#,
        escape(&a.text),
        evidence(&a.evidence)
    )
}

/// What an action cites as evidence, each with its status.
fn evidence(list: &[crate::report::proof::EvidenceReport]) -> String {
    (list.iter())
        .map(|e| {
            format!(
                r#" <span class="evidence {}"><code>{}</code> {}</span>"#,
                e.status,
                escape(&e.cited),
                escape(&e.words)
            )
        })
        .collect()
}

/// The progress bar, the baseline → latest → target line and the chart of check-in values.
fn progress(goal: &GoalReport, plan: &PlanReport) -> Result<String, fmt::Error> {
    let p = &goal.progress;
    let mut o = String::from("<div class=\"progress\">\n");
    if let Some(pct) = p.percent {
        writeln!(
            o,
            r#"<div class="bar-line"><div class="bar" role="img" aria-label="{pct:.0}% of the way from baseline to target"><span style="width:{pct:.1}%"></span></div><span class="pct">{pct:.0}%</span></div>"#
        )?;
    }
    if p.baseline.is_some() || p.target.is_some() || p.latest.is_some() {
        let part = |v: &Option<String>| v.as_deref().map_or_else(|| "—".to_string(), escape);
        let (from, latest, to) = (part(&p.baseline), part(&p.latest), part(&p.target));
        writeln!(
            o,
            r#"<p class="fromto">Baseline <b>{from}</b> → latest <b>{latest}</b> → target <b>{to}</b></p>"#
        )?;
        if let Some(why) = &p.no_percent {
            writeln!(
                o,
                r#"<p class="no-percent">No percentage: {}.</p>"#,
                escape(why)
            )?;
        }
    } else {
        let none = "No baseline, target or check-in values to measure progress by.";
        writeln!(o, "<p class=\"empty\">{none}</p>")?;
    }
    if !p.series.is_empty() {
        // The time axis runs from the period's start to the due date (or the period's end),
        // so the line shows how much of the time is used as well as how far the value moved.
        let mut extent: Vec<NaiveDate> = plan.period.map(|(s, _)| vec![s]).unwrap_or_default();
        extent.extend(goal.due.or(plan.period.map(|(_, e)| e)));
        // The series is on the target's scale; the baseline line is drawn on it too, or not
        // at all when it is in another unit.
        let quantity = |v: &Option<String>| v.as_deref().and_then(Quantity::parse);
        let (baseline, target) = (quantity(&p.baseline), quantity(&p.target));
        let baseline = match (&baseline, &target) {
            (Some(b), Some(t)) => b.in_unit_of(t),
            (b, None) => b.as_ref().map(|b| b.value),
            (None, _) => None,
        };
        let target = target.map(|t| t.value);
        let label = format!("Progress over time: {}", goal.title);
        let lines = svg::Lines {
            baseline,
            target,
            target_series: &p.target_series,
        };
        let chart = svg::progress(&label, &p.series, &lines, &extent)?;
        o.push_str(&figure("Progress over time", &chart));
    }
    o.push_str("</div>\n");
    Ok(o)
}
