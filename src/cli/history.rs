//! `growth history`: the semantic event stream from git, oldest first.

use std::io::Write;

use serde::Serialize;

use crate::history::{Event, EventKind};
use crate::paths;
use crate::render;
use crate::sanitize;
use crate::workspace::{Window, Workspace};

use super::{HistoryArgs, ListFormat, EXIT_CLEAN};

/// The JSON document of `growth history --format json` (schema/history.schema.json).
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    commits: usize,
    notes: &'a [String],
    events: Vec<EventOut<'a>>,
}

/// An event as the JSON document shows it: a name that is not valid UTF-8 is shown with U+FFFD
/// in `path`, `plan` and `from`, and exactly, escaped, in `path_bytes`, `plan_bytes` and
/// `from_bytes` (as the report's `path_bytes`), so a tool can still find the file.
#[derive(Serialize)]
struct EventOut<'a> {
    #[serde(flatten)]
    event: &'a Event,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_bytes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_bytes: Option<String>,
}

impl<'a> EventOut<'a> {
    fn of(event: &'a Event) -> Self {
        let from = match &event.kind {
            EventKind::PlanRenamed { from } => render::path_bytes(from),
            _ => None,
        };
        EventOut {
            event,
            path_bytes: render::path_bytes(&event.path),
            plan_bytes: render::path_bytes(&event.plan),
            from_bytes: from,
        }
    }
}

pub fn run(args: HistoryArgs) -> anyhow::Result<u8> {
    super::check_range(args.since.as_deref(), args.until.as_deref())?;
    let window = Window {
        today: args.common.today,
        no_cache: args.common.no_cache,
        since: args.since.as_deref(),
        until: args.until.as_deref(),
        // `--since DATE` needs no commit dated before it; a revision bound is found by
        // reachability, which a date cannot bound.
        from: args
            .since
            .as_deref()
            .and_then(|s| crate::decode::parse_date(s).ok()),
        // Only events in range are shown: what was agreed before it is not asked.
        agreements: false,
    };
    let mut notes = Vec::new();
    let mut commits = 0;
    let mut events = Vec::new();
    for ws in Workspace::open(args.common.config.as_deref(), &args.paths)? {
        notes.extend(ws.notes.iter().cloned());
        let history = ws.history(&window)?;
        commits += history.commits;
        notes.extend(history.notes.iter().cloned());
        // One rule for paths in every output: relative to the current directory.
        events.extend(history.events.iter().map(|e| Event {
            path: paths::shown(&history.absolute(&e.path)),
            plan: paths::shown(&history.absolute(&e.plan)),
            kind: match &e.kind {
                EventKind::PlanRenamed { from } => EventKind::PlanRenamed {
                    from: paths::shown(&history.absolute(from)),
                },
                kind => kind.clone(),
            },
            ..e.clone()
        }));
    }
    notes.dedup();
    // Standard output is line-buffered: a history of a large repository is hundreds of
    // thousands of lines, one write each without a buffer.
    let mut out = super::stdout();
    match args.format {
        ListFormat::Json => {
            let doc = Document {
                version: 1,
                commits,
                notes: &notes,
                events: events.iter().map(EventOut::of).collect(),
            };
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        ListFormat::Human => {
            for note in &notes {
                super::note(note);
            }
            for e in &events {
                let goal = e
                    .goal
                    .as_deref()
                    .map(|g| format!(" {g}:"))
                    .unwrap_or_default();
                // The subject says why, in the author's words, as `git log --oneline` does.
                let subject = match e.commit.summary.trim() {
                    "" => String::new(),
                    s => format!(" \u{2014} \"{s}\""),
                };
                // Authors, paths and plan text are data: cleaned before they reach a terminal.
                let line = format!(
                    "{} {} {:<16} {}{} {}{subject}",
                    e.commit.date(),
                    e.commit.short,
                    truncate(&e.commit.author, 16),
                    e.path.display(),
                    goal,
                    e.kind.describe()
                );
                writeln!(out, "{}", sanitize::line(&line))?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_CLEAN)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
