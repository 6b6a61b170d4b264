//! The `sarif` format: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).
//!
//! The driver lists every rule of the registry with its documentation, so a viewer can explain
//! a finding without running `growth explain`. Each result carries a partial fingerprint that
//! does not depend on line numbers: code scanning uses it to recognise the same finding after
//! unrelated edits move it, instead of closing one alert and opening another.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use serde_json::{json, Value};

use super::{message_with_help, path_bytes, slash_path, LintReport};
use crate::diagnostic::Diagnostic;
use crate::lint::registry::RULES;
use crate::severity::Severity;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/growth-plans/growth";
/// Paths are relative to the directory `growth` ran in, which SARIF calls a URI base.
const SRCROOT: &str = "%SRCROOT%";
/// The key of our fingerprint; bump the version if the hashed parts ever change.
const FINGERPRINT_KEY: &str = "growth/v1";

pub(super) fn write(report: &LintReport, out: &mut dyn io::Write) -> io::Result<()> {
    let rules = rule_table(report.diagnostics);
    let mut seen = HashMap::new();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result(report, d, &rules, &mut seen))
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "growth",
                "informationUri": INFORMATION_URI,
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|r| r.descriptor.clone()).collect::<Vec<_>>(),
            }},
            "originalUriBaseIds": { SRCROOT: {
                "description": { "text": "The directory growth was run in." },
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

struct RuleEntry {
    code: &'static str,
    descriptor: Value,
}

/// Every registered rule, in code order, then any code a finding has that the registry does
/// not know (so that every result still has a valid `ruleIndex`).
fn rule_table(diagnostics: &[Diagnostic]) -> Vec<RuleEntry> {
    let mut rules: Vec<RuleEntry> = RULES
        .iter()
        .map(|rule| {
            let markdown = rule.doc_markdown();
            RuleEntry {
                code: rule.code,
                descriptor: json!({
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": { "text": rule.summary },
                    "fullDescription": { "text": unwrap_lines(&rule.doc().rationale) },
                    "help": { "text": markdown, "markdown": markdown },
                    "defaultConfiguration": { "level": level(rule.default) },
                }),
            }
        })
        .collect();
    for d in diagnostics {
        if !rules.iter().any(|r| r.code == d.code) {
            rules.push(RuleEntry {
                code: d.code,
                descriptor: json!({ "id": d.code, "name": d.rule }),
            });
        }
    }
    rules
}

fn result(
    report: &LintReport,
    d: &Diagnostic,
    rules: &[RuleEntry],
    seen: &mut HashMap<u64, usize>,
) -> Value {
    let index = rules.iter().position(|r| r.code == d.code).unwrap_or(0);
    let line = report
        .file(&d.path)
        .map_or("", |f| f.line_text(d.start.line))
        .trim();
    // Two names that differ only in bytes that are not UTF-8 are different files.
    let path = path_bytes(&d.path).unwrap_or_else(|| slash_path(&d.path));
    // Identical findings on identical lines (a copied goal) are told apart by their order.
    let key = fnv1a(&[d.code, &path, line]);
    let count = seen.entry(key).or_insert(0);
    let occurrence = *count;
    *count += 1;
    let fingerprint = fnv1a(&[d.code, &path, line, &occurrence.to_string()]);
    // A rule that got its span backwards still yields a valid region.
    let end = d.end.max(d.start);
    json!({
        "ruleId": d.code,
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": message_with_help(d) },
        "locations": [{ "physicalLocation": {
            "artifactLocation": artifact_location(&d.path),
            "region": {
                "startLine": d.start.line,
                "startColumn": d.start.column,
                "endLine": end.line,
                "endColumn": end.column,
            },
        }}],
        "partialFingerprints": { FINGERPRINT_KEY: format!("{fingerprint:016x}") },
    })
}

/// Joins the hard-wrapped lines of each paragraph: `fullDescription` is plain text, which
/// viewers wrap themselves.
fn unwrap_lines(markdown: &str) -> String {
    let paragraphs: Vec<String> = markdown
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect();
    paragraphs.join("\n\n")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path is a URI reference against `%SRCROOT%`; an absolute one (the user named it
/// so) becomes a `file:` URI of its own. The URI is made from the name's bytes, so a name
/// that is not valid UTF-8 is carried exactly (`caf%E9.md`), not as U+FFFD.
fn artifact_location(path: &Path) -> Value {
    let raw = path.as_os_str().as_encoded_bytes();
    let slashed: Vec<u8> = if std::path::MAIN_SEPARATOR == '\\' {
        raw.iter()
            .map(|&b| if b == b'\\' { b'/' } else { b })
            .collect()
    } else {
        raw.to_vec()
    };
    if path.is_absolute() {
        let rooted = if slashed.starts_with(b"/") {
            slashed
        } else {
            [b"/".as_slice(), &slashed].concat()
        };
        json!({ "uri": format!("file://{}", percent_encode(&rooted)) })
    } else {
        let mut relative = slashed.as_slice();
        while let Some(rest) = relative.strip_prefix(b"./") {
            relative = rest;
        }
        json!({ "uri": percent_encode(relative), "uriBaseId": SRCROOT })
    }
}

/// Percent-encodes everything but unreserved characters and `/`, so spaces, non-ASCII names and
/// a `:` that would read as a URI scheme stay a valid relative reference.
fn percent_encode(path: &[u8]) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// 64-bit FNV-1a over the parts, each followed by a NUL so that `("ab", "c")` and `("a", "bc")`
/// differ. Hand-written because the hash must never change with a dependency's version.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}
