//! `growth report`: progress per plan and for the team, in terminal, Markdown, HTML and JSON.
//!
//! [`model`] is the data every format shows; [`build`] assembles it from plans, lint findings
//! and history; one module per format renders it.

pub mod build;
mod details;
pub mod html;
pub mod markdown;
pub mod model;
pub mod proof;
pub mod summary;
pub mod terminal;

use std::io;

pub use model::Report;

/// The output formats of `growth report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// For reading in a terminal; fits 80 columns (`terminal` is an old name).
    #[value(alias = "terminal", alias = "text")]
    Human,
    /// GitHub-flavoured Markdown, to paste into a review document.
    Markdown,
    /// One self-contained HTML file with charts; no scripts, no external assets.
    Html,
    /// The report's data (schema/report.schema.json).
    Json,
}

/// "Not checked in for over 30 days", the heading every format gives the quiet list ("… or
/// by their cadence" when someone is measured by theirs).
pub fn quiet_heading(team: &model::Team) -> String {
    let cadence = if team.quiet.iter().any(|q| q.cadence.is_some()) {
        " or by their cadence"
    } else {
        ""
    };
    format!("Not checked in for over {} days{cadence}", team.quiet_days)
}

/// One quiet person in words: "Bob (last check-in 2026-08-01, 123 days ago)", "Carol (no
/// check-in yet, 45 days into the plan)".
pub fn quiet_words(q: &model::Quiet) -> String {
    let rhythm = q
        .cadence
        .as_ref()
        .map(|c| format!("; checks in {c}"))
        .unwrap_or_default();
    match (q.last_checkin, q.days) {
        (Some(last), Some(days)) => {
            format!(
                "{} (last check-in {last}, {days} days ago{rhythm})",
                q.owner
            )
        }
        (None, Some(days)) => {
            format!(
                "{} (no check-in yet, {days} days into the plan{rhythm})",
                q.owner
            )
        }
        _ => format!("{} (no check-in yet{rhythm})", q.owner),
    }
}

/// A level as people say it: its name ("Senior Engineer"), with the id the plan writes when
/// the name does not spell it ("Senior Engineer (L5)"); the id when the ladder gives no name.
pub fn level_words(id: &str, name: Option<&str>) -> String {
    let slug = |s: &str| s.to_lowercase().replace([' ', '_'], "-");
    match name {
        Some(name) if slug(name) == slug(id) => name.to_string(),
        Some(name) => format!("{name} ({id})"),
        None => id.to_string(),
    }
}

/// A ten-step text bar and the percentage: `[#####.....] 50%`.
pub fn bar(percent: f64) -> String {
    let filled = ((percent.clamp(0.0, 100.0) / 10.0).round() as usize).min(10);
    format!(
        "[{}{}] {:.0}%",
        "#".repeat(filled),
        ".".repeat(10 - filled),
        percent
    )
}

/// Writes the report in a format. `color` applies to the terminal format only.
pub fn write(
    format: ReportFormat,
    report: &Report,
    color: bool,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
        ReportFormat::Human => terminal::write(report, color, out),
        ReportFormat::Markdown => markdown::write(report, out),
        ReportFormat::Html => html::write(report, out),
    }
}
