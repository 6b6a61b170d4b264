//! Inline suppressions.
//!
//! Markdown: `<!-- growth-disable-next-line GR101 -- reason -->` and
//! `<!-- growth-disable-file GR204 -->`; YAML (plans and goal blocks): `# growth-disable-next-line
//! GR101`. Rules are named by code or name, several separated by spaces or commas; text after
//! ` -- ` is the reason. A directive that names no known rule, or that suppresses nothing, is
//! reported (GR007), so stale suppressions do not pile up; so is a comment that looks like a
//! directive but is not one (`growth-disable-nextline`, `growth-ignore`), which would
//! otherwise hide nothing without a word.

use std::cell::Cell;
use std::collections::HashMap;

use crate::source::{SourceFile, Span};

use super::registry;
use super::wording::Wording;

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

/// A comment that reads like a directive but is not one, e.g. `growth-disable-nextline`.
#[derive(Debug, PartialEq, Eq)]
pub struct Misspelt {
    pub written: String,
    /// The directive it most likely means.
    pub meant: &'static str,
    pub span: Span,
}

/// What a file's comments say about suppressing findings.
#[derive(Debug, Default)]
pub struct Scan {
    pub suppressions: Vec<Suppression>,
    pub unknown: Vec<UnknownRule>,
    pub misspelt: Vec<Misspelt>,
}

/// Words that make a `growth-…` comment an attempt at a directive, not prose about growth.
const INTENT: &[&str] = &["disable", "ignore", "skip", "suppress", "noqa", "nolint"];

/// Finds every directive in a file. Rules are named as built-in rules or as the config's
/// wording rules.
pub fn scan(file: &SourceFile, wording: &Wording) -> Scan {
    let mut out = Scan::default();
    let text = file.text();
    if !text
        .as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"growth"))
    {
        return out;
    }
    for line_no in 1..=file.line_count() {
        let line = file.line_text(line_no);
        if let Some(m) = misspelt(line, file.line_start(line_no)) {
            out.misspelt.push(m);
            continue;
        }
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
            let code = registry::find(name)
                .map(|r| r.code)
                .or_else(|| wording.find(name).map(|r| r.code));
            match code {
                Some(code) => out.suppressions.push(Suppression {
                    code,
                    span,
                    line: target,
                    used: Cell::new(false),
                }),
                None => out.unknown.push(UnknownRule {
                    name: name.to_string(),
                    span,
                }),
            }
        }
    }
    out
}

/// The first comment on a line whose first word is a `growth-…` word meant as a directive but
/// not one of the two there are.
fn misspelt(line: &str, line_start: usize) -> Option<Misspelt> {
    let opens = line
        .match_indices("<!--")
        .map(|(i, m)| i + m.len())
        .chain(line.match_indices('#').map(|(i, _)| i + 1));
    for after in opens {
        let rest = &line[after..];
        let word_at = after + (rest.len() - rest.trim_start().len());
        let word: &str = line[word_at..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("")
            .trim_end_matches("-->");
        let lower = word.to_ascii_lowercase();
        let Some(tail) = lower
            .strip_prefix("growth")
            .and_then(|t| t.strip_prefix(['-', '_', ':', '.']))
        else {
            continue;
        };
        if word == NEXT_LINE || word == FILE || !INTENT.iter().any(|w| tail.contains(w)) {
            continue;
        }
        let meant = if tail.contains("file") || tail.contains("all") {
            FILE
        } else {
            NEXT_LINE
        };
        return Some(Misspelt {
            written: word.to_string(),
            meant,
            span: Span::new(line_start + word_at, line_start + word_at + word.len()),
        });
    }
    None
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
