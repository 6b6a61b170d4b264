//! The `concise` format: one line per finding, `path:line:col: CODE message`, as ruff's
//! `--output-format concise` and compilers print them, for editors' quickfix lists and `grep`.
//! The summary goes to standard error, so every line on standard output is a finding.

use std::io;

use super::{slash_path, LintReport};
use crate::sanitize;

pub(super) fn write(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    for d in report.diagnostics {
        // Path and message come from the user's files: cleaned like any terminal text, and
        // kept to one line so each finding stays one line.
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            sanitize::line(&slash_path(&d.path)),
            d.start.line,
            d.start.column,
            d.code,
            sanitize::line(&d.message),
        )?;
    }
    Ok(())
}
