//! The `junit` format: JUnit XML with one test case per linted file, for CI systems that show
//! test reports (GitLab, Jenkins, Azure DevOps).
//!
//! A file fails when it has a finding at or above `--fail-on` (the config's `fail_on`, by
//! default `error`), exactly when that finding makes `growth lint` exit non-zero, so the test
//! report and the exit status never disagree. The failure lists all the file's findings; a
//! file whose findings are all below the level passes and lists them in `<system-out>`, so
//! nothing is hidden.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::{path_bytes, slash_path, LintReport};
use crate::diagnostic::Diagnostic;
use crate::severity::Severity;

pub(super) fn write(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    // Every linted file is a test case; a finding for a file the caller did not list still
    // gets one. One pass, so ten thousand files stay linear.
    let mut by_path: BTreeMap<&Path, Vec<&Diagnostic>> = report
        .files
        .iter()
        .map(|f| (f.path(), Vec::new()))
        .collect();
    for d in report.diagnostics {
        by_path.entry(d.path.as_path()).or_default().push(d);
    }
    let mut cases = String::new();
    let mut failures = 0;
    for (path, findings) in &by_path {
        failures += usize::from(test_case(&mut cases, path, findings, report.fail_on));
    }
    let paths = by_path.len();
    let tests = paths;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="growth" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    writeln!(
        out,
        r#"  <testsuite name="growth lint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
    )?;
    out.write_all(cases.as_bytes())?;
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Appends one `<testcase>`; returns whether it failed.
fn test_case(out: &mut String, path: &Path, findings: &[&Diagnostic], fail_on: Severity) -> bool {
    let name = escape(&slash_path(path), true);
    let open = format!(r#"    <testcase name="{name}" classname="growth.lint" file="{name}""#);
    let failing: Vec<&&Diagnostic> = findings.iter().filter(|d| d.severity >= fail_on).collect();
    // XML cannot carry a name that is not UTF-8: its exact bytes go in a property, escaped.
    let bytes = path_bytes(path);
    if findings.is_empty() && bytes.is_none() {
        let _ = writeln!(out, "{open}/>");
        return false;
    }
    let _ = writeln!(out, "{open}>");
    if let Some(bytes) = &bytes {
        let _ = writeln!(
            out,
            r#"      <properties><property name="path_bytes" value="{}"/></properties>"#,
            escape(bytes, true)
        );
    }
    if findings.is_empty() {
        let _ = writeln!(out, "    </testcase>");
        return false;
    }
    let text = escape(&finding_lines(findings), false);
    match failing.first() {
        Some(first) => {
            let mut message = first.message.clone();
            if failing.len() > 1 {
                let _ = write!(message, " (and {} more)", failing.len() - 1);
            }
            let _ = writeln!(
                out,
                r#"      <failure message="{}" type="{}">{text}</failure>"#,
                escape(&message, true),
                escape(first.code, true)
            );
        }
        None => {
            let _ = writeln!(out, "      <system-out>{text}</system-out>");
        }
    }
    let _ = writeln!(out, "    </testcase>");
    !failing.is_empty()
}

/// `path:line:col: severity[CODE] message`, one per finding, with its help indented below.
fn finding_lines(findings: &[&Diagnostic]) -> String {
    let mut text = String::new();
    for d in findings {
        let _ = writeln!(
            text,
            "{}:{}: {}[{}] {}",
            slash_path(&d.path),
            d.start,
            d.severity,
            d.code,
            d.message
        );
        if let Some(help) = &d.help {
            let _ = writeln!(text, "  = help: {help}");
        }
    }
    text
}

/// Escapes text for XML 1.0 content or a double-quoted attribute. Characters XML 1.0 cannot
/// carry at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD; line breaks and tabs in
/// attributes become character references, since parsers would otherwise turn them into spaces.
fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A raw CR is normalised to LF by every parser, in content too.
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}
