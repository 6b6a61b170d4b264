//! `growth report`: read the plans, their lint findings and their history, and render the
//! progress report.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::asof::AsOf;
use crate::history::{self, facts, EventKind, History, HistoryError};
use crate::lint::Linter;
use crate::output::Output;
use crate::plan::{self, ParsedPlan};
use crate::report as render;
use crate::report::build::{self, PlanInput};
use crate::report::model::{PlanReport, Range, Report};
use crate::report::ReportFormat;
use crate::workspace::{PlanFile, Window, Workspace};

use super::{today, ReportArgs, EXIT_CLEAN};

pub fn run(args: ReportArgs) -> anyhow::Result<u8> {
    super::check_range(args.since.as_deref(), args.until.as_deref())?;
    let real_today = today(None);
    let mut notes = Vec::new();
    let mut plans = Vec::new();
    let mut parsed_plans: Vec<ParsedPlan> = Vec::new();
    let mut has_history = true;
    let mut ladder_for_team = None;
    let mut quiet_days = None;
    // Plans named as files are shown whatever their period: asking for one is asking for it.
    let named: Vec<std::path::PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.is_file())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let mut clock = today(args.common.today);
    // `-o` is checked before any work: it never writes over what the run reads.
    let output = args.output.as_deref().map(Output::new).transpose()?;
    for ws in Workspace::open(args.common.config.as_deref(), &args.paths)? {
        if let Some(output) = &output {
            output.check(&ws)?;
        }
        let config = &ws.config;
        quiet_days = quiet_days.or(Some(config.options.stale_days));
        notes.extend(ws.notes.iter().cloned());
        let window = Window {
            today: Some(today(args.common.today)),
            no_cache: args.common.no_cache,
            ..Window::default()
        };
        let history = match ws.history(&window) {
            Ok(h) => Some(h),
            Err(err) => {
                has_history = false;
                notes.push(match err {
                    HistoryError::NotARepository => {
                        "history is unavailable (not a git repository): the report shows the plans as they are now".to_string()
                    }
                    _ => format!("history is unavailable ({err}): the report shows the plans as they are now"),
                });
                None
            }
        };
        if let Some(h) = &history {
            notes.extend(h.notes.iter().cloned());
        }
        let until = until_date(args.until.as_deref(), history.as_ref(), ws.plans.root())?;
        let as_of = AsOf::at(args.common.today, until, real_today);
        clock = as_of.today;
        if let (Some(day), Some(_)) = (as_of.until, &history) {
            notes.push(format!(
                "as of {day}: each plan as last committed on or before that day, its history up to it"
            ));
        }
        let linter = Linter::new(config, ws.ladder()?, as_of.today)?;
        let found = ws.plan_files();
        for u in &found.unreadable {
            notes.push(format!("cannot read {}: {}", u.shown.display(), u.reason));
        }
        for file in found.files {
            let Some(parsed) = as_of_version(&file, history.as_ref(), &as_of, &mut notes)? else {
                continue;
            };
            let Some(plan) = &parsed.plan else {
                notes.push(format!(
                    "{}: {}",
                    file.shown.display(),
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
                .map(|h| {
                    h.of_plan(&file.path)
                        .filter(|e| {
                            // A tag made later than the view agrees with an older commit:
                            // as of then, it had not been agreed yet.
                            let agreed_later =
                                matches!(&e.kind, EventKind::Agreed(a) if !as_of.has_happened(a.on));
                            !(as_of.is_past() && e.commit.is_uncommitted())
                                && as_of.has_happened(e.commit.date())
                                && !agreed_later
                        })
                        .collect()
                })
                .unwrap_or_default();
            // A plan git knows nothing about is reported from its own dates.
            let facts = (!events.is_empty()).then(|| {
                let mut facts = facts::plan_facts(
                    events.iter().copied(),
                    plan,
                    config.options.backdate_days,
                    &as_of,
                );
                crate::workspace::attach_evidence(&mut facts, plan, &file.path, config);
                facts
            });
            let diagnostics = linter.lint_with_history(&parsed, facts.as_ref());
            let since = bound(
                args.since.as_deref(),
                plan,
                history.as_ref(),
                &events,
                ws.plans.root(),
                as_of.today,
                &mut notes,
            )?;
            let range = Range {
                since,
                until: as_of.until.or(until),
            };
            let input = PlanInput {
                path: file.shown.clone(),
                file: &parsed.file,
                plan,
                diagnostics: &diagnostics,
                facts: facts.as_ref(),
                events,
                range,
                today: as_of.today,
            };
            let keep = named.contains(&file.path);
            plans.push((build::plan_report(&input, linter.lexicon()), keep));
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
    let (plans, parsed_refs, archived) = archive(plans, &parsed_plans, args.all, &mut notes);
    let options = build::TeamOptions {
        ladder: ladder_for_team.as_ref(),
        quiet_days: quiet_days.unwrap_or(crate::config::RuleOptions::default().stale_days),
        today: clock,
    };
    let team = (plans.len() > 1).then(|| build::team(&plans, &archived, &parsed_refs, &options));
    let archived = archived.iter().map(build::archived).collect();
    let range = match plans.first() {
        Some(first) if plans.iter().all(|p| p.range_eq(first)) => first.range,
        _ => Range::default(),
    };
    let report = Report {
        version: 1,
        today: clock,
        range,
        history: has_history,
        notes,
        team,
        plans,
        archived,
    };

    let color = args.color.enabled(args.output.is_some());
    let format = super::chosen_format(args.format, args.output.as_deref(), ReportFormat::Human);
    match &output {
        Some(output) => {
            let mut out = Vec::new();
            render::write(format, &report, color, &mut out)?;
            output.write(&out)?;
        }
        None => {
            let mut out = super::stdout();
            render::write(format, &report, color, &mut out)?;
            out.flush()?;
        }
    }
    Ok(EXIT_CLEAN)
}

/// Splits off the ended plans of people who have a newer plan: a person's current plan is the
/// one that tells the story, and last half's would fill the table with overdue goals. Kept:
/// `--all`, plans named as files, and a person's latest plan even when it has ended (so nobody
/// drops out of the report for not having started the next one).
fn archive<'a>(
    plans: Vec<(PlanReport, bool)>,
    parsed: &'a [ParsedPlan],
    all: bool,
    notes: &mut Vec<String>,
) -> (Vec<PlanReport>, Vec<&'a plan::Plan>, Vec<PlanReport>) {
    // Each owner's latest period end, in one pass (a team repository may hold thousands of
    // plans); a plan without a period never ends.
    let mut latest: std::collections::HashMap<&str, NaiveDate> = std::collections::HashMap::new();
    for (p, _) in &plans {
        let end = p.period.map_or(NaiveDate::MAX, |(_, end)| end);
        let entry = latest.entry(p.owner.as_str()).or_insert(end);
        *entry = (*entry).max(end);
    }
    let latest_end = |owner: &str| latest.get(owner).copied();
    let mut shown = Vec::new();
    let mut shown_parsed = Vec::new();
    let mut archived = Vec::new();
    let parsed = parsed.iter().filter_map(|p| p.plan.as_ref());
    let ends: Vec<Option<NaiveDate>> = plans.iter().map(|(p, _)| latest_end(&p.owner)).collect();
    for (((plan, named), parsed), latest) in plans.into_iter().zip(parsed).zip(ends) {
        let end = plan.period.map(|(_, end)| end);
        let superseded = plan.ended && end < latest;
        if superseded && !all && !named {
            archived.push(plan);
        } else {
            shown.push(plan);
            shown_parsed.push(parsed);
        }
    }
    if !archived.is_empty() {
        let paths: Vec<String> = archived
            .iter()
            .map(|p| p.path.to_string_lossy().replace('\\', "/"))
            .collect();
        notes.push(format!(
            "{} ended {} not shown, as {} a newer plan ({}); --all shows {}",
            archived.len(),
            if archived.len() == 1 { "plan" } else { "plans" },
            if archived.len() == 1 {
                "its owner has"
            } else {
                "their owners have"
            },
            paths.join(", "),
            if archived.len() == 1 { "it" } else { "them" },
        ));
    }
    (shown, shown_parsed, archived)
}

/// `--until` as a date: a date, or a revision's date.
fn until_date(
    value: Option<&str>,
    history: Option<&History>,
    root: &Path,
) -> anyhow::Result<Option<NaiveDate>> {
    let Some(value) = value else { return Ok(None) };
    if let Ok(date) = crate::decode::parse_date(value) {
        return Ok(Some(date));
    }
    if value == "last-review" {
        anyhow::bail!(
            "--until takes a date (YYYY-MM-DD) or a revision; `last-review` is for --since"
        );
    }
    if history.is_none() {
        anyhow::bail!("`{value}` is not a date (YYYY-MM-DD), and revisions need a git repository");
    }
    Ok(Some(history::revision_date(root, value)?))
}

/// The plan as the report should see it: the work tree now, or, as of an earlier day, the
/// last version committed on or before it. `None` when the plan did not exist then.
fn as_of_version(
    file: &PlanFile,
    history: Option<&History>,
    as_of: &AsOf,
    notes: &mut Vec<String>,
) -> anyhow::Result<Option<ParsedPlan>> {
    let (Some(day), Some(history)) = (as_of.until, history) else {
        return Ok(Some(plan::load(&file.shown)));
    };
    if !history.knows(&file.path) {
        notes.push(format!(
            "{}: not in git history; shown as it is now",
            file.shown.display()
        ));
        return Ok(Some(plan::load(&file.shown)));
    }
    let Some(version) = history.version_at(&file.path, day) else {
        notes.push(format!(
            "{}: no version committed on or before {day}",
            file.shown.display()
        ));
        return Ok(None);
    };
    let Some(bytes) = history.read(version)? else {
        notes.push(format!(
            "{}: removed on or before {day}",
            file.shown.display()
        ));
        return Ok(None);
    };
    Ok(Some(plan::parse_bytes(&file.shown, bytes)))
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
    notes: &mut Vec<String>,
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
        if last.is_some() {
            return Ok(last);
        }
        // No review date: the latest agreement (a trailer or a review tag) is the review.
        let agreed = (events.iter())
            .filter_map(|e| match &e.kind {
                EventKind::Agreed(a) => Some(a.on),
                _ => None,
            })
            .filter(|d| *d <= today)
            .max();
        if agreed.is_some() {
            return Ok(agreed);
        }
        // No review yet: the plan's period is what "since the last review" can mean; all
        // dates would hide how long someone has been quiet.
        let owner = plan.owner.as_ref().map_or("a plan", |o| o.value.as_str());
        let start = plan.period.as_ref().map(|p| p.start.value);
        notes.push(match start {
            Some(start) => format!(
                "no review date on or before {today} for {owner}; showing the plan's period, from {start}"
            ),
            None => format!(
                "no review date on or before {today} for {owner}, and no period; showing all dates"
            ),
        });
        return Ok(start);
    }
    if let Ok(date) = crate::decode::parse_date(value) {
        return Ok(Some(date));
    }
    if history.is_none() {
        anyhow::bail!("`{value}` is not a date (YYYY-MM-DD), and revisions need a git repository");
    }
    Ok(Some(history::revision_date(root, value)?))
}
