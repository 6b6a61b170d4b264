//! `growth lint`: find the plans, read each once, run the rules, render, set the exit status.

use std::io::{IsTerminal, Write};

use anyhow::Context as _;

use crate::config::Config;
use crate::diagnostic::Summary;
use crate::discover;
use crate::ladder::Ladder;
use crate::lint::Linter;
use crate::plan;
use crate::render::{self, Format, LintReport};

use super::{today, ColorChoice, LintArgs, EXIT_CLEAN, EXIT_FINDINGS};

pub fn run(args: LintArgs) -> anyhow::Result<u8> {
    let config = load_config(args.common.config.as_deref(), &args.paths)?;
    let ladder = load_ladder(&config)?;
    let linter = Linter::new(&config, ladder, today(args.common.today))?;
    let files = discover::plan_files(&config, &args.paths)?;
    if files.is_empty() {
        anyhow::bail!(
            "no plan files found under {} (looked for {})",
            config.root.display(),
            config.plans.join(", ")
        );
    }

    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    let mut diagnostics = Vec::new();
    let mut sources = Vec::with_capacity(files.len());
    for path in &files {
        let parsed = plan::load(path);
        summary.goals += parsed.plan.as_ref().map_or(0, |p| p.goals.len());
        diagnostics.extend(linter.lint(&parsed));
        sources.push(parsed.file);
    }
    for d in &diagnostics {
        summary.count(d.severity);
    }
    let fail_on = args.fail_on.unwrap_or(config.fail_on);
    let failed = diagnostics.iter().any(|d| d.severity >= fail_on);

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
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
            std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
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
    Ok(if failed { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// The config named with `--config`, or the one discovered from the first path.
pub fn load_config(named: Option<&std::path::Path>, paths: &[std::path::PathBuf]) -> anyhow::Result<Config> {
    let config = match named {
        Some(path) => Config::load(path)?,
        None => {
            let start = paths.first().map_or(std::path::Path::new("."), |p| p.as_path());
            Config::discover(start)?
        }
    };
    Ok(config)
}

/// The ladder named in the config, if any.
pub fn load_ladder(config: &Config) -> anyhow::Result<Option<Ladder>> {
    match &config.ladder {
        Some(path) => Ok(Some(Ladder::load(path)?)),
        None => Ok(None),
    }
}
