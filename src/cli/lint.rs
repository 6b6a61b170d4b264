//! `growth lint`: find the plans, read each once, run the rules, render, set the exit status.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::config::Config;
use crate::diagnostic::Summary;
use crate::discover;
use crate::history::{facts, HistoryError};
use crate::invalid::InvalidFile;
use crate::ladder::Ladder;
use crate::lint::Linter;
use crate::parallel;
use crate::plan;
use crate::problem::{Problem, ProblemKind};
use crate::render::{self, Format, LintReport};

use super::{today, LintArgs, EXIT_CLEAN, EXIT_FINDINGS};

pub fn run(args: LintArgs) -> anyhow::Result<u8> {
    let today = today(args.common.today);
    let mut summary = Summary::default();
    let mut diagnostics = Vec::new();
    let mut sources = Vec::new();
    let mut failed = false;
    for (config, paths) in group_by_config(args.common.config.as_deref(), &args.paths)? {
        let mut linter = Linter::new(&config, load_ladder(&config)?, today)?;
        let history = if args.no_history {
            linter = linter.without_history_rules();
            None
        } else {
            match super::history::load(&config, &paths, Some(today), None, None) {
                Ok(history) => Some(history),
                Err(err) => {
                    match err.downcast_ref::<HistoryError>() {
                        Some(HistoryError::NotARepository) => eprintln!(
                            "growth: note: {} is not in a git repository; GR502 and GR503 need history and are skipped, GR501 uses the plans' own dates",
                            shown_dir(&config.root)
                        ),
                        _ => eprintln!("growth: note: history unavailable ({err:#}); history rules use the plans' own dates"),
                    }
                    None
                }
            }
        };
        if let Some(history) = &history {
            for note in &history.notes {
                eprintln!("growth: note: {note}");
            }
        }
        let files = discover::plan_files(&config, &paths)?;
        if files.is_empty() {
            anyhow::bail!(
                "no plan files found under {} (looked for {})",
                paths.first().unwrap_or(&config.root).display(),
                config.plans.join(", ")
            );
        }
        let fail_on = args.fail_on.unwrap_or(config.fail_on);
        summary.files += files.len();
        // Each file is read, parsed and linted on its own: spread them over the cores.
        let results = parallel::map(&files, |path| {
            let parsed = plan::load(path);
            // A plan git knows nothing about (not committed, outside the plan globs) is judged
            // by its own dates, like a plan outside git.
            let facts = history
                .as_ref()
                .zip(parsed.plan.as_ref())
                .and_then(|(h, plan)| {
                    h.of_plan(path).next()?;
                    Some(facts::plan_facts(
                        h.of_plan(path),
                        plan,
                        config.options.backdate_days,
                    ))
                });
            let found = linter.lint_with_history(&parsed, facts.as_ref());
            (parsed, found)
        });
        for (parsed, found) in results {
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
    };
    match &args.output {
        Some(path) => {
            let mut out = Vec::new();
            render::write_lint(args.format, &report, &mut out)?;
            std::fs::write(path, out)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            render::write_lint(args.format, &report, &mut out)?;
            out.flush()?;
        }
    }
    // Machine formats keep standard output parseable; the summary goes to standard error.
    if args.format != Format::Human || args.output.is_some() {
        eprintln!("{}", render::summary_line(&summary));
    }
    Ok(if failed && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// The paths grouped by the config that applies to each: `--config` for all of them, or the
/// one discovered from each path, so `growth lint repo-a repo-b` uses each repo's own config.
pub(super) fn group_by_config(
    named: Option<&Path>,
    paths: &[PathBuf],
) -> anyhow::Result<Vec<(Config, Vec<PathBuf>)>> {
    if named.is_some() || paths.len() <= 1 {
        return Ok(vec![(load_config(named, paths)?, paths.to_vec())]);
    }
    let mut groups: Vec<(Config, Vec<PathBuf>)> = Vec::new();
    for path in paths {
        let config = load_config(None, std::slice::from_ref(path))?;
        match groups
            .iter_mut()
            .find(|(c, _)| c.path == config.path && c.root == config.root)
        {
            Some((_, group)) => group.push(path.clone()),
            None => groups.push((config, vec![path.clone()])),
        }
    }
    Ok(groups)
}

/// The config named with `--config`, or the one discovered from the first path.
pub fn load_config(named: Option<&Path>, paths: &[PathBuf]) -> anyhow::Result<Config> {
    let config = match named {
        Some(path) => Config::load(path)?,
        None => {
            let start = paths.first().map_or(Path::new("."), |p| p.as_path());
            Config::discover(start)?
        }
    };
    Ok(config)
}

/// The ladder named in the config, if any.
pub fn load_ladder(config: &Config) -> anyhow::Result<Option<Ladder>> {
    let Some(path) = &config.ladder else {
        return Ok(None);
    };
    // A ladder that is not there is a mistake in the config: point at its `ladder:` line.
    if let (false, Some(file), Some(span)) = (path.exists(), &config.source, config.ladder_span) {
        let problem = Problem::new(
            ProblemKind::Unreadable,
            span,
            format!("the ladder file {} does not exist", path.display()),
        )
        .with_help("fix the `ladder:` path (relative to this file) or create the ladder");
        return Err(InvalidFile {
            file: file.clone(),
            problems: vec![problem],
        }
        .into());
    }
    Ok(Some(Ladder::load(path)?))
}

/// `growth parse`: read and parse the plans, printing the model and problems as JSON.
pub fn parse(paths: &[PathBuf], quiet: bool) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    for (config, paths) in group_by_config(None, paths)? {
        let files = discover::plan_files(&config, &paths)?;
        let all = parallel::map(&files, |path| plan::load(path));
        for (path, parsed) in files.iter().zip(all) {
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
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        "the current directory".to_string()
    } else {
        dir.display().to_string()
    }
}
