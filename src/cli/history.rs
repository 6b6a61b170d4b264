//! `growth history`: the semantic event stream from git, oldest first.

use std::io::Write;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;

use crate::config::Config;
use crate::discover;
use crate::history::{self, Bound, Event, History, Options};

use super::{HistoryArgs, ListFormat, EXIT_CLEAN};

/// The JSON document of `growth history --format json` (schema/history.schema.json).
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    commits: usize,
    notes: &'a [String],
    events: Vec<&'a Event>,
}

pub fn run(args: HistoryArgs) -> anyhow::Result<u8> {
    let config = super::lint::load_config(args.common.config.as_deref(), &args.paths)?;
    let history = load(
        &config,
        &args.paths,
        args.common.today,
        args.since.as_deref(),
        args.until.as_deref(),
    )?;
    let events: Vec<&Event> = history
        .events
        .iter()
        .filter(|e| args.paths.is_empty() || args.paths.iter().any(|p| history.is_under(e, p)))
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Json => {
            let doc = Document {
                version: 1,
                commits: history.commits,
                notes: &history.notes,
                events,
            };
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            for note in &history.notes {
                eprintln!("growth: note: {note}");
            }
            for e in events {
                let goal = e
                    .goal
                    .as_deref()
                    .map(|g| format!(" {g}:"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{} {} {:<16} {}{} {}",
                    e.commit.date(),
                    e.commit.short,
                    truncate(&e.commit.author, 16),
                    history.base.join(&e.path).display(),
                    goal,
                    e.kind.describe()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_CLEAN)
}

/// Walks the history of the repository around the config's plans.
pub fn load(
    config: &Config,
    paths: &[std::path::PathBuf],
    today: Option<NaiveDate>,
    since: Option<&str>,
    until: Option<&str>,
) -> anyhow::Result<History> {
    let globs = discover::compile(&config.plans)?;
    let options = Options {
        start: &config.root,
        root: &config.root,
        dirs: paths,
        globs: &globs,
        now: now(today),
        since: since.map(Bound::parse),
        until: until.map(Bound::parse),
        progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
    };
    Ok(history::load(&options)?)
}

/// "Now" for the uncommitted pseudo-commit: `--today` at midnight UTC when given, so output
/// is repeatable.
fn now(today: Option<NaiveDate>) -> DateTime<FixedOffset> {
    let utc = FixedOffset::east_opt(0).expect("zero offset");
    match today {
        Some(day) => utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight")),
        None => chrono::Local::now().fixed_offset(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
