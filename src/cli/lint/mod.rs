//! `growth lint`: find the plans, read each once, run the rules, render, set the exit status.
//! With `--fix` / `--diff`, [`fix`] applies or shows the mechanical fixes.

mod fix;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::asof::AsOf;
use crate::diagnostic::Summary;
use crate::history::facts;
use crate::history::HistoryError;
use crate::lint::Linter;
use crate::output::Output;
use crate::parallel;
use crate::paths;
use crate::plan;
use crate::render::{self, Format, LintReport};
use crate::severity::Severity;
use crate::workspace::{attach_evidence, bounded_facts_hold, facts_of, Window, Workspace};

use super::{today, LintArgs, EXIT_CLEAN, EXIT_FINDINGS};

pub fn run(args: LintArgs) -> anyhow::Result<u8> {
    let today = today(args.common.today);
    // `-o` is checked before any work: it never writes over what the run reads.
    let output = args.output.as_deref().map(Output::new).transpose()?;
    if args.diff {
        let linted = collect(&args, today, output.as_ref(), true)?;
        return fix::diff(&linted, output.as_ref());
    }
    if args.fix {
        // The first pass only finds the fixes, quietly: the second, on the files as written,
        // reports what remains and says the notes once.
        let before = collect(&args, today, output.as_ref(), false)?;
        let fixed = fix::fix(&before)?;
        eprintln!("{}", fixed.summary_line());
    }
    let linted = collect(&args, today, output.as_ref(), true)?;
    render_lint(&args, output.as_ref(), linted)
}

/// Everything one lint run found, before it is rendered.
pub struct Linted {
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
    pub sources: Vec<crate::source::SourceFile>,
    summary: Summary,
    failed: bool,
    report_fail_on: Option<Severity>,
    /// The config and ladder files the run read (canonical): never a plan to write.
    pub protected: Vec<PathBuf>,
}

