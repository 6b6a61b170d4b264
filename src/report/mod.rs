//! `growth report`: progress per plan and for the team, in terminal, Markdown, HTML and JSON.
//!
//! [`model`] is the data every format shows; [`build`] assembles it from plans, lint findings
//! and history; one module per format renders it.

pub mod build;
pub mod html;
pub mod markdown;
pub mod model;
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
