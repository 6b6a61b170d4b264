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
use crate::source::{Position, SourceFile};

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
        let mut rendered = renderer.render(&[group(&same, &path, excerpt.as_ref())]);
        if let Some(e) = excerpt.as_ref().filter(|e| e.cut) {
            rendered = true_location(rendered, &path, e, d.start.column);
        }
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

/// A snippet of a line cut short says where the finding is in the window: the column it
/// counted (characters before the span, the ellipsis included) is put right in the first
/// `path:line:column` it printed, the location line.
fn true_location(rendered: String, path: &str, e: &Excerpt, column: usize) -> String {
    let counted = e.source[..e.span.start].chars().count() + 1;
    let wrong = format!("{path}:{}:{counted}", e.first_line);
    let right = format!("{path}:{}:{column}", e.first_line);
    rendered.replacen(&wrong, &right, 1)
}

/// The lines a finding covers, and where in them it is.
struct Excerpt {
    /// The covered lines without line endings, joined by `\n`.
    source: String,
    first_line: usize,
    /// Byte range of the finding in `source`.
    span: std::ops::Range<usize>,
    /// Whether a line was cut before the finding, so `source` does not start at column 1.
    cut: bool,
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
        let from = file.offset_of(Position {
            line: first_line,
            column: d.start.column,
        });
        let to = file.offset_of(Position {
            line: end_line,
            column: end_col,
        });
        let mut source = String::new();
        let mut start = 0;
        let mut end = 0;
        let mut cut = false;
        for line in first_line..=end_line {
            let line_start = file.line_start(line);
            let text = file.line_text(line);
            // Offsets into this line of the finding's start and end, where it has them.
            let marks = [
                (line == first_line).then(|| from - line_start),
                (line == end_line).then(|| to.max(from) - line_start),
            ];
            let (window, cut_before, cut_after) = window(text, marks);
            if cut_before {
                source.push(ELLIPSIS);
                cut = true;
            }
            // Cleaned piece by piece between the marks: a C1 control in a plan never reaches
            // the terminal, and the marks stay where they were.
            let mut at = window.start;
            for (i, mark) in marks.iter().enumerate() {
                let Some(mark) = *mark else { continue };
                source.push_str(&sanitize::line(&text[at..mark]));
                at = mark;
                if i == 0 {
                    start = source.len();
                } else {
                    end = source.len();
                }
            }
            source.push_str(&sanitize::line(&text[at..window.end]));
            if cut_after {
                source.push(ELLIPSIS);
            }
            if line < end_line {
                source.push('\n');
            }
        }
        Excerpt {
            source,
            first_line,
            span: start..end.max(start),
            cut,
        }
    }
}

/// How many characters of a long line are shown on either side of a finding.
const CONTEXT_CHARS: usize = 100;

/// Marks a line cut short.
const ELLIPSIS: char = '…';

/// The part of a line to show: all of it when it is short, else [`CONTEXT_CHARS`] around the
/// marks (or from the start, for a line the finding only crosses), and whether it was cut
/// before and after. The cost follows the window, not the line: a YAML plan written as one
/// megabyte flow mapping has thousands of findings on its one line.
fn window(text: &str, marks: [Option<usize>; 2]) -> (std::ops::Range<usize>, bool, bool) {
    if text.len() <= 2 * CONTEXT_CHARS {
        return (0..text.len(), false, false);
    }
    let first = marks.iter().flatten().copied().min().unwrap_or(0);
    let last = marks.iter().flatten().copied().max().unwrap_or(0);
    let start = text[..first]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let end = text[last..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| last + i);
    (start..end, start > 0, end < text.len())
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
