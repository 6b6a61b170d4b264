//! A finding as reported to the user: rule, severity, file, position and message.

use std::path::PathBuf;

use serde::Serialize;

use crate::lint::fix::Fix;
use crate::severity::Severity;
use crate::source::{Position, Span};

/// One finding of one rule in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule code, e.g. `GR201`.
    pub code: &'static str,
    /// The rule name, e.g. `vague-goal`.
    pub rule: &'static str,
    pub severity: Severity,
    pub path: PathBuf,
    #[serde(skip)]
    pub span: Span,
    /// Where the finding starts (1-based line and column).
    pub start: Position,
    /// Where it ends (exclusive column).
    pub end: Position,
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// What `growth lint --fix` would change; not part of any output format.
    #[serde(skip)]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// The order findings are printed in: file, line, column, code.
    pub fn sort_key(&self) -> (&PathBuf, Position, &'static str) {
        (&self.path, self.start, self.code)
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub goals: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}
