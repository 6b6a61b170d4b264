//! The `json` format: one pretty-printed document with a version, the summary, the findings and,
//! with `--statistics`, the per-rule counts.
//!
//! The shape is built from structs rather than `json!` so the key order is fixed by the code,
//! whatever features of `serde_json` other crates turn on.

use std::io;

use serde::Serialize;

use super::{path_bytes, slash_path, statistics, LintReport};
use crate::diagnostic::{Diagnostic, Summary};
use crate::severity::Severity;
use crate::source::Position;

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<JsonCount>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    path: String,
    /// Only for a name that is not valid UTF-8: its exact bytes (see [`path_bytes`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<String>,
    start: Position,
    end: Position,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            code: d.code,
            rule: d.rule,
            severity: d.severity,
            path: slash_path(&d.path),
            path_bytes: path_bytes(&d.path),
            start: d.start,
            end: d.end,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct JsonCount {
    code: &'static str,
    rule: &'static str,
    count: usize,
}

pub(super) fn write(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    let statistics = report.statistics.then(|| {
        statistics(report.diagnostics)
            .into_iter()
            .map(|c| JsonCount {
                code: c.code,
                rule: c.rule,
                count: c.count,
            })
            .collect()
    });
    let document = Document {
        version: VERSION,
        summary: report.summary,
        diagnostics: report
            .diagnostics
            .iter()
            .map(JsonDiagnostic::from)
            .collect(),
        statistics,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
