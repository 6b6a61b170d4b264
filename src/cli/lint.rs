//! `growth lint`: find the plans, read each once, run the rules, render, set the exit status.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::asof::AsOf;
use crate::diagnostic::Summary;
use crate::history::{facts, HistoryError};
use crate::lint::Linter;
use crate::output::Output;
use crate::parallel;
use crate::paths;
use crate::plan;
use crate::render::{self, Format, LintReport};
use crate::severity::Severity;
use crate::workspace::{Window, Workspace};

use super::{today, LintArgs, EXIT_CLEAN, EXIT_FINDINGS};

pub fn run(args: LintArgs) -> anyhow::Result<u8> {
    let today = today(args.common.today);
    let as_of = AsOf::now(today);
    let mut summary = Summary::default();
    let mut diagnostics = Vec::new();
    let mut sources = Vec::new();
    let mut failed = false;
    // The level findings fail at, for the report. Workspaces (paths in different repositories)
    // may set different `fail_on`s; the report takes the most lenient, so it never shows a
    // failure that the exit status does not have.
    let mut report_fail_on = args.fail_on;
    // `-o` is checked before any work: it never writes over what the run reads.
    let output = args.output.as_deref().map(Output::new).transpose()?;
    for ws in Workspace::open(args.common.config.as_deref(), &args.paths)? {
        if let Some(output) = &output {
            output.check(&ws)?;
        }
        let config = &ws.config;
        for note in &ws.notes {
            super::note(note);
        }
        let mut linter = Linter::new(config, ws.ladder()?, today)?;
        let history = if args.no_history {
            linter = linter.without_history_rules();
            None
        } else {
            let window = Window {
                today: Some(today),
                ..Window::default()
            };
            match ws.history(&window) {
                Ok(history) => Some(history),
                Err(HistoryError::NotARepository) => {
                    super::note(&format!(
                        "{} is not in a git repository; GR502 and GR503 need history and are skipped, GR501 uses the plans' own dates",
                        shown_dir(ws.plans.root())
                    ));
                    None
                }
                Err(err) => {
                    super::note(&format!(
                        "history unavailable ({err}); history rules use the plans' own dates"
                    ));
                    None
                }
            }
        };
        if let Some(history) = &history {
            for note in &history.notes {
                super::note(note);
            }
        }
        let found = ws.plan_files();
        let files = found.files;
        if files.is_empty() && found.unreadable.is_empty() {
            anyhow::bail!(
                "no plan files found under {} (looked for {})",
                ws.plans.searched(),
                config.plans.join(", ")
            );
        }
        let fail_on = args.fail_on.unwrap_or(config.fail_on);
        report_fail_on = Some(report_fail_on.map_or(fail_on, |f| f.max(fail_on)));
        summary.files += files.len();
        // Each file is read, parsed and linted on its own: spread them over the cores.
        let results = parallel::map(&files, |file| {
            let parsed = plan::load(&file.shown);
            // A plan git knows nothing about (not committed, outside the plan globs) is judged
            // by its own dates, like a plan outside git.
            let facts = history
                .as_ref()
                .filter(|h| h.knows(&file.path))
                .zip(parsed.plan.as_ref())
                .map(|(h, plan)| {
                    facts::plan_facts(
                        h.of_plan(&file.path),
                        plan,
                        config.options.backdate_days,
                        &as_of,
                    )
                });
            let found = linter.lint_with_history(&parsed, facts.as_ref());
            (parsed, found)
        });
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
    match &output {
        Some(output) => {
            let mut out = Vec::new();
            render::write_lint(format, &report, &mut out)?;
            output.write(&out)?;
        }
        None => {
            let mut out = std::io::stdout().lock();
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
    let mut out = std::io::stdout().lock();
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
