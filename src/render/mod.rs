//! Renderers for lint results: `human`, `concise`, `json`, `sarif`, `github`, `junit`.
//!
//! Every renderer takes the same [`LintReport`] and writes deterministic output: the input is
//! already sorted, nothing depends on the clock or the working directory, and paths are printed
//! with forward slashes so that output (and snapshots of it) is the same on every platform.

mod concise;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::io;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Summary};
use crate::severity::Severity;
use crate::source::SourceFile;

/// The output formats of `growth lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets of the offending lines (the default; `text` and `terminal` are
    /// other names for it).
    #[value(alias = "text", alias = "terminal")]
    Human,
    /// One line per finding, `path:line:col: CODE message`, as ruff prints them.
    Concise,
    /// One JSON document with the findings and the summary.
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// GitHub Actions workflow commands: annotations on the right lines.
    Github,
    /// JUnit XML: one test case per file.
    Junit,
}

/// Everything a renderer needs.
pub struct LintReport<'a> {
    /// Sorted by file, line, column, code.
    pub diagnostics: &'a [Diagnostic],
    /// Every linted file, sorted by path (files without findings too).
    pub files: &'a [SourceFile],
    pub summary: Summary,
    /// Append per-rule counts.
    pub statistics: bool,
    /// Use ANSI colour (human format only).
    pub color: bool,
    /// The level at which a finding fails the run (`--fail-on`), so the formats that say
    /// pass or fail (JUnit) agree with the exit status.
    pub fail_on: Severity,
}

/// Writes the report in `format`. Errors are only those of `out`.
pub fn write_lint(format: Format, report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(report, out),
        Format::Concise => concise::write(report, out),
        Format::Json => json::write(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Github => github::write(report, out),
        Format::Junit => junit::write(report, out),
    }
}

impl LintReport<'_> {
    /// The linted file a finding belongs to. `None` only if the caller passed a finding for a
    /// file it did not list; renderers then show the finding without its source line.
    /// The file a finding is in: a binary search when `files` is sorted by path (as the
    /// field says it is), so ten thousand files with many findings stay fast.
    fn file(&self, path: &Path) -> Option<&SourceFile> {
        match self.files.binary_search_by(|f| f.path().cmp(path)) {
            Ok(i) => Some(&self.files[i]),
            Err(_) => self.files.iter().find(|f| f.path() == path),
        }
    }
}

/// A path as printed: `/` as separator on every platform, invalid UTF-8 replaced.
pub(crate) fn slash_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// For a path that is not valid UTF-8 (a Latin-1 name on Linux), its exact bytes, so that a
/// tool can find the file that `path` (with U+FFFD for each bad byte) can only approximate:
/// the valid text as it is, each byte that is not valid UTF-8 as `\xHH`, and a backslash as
/// `\\`. Python's `codecs.escape_decode` reads it back; so does any C-style unescape.
/// `None` for a valid UTF-8 path, which `path` already carries exactly.
pub fn path_bytes(path: &Path) -> Option<String> {
    let bytes = path.as_os_str().as_encoded_bytes();
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    Some(out)
}

/// Serializes a path as text, invalid UTF-8 replaced: serde's own `Path` serializer fails on
/// such a name, which would end a JSON document halfway. [`path_bytes`] carries the rest.
pub fn serialize_lossy<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// How often one rule fired, for `--statistics`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RuleCount {
    code: &'static str,
    rule: &'static str,
    /// The most serious severity the rule's findings had (config may change a rule's level,
    /// so this comes from the findings, not from the registry).
    severity: Severity,
    count: usize,
}

/// Findings per rule, most frequent first, then by code.
fn statistics(diagnostics: &[Diagnostic]) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in diagnostics {
        match counts.iter_mut().find(|c| c.code == d.code) {
            Some(c) => {
                c.count += 1;
                c.severity = c.severity.max(d.severity);
            }
            None => counts.push(RuleCount {
                code: d.code,
                rule: d.rule,
                severity: d.severity,
                count: 1,
            }),
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

/// The line that ends a run: `Checked 4 files, 11 goals: 2 errors, 5 warnings, 3 infos.`, or
/// `No problems found in 4 files (11 goals).`
pub fn summary_line(summary: &Summary) -> String {
    let s = summary;
    if s.errors + s.warnings + s.infos == 0 {
        return format!(
            "No problems found in {} ({}).",
            plural(s.files, "file"),
            plural(s.goals, "goal")
        );
    }
    format!(
        "Checked {}, {}: {}, {}, {}.",
        plural(s.files, "file"),
        plural(s.goals, "goal"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info")
    )
}

/// `1 file`, `2 files`: every noun we count takes a plain `s`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The message with its help on the next line, for formats that have one text field.
fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt as _;
    use std::path::Path;

    use super::path_bytes;

    fn path(bytes: &[u8]) -> &Path {
        Path::new(OsStr::from_bytes(bytes))
    }

    #[test]
    fn only_names_that_are_not_utf8_get_their_bytes_escaped() {
        assert_eq!(path_bytes(Path::new("plans/café.md")), None);
        assert_eq!(
            path_bytes(path(b"plans/caf\xe9.md")).as_deref(),
            Some(r"plans/caf\xe9.md")
        );
        // Valid text stays as it is, a backslash is doubled, so the form reads back exactly.
        assert_eq!(
            path_bytes(path(b"a\\b/\xc3\xa9\xff\xfe.md")).as_deref(),
            Some(r"a\\b/é\xff\xfe.md")
        );
    }
}
