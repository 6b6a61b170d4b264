//! A team's own wording rules, written in `growth.yaml` instead of code (as Vale styles are).
//!
//! ```yaml
//! wording:
//!   - code: GW001
//!     name: no-synergy
//!     phrase: synergy
//!     message: say what the two teams will build together
//!     suggest: [joint project]
//!     fields: [title, measure]
//! ```
//!
//! Each entry is a rule of the `GW` family: its code and name go wherever a built-in rule's
//! do (`rules:` levels, suppression comments, every output format), and a finding names the
//! words that matched. A `phrase` matches whole words, case-insensitively, with any run of
//! spaces between them; a `regex` is taken as written (`(?i)` for case-insensitive). With
//! exactly one suggestion the finding carries a fix that `lint --fix` applies.

use std::collections::BTreeSet;
use std::sync::Mutex;

use regex::{Regex, RegexBuilder};

use crate::decode::{did_you_mean, Decoder};
use crate::plan::Plan;
use crate::problem::{Problem, ProblemKind};
use crate::severity::Severity;
use crate::source::{SourceFile, Span, Spanned};
use crate::yaml::{Node, Value};

use super::rule::Finding;

/// Keys of one `wording:` entry.
pub const KEYS: &[&str] = &[
    "code", "name", "phrase", "regex", "message", "severity", "suggest", "fields",
];

/// The fields a wording rule can read, as written in `fields:`.
pub const FIELDS: &[&str] = &["title", "measure", "action", "checkin"];

/// A compiled regex may use this much memory: a pattern is config, not a way to exhaust the
/// machine that lints.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// One plan field a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Measure,
    Action,
    Checkin,
}

