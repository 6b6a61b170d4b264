//! The `human` format: rustc-style snippets, optional per-rule statistics, a summary line.
//!
//! Snippets are drawn by `annotate-snippets`, the crate rustc and cargo use, so the layout is
//! the one people already read every day. Only the lines a finding covers are handed to it,
//! with their real line numbers, so the cost does not grow with the file's size.

use std::io;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{
    normalize_untrusted_str, AnnotationKind, Group, Level, Origin, Renderer, Snippet,
};
use anstyle::{AnsiColor, Effects, Style};

use super::{slash_path, statistics, summary_line, LintReport};
use crate::diagnostic::Diagnostic;
use crate::sanitize;
use crate::severity::Severity;
use crate::source::SourceFile;

pub(super) fn write(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    let renderer = if report.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    for same in same_place(report.diagnostics) {
        let d = same[0];
        let path = sanitize::line(&slash_path(&d.path)).into_owned();
        let file = report.file(&d.path).filter(|f| !f.text().is_empty());
        let excerpt = file.map(|f| Excerpt::new(f, d));
        let rendered = renderer.render(&[group(&same, &path, excerpt.as_ref())]);
        writeln!(out, "{rendered}\n")?;
    }
    if report.statistics && !report.diagnostics.is_empty() {
        write_statistics(report, out)?;
    }
    writeln!(
        out,
        "{}",
        paint(
            report.color,
            Style::new().bold(),
            &summary_line(&report.summary)
        )
    )
}

/// Findings at the same place, in report order: a goal heading with five findings is one
/// snippet with five labels, as rustc shows several labels on one line, not the same lines
/// five times. Findings at one place are adjacent but for others starting there too.
fn same_place(diagnostics: &[Diagnostic]) -> Vec<Vec<&Diagnostic>> {
    let mut out: Vec<Vec<&Diagnostic>> = Vec::new();
    let mut run_start = 0;
    for d in diagnostics {
        let starts_run = out
            .last()
            .is_none_or(|g| g[0].path != d.path || g[0].start != d.start);
        if starts_run {
            run_start = out.len();
        }
        match out[run_start..].iter_mut().find(|g| g[0].end == d.end) {
            Some(g) if !starts_run => g.push(d),
            _ => out.push(vec![d]),
        }
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One snippet for findings at one place. The most severe comes first, as the title; the
/// others are labels under the underline, each with its level and code so it stays findable.
fn group<'a>(same: &[&'a Diagnostic], path: &'a str, excerpt: Option<&'a Excerpt>) -> Group<'a> {
    let mut order: Vec<&Diagnostic> = same.to_vec();
    // Stable: ties keep code order.
    order.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let d = order[0];
    let title = level(d.severity)
        .primary_title(sanitize::text(&d.message).into_owned())
        .id(d.code);
    let mut group = match excerpt {
        Some(e) => {
            let mut snippet = Snippet::source(e.source.as_str())
                .line_start(e.first_line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(e.span.clone()));
            for other in &order[1..] {
                let label = format!(
                    "{}[{}]: {}",
                    other.severity.as_str(),
                    other.code,
                    sanitize::line(&other.message)
                );
                snippet =
                    snippet.annotation(AnnotationKind::Primary.span(e.span.clone()).label(label));
            }
            title.element(snippet)
        }
        // Nothing to show (the file could not be read, or is empty): just say where.
        None => {
            let mut group = title.element(
                Origin::path(path)
                    .line(d.start.line)
                    .char_column(d.start.column),
            );
            for other in &order[1..] {
                group = group.element(level(other.severity).message(format!(
                    "[{}]: {}",
                    other.code,
                    sanitize::text(&other.message)
                )));
            }
            group
        }
    };
    for one in &order {
        if let Some(help) = &one.help {
            let help = sanitize::text(help);
            let help = if order.len() > 1 {
                format!("{}: {help}", one.code)
            } else {
                help.into_owned()
            };
            group = group.element(Level::HELP.message(normalize_untrusted_str(&help)));
        }
    }
    group
}

/// The lines a finding covers, and where in them it is.
struct Excerpt {
    /// The covered lines without line endings, joined by `\n`.
    source: String,
    first_line: usize,
    /// Byte range of the finding in `source`.
    span: std::ops::Range<usize>,
}

impl Excerpt {
    /// Positions come from the diagnostic rather than its byte span because they are what the
    /// other formats print; both are clamped, since a finding may point past the end of a file.
    fn new(file: &SourceFile, d: &Diagnostic) -> Excerpt {
        let last = file.line_count().max(1);
        let first_line = d.start.line.clamp(1, last);
        let (mut end_line, mut end_col) = (d.end.line.clamp(first_line, last), d.end.column);
        if d.end.line < first_line {
            end_col = d.start.column;
        }
        // A span that ends just after a line break would underline nothing on the next line;
        // end it at the end of the line it really covers.
        if end_line > first_line && end_col <= 1 {
            end_line -= 1;
            end_col = usize::MAX;
        }
        let mut source = String::new();
        let mut start = 0;
        let mut end = 0;
        for line in first_line..=end_line {
            // Cleaned before the columns are found: one character for one, so the columns
            // hold, and a C1 control in a plan never reaches the terminal.
            let text = sanitize::line(file.line_text(line));
            let text = text.as_ref();
            if line == first_line {
                start = source.len() + byte_at(text, d.start.column);
            }
            if line == end_line {
                end = source.len() + byte_at(text, end_col);
            }
            source.push_str(text);
            if line < end_line {
                source.push('\n');
            }
        }
        Excerpt {
            source,
            first_line,
            span: start..end.max(start),
        }
    }
}

/// The byte offset of a 1-based character column in a line, clamped to the line's end.
fn byte_at(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

fn write_statistics(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    let counts = statistics(report.diagnostics);
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    for c in &counts {
        // Pad before painting: escape codes would otherwise count towards the width.
        let severity = format!("{:<7}", c.severity.as_str());
        let severity = paint(report.color, severity_style(c.severity), &severity);
        writeln!(
            out,
            "  {:>width$}  {}  {severity}  {}",
            c.count, c.code, c.rule
        )?;
    }
    writeln!(out)
}

/// The same colours annotate-snippets gives each level, so the table matches the findings.
fn severity_style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Error => AnsiColor::BrightRed,
        Severity::Warning => AnsiColor::BrightYellow,
        Severity::Info => AnsiColor::BrightBlue,
    };
    color.on_default().effects(Effects::BOLD)
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}
