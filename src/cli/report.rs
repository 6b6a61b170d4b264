//! `growth report`: read the plans, their lint findings and their history, and render the
//! progress report.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use chrono::NaiveDate;

use crate::discover;
use crate::history::{self, facts, EventKind, History, HistoryError};
use crate::plan::{self, ParsedPlan};
use crate::report as render;
use crate::report::build::{self, PlanInput};
use crate::report::model::{Range, Report};

use super::lint::{group_by_config, load_ladder};
use super::{today, ReportArgs, EXIT_CLEAN};
use crate::lint::Linter;

pub fn run(args: ReportArgs) -> anyhow::Result<u8> {
    let today = today(args.common.today);
    let mut notes = Vec::new();
    let mut plans = Vec::new();
    let mut parsed_plans: Vec<ParsedPlan> = Vec::new();
    let mut has_history = true;
    let mut ladder_for_team = None;
    for (config, paths) in group_by_config(args.common.config.as_deref(), &args.paths)? {
        let ladder = load_ladder(&config)?;
        let linter = Linter::new(&config, ladder, today)?;
        let history = match super::history::load(&config, &paths, Some(today), None, None) {
            Ok(h) => Some(h),
            Err(err) => {
                has_history = false;
                notes.push(match err.downcast_ref::<HistoryError>() {
                    Some(HistoryError::NotARepository) => {
                        "history is unavailable (not a git repository): the report shows the plans as they are now".to_string()
                    }
                    _ => format!("history is unavailable ({err:#}): the report shows the plans as they are now"),
                });
                None
            }
        };
        if let Some(h) = &history {
            notes.extend(h.notes.iter().cloned());
        }
        let files = discover::plan_files(&config, &paths)?;
        for path in files {
            let parsed = plan::load(&path);
            let Some(plan) = &parsed.plan else {
                notes.push(format!(
                    "{}: {}",
                    path.display(),
                    parsed.problems.first().map_or("unreadable", |p| &p.message)
                ));
                continue;
            };
            if let Some(owner) = &args.owner {
                let name = plan.owner.as_ref().map_or("", |o| o.value.as_str());
                if !name.to_lowercase().contains(&owner.to_lowercase()) {
                    continue;
                }
            }
            let events: Vec<&history::Event> = history
                .as_ref()
                .map(|h| h.of_plan(&path).collect())
                .unwrap_or_default();
            // A plan git knows nothing about is reported from its own dates.
            let facts = (!events.is_empty()).then(|| {
                facts::plan_facts(events.iter().copied(), plan, config.options.backdate_days)
            });
            let diagnostics = linter.lint_with_history(&parsed, facts.as_ref());
            let bound = |value: Option<&str>| {
                bound(value, plan, history.as_ref(), &events, &config.root, today)
            };
            let range = Range {
                since: bound(args.since.as_deref())?,
                until: bound(args.until.as_deref())?,
            };
            let input = PlanInput {
                path: path.clone(),
                file: &parsed.file,
                plan,
                diagnostics: &diagnostics,
                facts: facts.as_ref(),
                events,
                range,
                today,
            };
            plans.push(build::plan_report(&input, linter.lexicon()));
            parsed_plans.push(parsed);
        }
        ladder_for_team = ladder_for_team.or_else(|| linter.ladder().cloned());
    }
    if plans.is_empty() {
        anyhow::bail!(
            "no plans to report on{}",
            args.owner
                .as_ref()
                .map(|o| format!(" for owner `{o}`"))
                .unwrap_or_default()
        );
    }
    let parsed_refs: Vec<&plan::Plan> = parsed_plans
        .iter()
        .filter_map(|p| p.plan.as_ref())
        .collect();
    let team =
        (plans.len() > 1).then(|| build::team(&plans, &parsed_refs, ladder_for_team.as_ref()));
    let range = match plans.first() {
        Some(first) if plans.iter().all(|p| p.range_eq(first)) => first.range,
        _ => Range::default(),
    };
    let report = Report {
        version: 1,
        today,
        range,
        history: has_history,
        notes,
        team,
        plans,
    };

    let color = args.color.enabled(args.output.is_some());
    match &args.output {
        Some(path) => {
            let mut out = Vec::new();
            render::write(args.format, &report, color, &mut out)?;
            std::fs::write(path, out)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            render::write(args.format, &report, color, &mut out)?;
            out.flush()?;
        }
    }
    Ok(EXIT_CLEAN)
}

/// A `--since` / `--until` value as a date: a date, a revision's date, or `last-review` (the
/// latest review date on or before today, from the plan or its history).
fn bound(
    value: Option<&str>,
    plan: &plan::Plan,
    history: Option<&History>,
    events: &[&history::Event],
    root: &Path,
    today: NaiveDate,
) -> anyhow::Result<Option<NaiveDate>> {
    let Some(value) = value else { return Ok(None) };
    if value == "last-review" {
        let mut reviews: Vec<NaiveDate> = plan.review.iter().map(|r| r.value).collect();
        for e in events {
            if let EventKind::ReviewMoved { from, to } = &e.kind {
                reviews.extend(from.iter().chain(to.iter()).copied());
            }
        }
        let last = reviews.into_iter().filter(|d| *d <= today).max();
        if last.is_none() {
            let owner = plan.owner.as_ref().map_or("a plan", |o| o.value.as_str());
            eprintln!(
                "growth: note: no review date on or before {today} for {owner}; showing all dates"
            );
        }
        return Ok(last);
    }
    if let Ok(date) = crate::decode::parse_date(value) {
        return Ok(Some(date));
    }
    if history.is_none() {
        anyhow::bail!("`{value}` is not a date (YYYY-MM-DD), and revisions need a git repository");
    }
    Ok(Some(history::revision_date(root, value)?))
}