impl Field {
    fn parse(name: &str) -> Option<Field> {
        match name {
            "title" => Some(Field::Title),
            "measure" => Some(Field::Measure),
            "action" => Some(Field::Action),
            "checkin" | "check-in" => Some(Field::Checkin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        FIELDS[self as usize]
    }
}

/// One team-defined wording rule.
#[derive(Debug, Clone)]
pub struct WordingRule {
    /// `GW` and three digits.
    pub code: &'static str,
    /// Kebab-case; the code in lower case when none is given.
    pub name: &'static str,
    /// The phrase or regex as written, for `growth explain` and `growth rules`.
    pub pattern: String,
    regex: Regex,
    pub message: String,
    pub severity: Severity,
    pub suggest: Vec<String>,
    /// The fields it reads, in field order.
    pub fields: Vec<Field>,
}

impl WordingRule {
    /// What `growth explain` says of it: the same shape as a built-in rule's explanation,
    /// from its entry in the config (`defined_in`, when known, is named at the end).
    pub fn explanation(&self, defined_in: Option<&std::path::Path>) -> String {
        let fields: Vec<&str> = self.fields.iter().map(|f| f.as_str()).collect();
        let mut out = format!(
            "{} {} (default: {})\n\nFires when: {} matches in the {} of an open goal.\n\n{}\n",
            self.code,
            self.name,
            self.severity,
            self.pattern,
            fields.join(", "),
            self.message
        );
        if !self.suggest.is_empty() {
            let quoted: Vec<String> = self.suggest.iter().map(|s| format!("\"{s}\"")).collect();
            out.push_str(&format!("\nSuggested instead: {}.\n", quoted.join(", ")));
        }
        if let Some(path) = defined_in {
            out.push_str(&format!(
                "\nA wording rule of this repository, defined under `wording:` in {}.\n",
                path.display()
            ));
        }
        out
    }

    /// The one-line summary `growth rules` shows.
    pub fn summary(&self) -> String {
        let fields: Vec<&str> = self.fields.iter().map(|f| f.as_str()).collect();
        format!(
            "{} (matches {} in {})",
            self.message,
            self.pattern,
            fields.join(", ")
        )
    }
}

/// The `wording:` rules of a config, in the order written.
#[derive(Debug, Clone, Default)]
pub struct Wording {
    pub rules: Vec<WordingRule>,
}

impl Wording {
    /// The rule with this code (any case) or name.
    pub fn find(&self, name: &str) -> Option<&WordingRule> {
        self.rules
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(name) || r.name == name)
    }
}

impl WordingRule {
    /// Every match in the fields it reads of the open goals, with its finding.
    pub fn check(&self, plan: &Plan, file: &SourceFile) -> Vec<Finding> {
        let mut out = Vec::new();
        for goal in plan.open_goals() {
            for field in &self.fields {
                let texts: Vec<&Spanned<String>> = match field {
                    Field::Title => vec![&goal.title],
                    Field::Measure => goal.measure.iter().collect(),
                    Field::Action => goal.actions.iter().map(|a| &a.text).collect(),
                    Field::Checkin => goal
                        .checkins
                        .iter()
                        .filter_map(|c| c.note.as_ref())
                        .collect(),
                };
                for text in texts {
                    matches(self, *field, text, file, &mut out);
                }
            }
        }
        out
    }
}

fn matches(
    rule: &WordingRule,
    field: Field,
    text: &Spanned<String>,
    file: &SourceFile,
    out: &mut Vec<Finding>,
) {
    // The value sits in the file as written unless it was quoted, escaped or folded; then a
    // match is pointed at the whole value and no fix is offered.
    let written = file
        .text()
        .get(text.span.start..text.span.end)
        .unwrap_or("");
    let base = written
        .find(text.value.as_str())
        .map(|i| text.span.start + i);
    for m in rule.regex.find_iter(&text.value) {
        if m.as_str().is_empty() {
            continue;
        }
        let span = match base {
            Some(b) => Span::new(b + m.start(), b + m.end()),
            None => text.span,
        };
        let mut finding = Finding::new(
            span,
            format!(
                "{} (\"{}\" in the {})",
                rule.message,
                m.as_str(),
                field.as_str()
            ),
        );
        if !rule.suggest.is_empty() {
            let quoted: Vec<String> = rule.suggest.iter().map(|s| format!("\"{s}\"")).collect();
            finding = finding.help(format!("try {}", quoted.join(" or ")));
        }
        if let ([only], Some(_)) = (rule.suggest.as_slice(), base) {
            finding = finding.fix(only.clone());
            // `fix` keeps the help it was given; the fix replaces just the matched words.
        }
        out.push(finding);
    }
}

/// Reads `wording:`; every problem goes to `dec`, and only valid entries are kept.
/// `taken` are the names and codes already in use (the built-in rules').
pub fn read(dec: &mut Decoder, node: &Node, taken: &[&str]) -> Wording {
    let mut wording = Wording::default();
    let items = match &node.value {
        Value::Seq(items) => items.as_slice(),
        Value::Null => return wording,
        _ => {
            dec.report(Problem::new(
                ProblemKind::WrongType,
                node.span,
                "`wording` is a list of rules, each with a code, a phrase or regex and a message",
            ));
            return wording;
        }
    };
    for item in items {
        if let Some(rule) = read_rule(dec, item) {
            let clash = taken
                .iter()
                .copied()
                .chain(wording.rules.iter().flat_map(|r| [r.code, r.name]))
                .find(|t| t.eq_ignore_ascii_case(rule.code) || *t == rule.name);
            match clash {
                Some(t) => dec.report(Problem::new(
                    ProblemKind::DuplicateKey,
                    item.span,
                    format!(
                        "`{t}` is already a rule's code or name; each wording rule needs its own"
                    ),
                )),
                None => wording.rules.push(rule),
            }
        }
    }
    wording
}

fn read_rule(dec: &mut Decoder, node: &Node) -> Option<WordingRule> {
    let fields = dec.fields(node, "wording rule", KEYS)?;
    let before = dec.problems.len();
    let code = fields.get("code").and_then(|n| dec.text(n));
    let code = match code {
        Some(c) if is_code(&c.value) => Some(c.value.to_ascii_uppercase()),
        Some(c) => {
            dec.report(
                Problem::new(
                    ProblemKind::WrongType,
                    c.span,
                    format!("`{}` is not a wording rule code", c.value),
                )
                .with_help("wording rule codes are GW and three digits, e.g. GW001"),
            );
            None
        }
        None => {
            dec.missing(
                fields.span,
                "a wording rule needs a `code`",
                "e.g. `code: GW001`",
            );
            None
        }
    };
    let name = match fields.get("name").and_then(|n| dec.text(n)) {
        Some(n) if is_name(&n.value) => Some(n.value),
        Some(n) => {
            dec.report(
                Problem::new(
                    ProblemKind::WrongType,
                    n.span,
                    format!("`{}` is not a rule name", n.value),
                )
                .with_help("names are kebab-case: lower-case letters, digits and dashes"),
            );
            None
        }
        None => code.as_ref().map(|c| c.to_ascii_lowercase()),
    };
    let message = fields.get("message").and_then(|n| dec.text(n));
    if message.is_none() {
        dec.missing(
            fields.span,
            "a wording rule needs a `message`",
            "say what to write instead, e.g. `message: name the outcome, not the activity`",
        );
    }
    let regex = pattern(dec, &fields);
    let severity = fields
        .get("severity")
        .and_then(|n| dec.choice(n, SEVERITIES))
        .map_or(Severity::Warning, |s| s.value);
    let suggest = fields
        .get("suggest")
        .map(|n| dec.text_list(n).into_iter().map(|s| s.value).collect())
        .unwrap_or_default();
    let fields = match fields.get("fields") {
        Some(node) => read_fields(dec, node),
        None => vec![Field::Title, Field::Measure, Field::Action, Field::Checkin],
    };
    if dec.problems.len() != before {
        return None;
    }
    let (pattern, regex) = regex?;
    Some(WordingRule {
        code: intern(&code?),
        name: intern(&name?),
        pattern,
        regex,
        message: message?.value,
        severity,
        suggest,
        fields,
    })
}

/// The entry's `phrase` or `regex` (exactly one), compiled.
fn pattern(dec: &mut Decoder, fields: &crate::decode::Fields) -> Option<(String, Regex)> {
    let phrase = fields.get("phrase").and_then(|n| dec.text(n));
    let regex = fields.get("regex").and_then(|n| dec.text(n));
    let (written, source, span) = match (phrase, regex) {
        (Some(p), None) => (format!("\"{}\"", p.value), phrase_regex(&p.value), p.span),
        (None, Some(r)) => (format!("/{}/", r.value), r.value.clone(), r.span),
        (Some(_), Some(r)) => {
            dec.report(Problem::new(
                ProblemKind::WrongType,
                r.span,
                "a wording rule has a `phrase` or a `regex`, not both",
            ));
            return None;
        }
        (None, None) => {
            dec.missing(
                fields.span,
                "a wording rule needs a `phrase` or a `regex`",
                "e.g. `phrase: touch base`",
            );
            return None;
        }
    };
    match RegexBuilder::new(&source)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
    {
        Ok(regex) => Some((written, regex)),
        Err(err) => {
            // The regex crate's message spans several lines with a caret under the error;
            // its last line is the reason.
            let reason = err.to_string();
            let reason = reason.lines().last().unwrap_or("").trim().to_string();
            dec.report(Problem::new(
                ProblemKind::WrongType,
                span,
                format!("not a valid regex: {reason}"),
            ));
            None
        }
    }
}

/// A phrase as a regex: whole words, any case, any run of spaces between words.
fn phrase_regex(phrase: &str) -> String {
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if word_char(phrase.trim().chars().next()) {
        r"\b"
    } else {
        ""
    };
    let end = if word_char(phrase.trim().chars().last()) {
        r"\b"
    } else {
        ""
    };
    format!("(?i){start}{}{end}", words.join(r"\s+"))
}

fn read_fields(dec: &mut Decoder, node: &Node) -> Vec<Field> {
    let mut out = BTreeSet::new();
    for name in dec.text_list(node) {
        match Field::parse(&name.value) {
            Some(field) => {
                out.insert(field);
            }
            None => {
                let mut p = Problem::new(
                    ProblemKind::WrongType,
                    name.span,
                    format!("`{}` is not a field wording rules read", name.value),
                );
                p.help = did_you_mean(&name.value, FIELDS)
                    .or_else(|| Some(format!("the fields are {}", FIELDS.join(", "))));
                dec.report(p);
            }
        }
    }
    out.into_iter().collect()
}

const SEVERITIES: &[(&str, Severity)] = &[
    ("error", Severity::Error),
    ("warning", Severity::Warning),
    ("info", Severity::Info),
];

fn is_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5 && b[..2].eq_ignore_ascii_case(b"GW") && b[2..].iter().all(u8::is_ascii_digit)
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A code or name as a `&'static str`, as every diagnostic carries one. Each distinct text is
/// kept once, so memory grows with the rules a config defines, not with how often it is read.
fn intern(s: &str) -> &'static str {
    static SEEN: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_matches_whole_words_in_any_case_and_spacing() {
        let re = Regex::new(&phrase_regex("touch base")).unwrap();
        assert!(re.is_match("Touch  Base with the team"));
        assert!(!re.is_match("touch basement"));
        let re = Regex::new(&phrase_regex("C++")).unwrap();
        assert!(re.is_match("learn C++ well"));
    }

    #[test]
    fn codes_and_names_are_checked() {
        assert!(is_code("GW001") && is_code("gw123"));
        assert!(!is_code("GR001") && !is_code("GW1") && !is_code("GW0001"));
        assert!(is_name("no-synergy") && !is_name("No Synergy") && !is_name("-x"));
    }

    #[test]
    fn interning_keeps_one_copy() {
        let a = intern("GW042");
        let b = intern(&String::from("GW042"));
        assert!(std::ptr::eq(a, b));
    }
}
