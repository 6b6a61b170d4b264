//! The `github` format: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request's changed lines.
//!
//! One command per finding: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::…`.
//! The runner splits a command at `::`, `,` and newlines, so text from plans is escaped the way
//! the runner unescapes it (see `@actions/core`'s `escapeData` and `escapeProperty`).

use std::io;

use super::{message_with_help, slash_path, LintReport};
use crate::sanitize;
use crate::severity::Severity;

pub(super) fn write(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    for d in report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // A rule that got its span backwards still yields a valid region.
        let end = d.end.max(d.start);
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&slash_path(&d.path)),
            d.start.line,
            d.start.column,
            end.line,
            end.column,
            escape_property(&format!("{} {}", d.code, d.rule)),
            escape_data(&message_with_help(d)),
        )?;
    }
    Ok(())
}

/// The message after `::`: only `%` and line breaks are special there. The log is shown
/// with its ANSI colours, so the other controls are cleaned like any terminal text.
fn escape_data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    sanitize::line(&escaped).into_owned()
}

/// A property value: also `:` and `,`, which separate properties.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