/// Finds the plans, reads each once and runs the rules; `notes` says whether to print what
/// the workspaces and history have to say.
fn collect(
    args: &LintArgs,
    today: chrono::NaiveDate,
    output: Option<&Output>,
    notes: bool,
) -> anyhow::Result<Linted> {
    let as_of = AsOf::now(today);
    let mut summary = Summary::default();
    let mut diagnostics = Vec::new();
    let mut sources = Vec::new();
    let mut protected = Vec::new();
    let mut failed = false;
    // The level findings fail at, for the report. Workspaces (paths in different repositories)
    // may set different `fail_on`s; the report takes the most lenient, so it never shows a
    // failure that the exit status does not have.
    let mut report_fail_on = args.fail_on;
    let note = |text: &str| {
        if notes {
            super::note(text);
        }
    };
    for ws in Workspace::open(args.common.config.as_deref(), &args.paths)? {
        if let Some(output) = output {
            output.check(&ws)?;
        }
        let config = &ws.config;
        protected.extend(
            [config.path.as_deref(), config.ladder.as_deref()]
                .into_iter()
                .flatten()
                .map(paths::canonical),
        );
        for text in &ws.notes {
            note(text);
        }
        let mut linter = Linter::new(config, ws.ladder()?, today)?;
        let found = ws.plan_files();
        let files = found.files;
        if files.is_empty() && found.unreadable.is_empty() {
            anyhow::bail!(
                "no plan files found under {} (looked for {})",
                ws.plans.searched(),
                config.plans.join(", ")
            );
        }
        // Each file is read and parsed on its own: spread them over the cores. Parsed first,
        // because their dates say how much history the rules need.
        let parsed = parallel::map(&files, |file| plan::load(&file.shown));
        let backdate_days = config.options.backdate_days;
        let plans = || parsed.iter().filter_map(|p| p.plan.as_ref());
        let mut window = Window {
            today: Some(today),
            no_cache: args.common.no_cache,
            from: facts::walk_from(plans(), backdate_days),
            // GR505 compares with the last agreement, however old.
            agreements: true,
            ..Window::default()
        };
        let history = if args.no_history {
            linter = linter.without_history_rules();
            None
        } else {
            match ws.history(&window) {
                Ok(history) => Some(history),
                Err(HistoryError::NotARepository) => {
                    note(&format!(
                        "{} is not in a git repository; GR502 and GR503 need history and are skipped, GR501 uses the plans' own dates",
                        shown_dir(ws.plans.root())
                    ));
                    None
                }
                Err(err) => {
                    note(&format!(
                        "history unavailable ({err}); history rules use the plans' own dates"
                    ));
                    None
                }
            }
        };
        let pairs: Vec<_> = files.iter().zip(&parsed).collect();
        let mut all_facts = history.as_ref().map(|h| {
            parallel::map(&pairs, |(file, parsed)| {
                facts_of(h, file, parsed, &as_of, backdate_days)
            })
        });
        // A bounded walk that cannot vouch for every plan's facts gives way to a full one:
        // a wrong stale or backdated flag costs more than the walk.
        let history = match (history, &all_facts) {
            (Some(h), Some(found)) if !bounded_facts_hold(&h, &pairs, found, today) => {
                window.from = None;
                let h = ws.history(&window)?;
                all_facts = Some(parallel::map(&pairs, |(file, parsed)| {
                    facts_of(&h, file, parsed, &as_of, backdate_days)
                }));
                Some(h)
            }
            (h, _) => h,
        };
        if let Some(history) = &history {
            for text in &history.notes {
                note(text);
            }
        }
        let fail_on = args.fail_on.unwrap_or(config.fail_on);
        report_fail_on = Some(report_fail_on.map_or(fail_on, |f| f.max(fail_on)));
        summary.files += files.len();
        // Evidence after the fallback above, so it is checked once, against the facts kept.
        if let Some(found) = &mut all_facts {
            let with_plans = pairs.iter().zip(found.iter_mut());
            for ((file, parsed), facts) in with_plans {
                if let (Some(plan), Some(facts)) = (&parsed.plan, facts) {
                    attach_evidence(facts, plan, &file.path, config);
                }
            }
        }
        let no_facts = vec![None; parsed.len()];
        let all_facts = all_facts.unwrap_or(no_facts);
        let linted: Vec<_> = parsed.into_iter().zip(all_facts).collect();
        let results = parallel::map(&linted, |(parsed, facts)| {
            linter.lint_with_history(parsed, facts.as_ref())
        });
        let results = linted.into_iter().map(|(p, _)| p).zip(results);
        // A directory that could not be read is a finding of its own; the run goes on.
        let unreadable = found.unreadable.iter().map(|u| {
            let parsed = plan::unreadable_place(&u.shown, &u.reason);
            let findings = linter.lint_with_history(&parsed, None);
            (parsed, findings)
        });
        summary.files += found.unreadable.len();
        for (parsed, found) in results.into_iter().chain(unreadable) {
            summary.goals += parsed.plan.as_ref().map_or(0, |p| p.goals.len());
            failed |= found.iter().any(|d| d.severity >= fail_on);
            diagnostics.extend(found);
            sources.push(parsed.file);
        }
    }
    for d in &diagnostics {
        summary.count(d.severity);
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    sources.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(Linted {
        diagnostics,
        sources,
        summary,
        failed,
        report_fail_on,
        protected,
    })
}

/// Renders the findings where `-o` says and gives the exit status.
fn render_lint(args: &LintArgs, output: Option<&Output>, linted: Linted) -> anyhow::Result<u8> {
    let Linted {
        diagnostics,
        sources,
        summary,
        failed,
        report_fail_on,
        ..
    } = linted;

    let color = args.color.enabled(args.output.is_some());
    let report = LintReport {
        diagnostics: &diagnostics,
        files: &sources,
        summary,
        statistics: args.statistics,
        color,
        fail_on: report_fail_on.unwrap_or(Severity::Error),
    };
    let format = super::chosen_format(args.format, args.output.as_deref(), Format::Human);
    match output {
        Some(output) => {
            let mut out = Vec::new();
            render::write_lint(format, &report, &mut out)?;
            output.write(&out)?;
        }
        None => {
            let mut out = super::stdout();
            render::write_lint(format, &report, &mut out)?;
            out.flush()?;
        }
    }
    // Machine formats keep standard output parseable; the summary goes to standard error.
    if format != Format::Human || args.output.is_some() {
        eprintln!("{}", render::summary_line(&summary));
    }
    Ok(if failed && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// `growth parse`: read and parse the plans, printing the model and problems as JSON.
pub fn parse(paths: &[PathBuf], quiet: bool) -> anyhow::Result<u8> {
    let mut out = super::stdout();
    for ws in Workspace::open(None, paths)? {
        let found = ws.plan_files();
        for u in &found.unreadable {
            super::note(&format!("cannot read {}: {}", u.shown.display(), u.reason));
        }
        let files = found.files;
        let all = parallel::map(&files, |file| plan::load(&file.shown));
        for (file, parsed) in files.iter().zip(all) {
            let path = &file.shown;
            if quiet {
                continue;
            }
            let problems: Vec<serde_json::Value> = parsed
                .problems
                .iter()
                .map(|p| {
                    let at = parsed.file.position(p.span.start);
                    serde_json::json!({"kind": p.kind, "code": p.kind.code(), "line": at.line, "column": at.column, "message": p.message})
                })
                .collect();
            let doc = serde_json::json!({"path": path, "plan": parsed.plan, "problems": problems});
            serde_json::to_writer(&mut out, &doc)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(EXIT_CLEAN)
}

/// A directory as a person would say it: "the current directory" for `.`.
fn shown_dir(dir: &Path) -> String {
    let shown = paths::shown(dir);
    if shown == Path::new(".") {
        "the current directory".to_string()
    } else {
        shown.display().to_string()
    }
}
