//! Problems found while reading a file: the raw material of the structure rules (GR001–GR004).
//!
//! Readers never stop at the first problem; they record it with its span and go on, so one run
//! shows everything that is wrong with a file.

use serde::Serialize;

use crate::source::Span;

/// What kind of problem; each maps to one rule code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The file cannot be read as text (I/O, binary, not UTF-8, too large).
    Unreadable,
    /// The YAML does not parse.
    Syntax,
    /// A key given twice in one mapping: reported, and the rest of the file still read.
    DuplicateKey,
    /// A value of the wrong type or outside its allowed set.
    WrongType,
    /// A key the format does not know.
    UnknownField,
    /// A required key or part is missing.
    MissingField,
    /// A date that is not a real ISO `YYYY-MM-DD` date.
    InvalidDate,
}

impl ProblemKind {
    /// The rule code this problem is reported under.
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::Unreadable
            | ProblemKind::Syntax
            | ProblemKind::DuplicateKey
            | ProblemKind::WrongType => "GR001",
            ProblemKind::UnknownField => "GR002",
            ProblemKind::MissingField => "GR003",
            ProblemKind::InvalidDate => "GR004",
        }
    }
}

/// One problem, at a byte span of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub span: Span,
    pub message: String,
    /// What to do about it, when there is something specific to say.
    pub help: Option<String>,
    /// The text that should stand at `span` instead, when the reader is sure of it (a
    /// misspelt key's nearest known key): what `growth lint --fix` writes.
    pub replacement: Option<String>,
}

impl Problem {
    pub fn new(kind: ProblemKind, span: Span, message: impl Into<String>) -> Self {
        Problem {
            kind,
            span,
            message: message.into(),
            help: None,
            replacement: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
