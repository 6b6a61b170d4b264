//! Bringing in what a team already has: a career ladder from a spreadsheet (CSV or TSV) or
//! from the Financial Times' job-family YAML ([`ladder::Draft`]), and a growth plan written
//! before growth ([`plan::Imported`]). Each importer says what it guessed; nothing is
//! written here.

pub mod csv;
pub mod horizon;
pub mod ladder;
pub mod ladder_csv;
pub mod ladder_ft;
pub mod plan;
pub mod plan_lines;
pub mod plan_out;

use crate::source::Position;

/// Input that cannot be imported, with the place that says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{at}: {message}")]
pub struct ImportError {
    pub file: String,
    pub at: Position,
    pub message: String,
}

impl ImportError {
    pub fn new(file: &str, at: Position, message: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_string(),
            at,
            message: message.into(),
        }
    }
}
