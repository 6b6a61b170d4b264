//! Inline suppressions.
//!
//! Markdown: `<!-- growth-disable-next-line GR101 -- reason -->` and
//! `<!-- growth-disable-file GR204 -->`; YAML (plans and goal blocks): `# growth-disable-next-line
//! GR101`. Rules are named by code or name, several separated by spaces or commas; text after
//! ` -- ` is the reason. A directive that names no known rule, or that suppresses nothing, is
//! reported (GR007), so stale suppressions do not pile up.

use std::cell::Cell;
use std::collections::HashMap;

use crate::source::{SourceFile, Span};

use super::registry;

const NEXT_LINE: &str = "growth-disable-next-line";
const FILE: &str = "growth-disable-file";

/// One rule named in one directive.
#[derive(Debug)]
pub struct Suppression {
    pub code: &'static str,
    /// The rule's name as written in the directive.
    pub span: Span,
    /// The line it applies to; `None` for the whole file.
    pub line: Option<usize>,
    pub used: Cell<bool>,
}

/// A name in a directive that is not a rule.
#[derive(Debug, PartialEq, Eq)]
pub struct UnknownRule {
    pub name: String,
    pub span: Span,
}

/// Finds every directive in a file.
pub fn scan(file: &SourceFile) -> (Vec<Suppression>, Vec<UnknownRule>) {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    let text = file.text();
    if !text.contains("growth-disable-") {
        return (found, unknown);
    }
    for line_no in 1..=file.line_count() {
        let line = file.line_text(line_no);
        let Some(at) = line.find("growth-disable-") else {
            continue;
        };
        let before = line[..at].trim_end();
        if !(before.ends_with("<!--") || before.ends_with('#')) {
            continue;
        }
        let rest = &line[at..];
        let (target, directive_len) = if rest.starts_with(NEXT_LINE) {
            (Some(line_no + 1), NEXT_LINE.len())
        } else if rest.starts_with(FILE) {
            (None, FILE.len())
        } else {
            continue;
        };
        let body_start = at + directive_len;
        let mut body = &line[body_start..];
        for end in [" --", "-->"] {
            if let Some(i) = body.find(end) {
                body = &body[..i];
            }
        }
        let base = file.line_start(line_no) + body_start;
        for (offset, name) in words(body) {
            let span = Span::new(base + offset, base + offset + name.len());
            match registry::find(name) {
                Some(rule) => found.push(Suppression {
                    code: rule.code,
                    span,
                    line: target,
                    used: Cell::new(false),
                }),
                None => unknown.push(UnknownRule {
                    name: name.to_string(),
                    span,
                }),
            }
        }
    }
    (found, unknown)
}

/// The words of a directive body with their byte offsets.
fn words(body: &str) -> impl Iterator<Item = (usize, &str)> {
    body.split([' ', ',', '\t'])
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The suppressions of a file by rule and line, so that checking a finding costs the same
/// however many directives the file has.
pub struct Index<'a> {
    by_target: HashMap<(&'static str, Option<usize>), Vec<&'a Suppression>>,
}

impl<'a> Index<'a> {
    pub fn new(suppressions: &'a [Suppression]) -> Index<'a> {
        let mut by_target: HashMap<_, Vec<&Suppression>> = HashMap::new();
        for s in suppressions {
            by_target.entry((s.code, s.line)).or_default().push(s);
        }
        Index { by_target }
    }

    /// Whether a finding of `code` on `line` is suppressed; marks every directive that
    /// hides it used.
    pub fn suppressed(&self, code: &'static str, line: usize) -> bool {
        let mut hit = false;
        for key in [(code, Some(line)), (code, None)] {
            for s in self.by_target.get(&key).into_iter().flatten() {
                s.used.set(true);
                hit = true;
            }
        }
        hit
    }
}
