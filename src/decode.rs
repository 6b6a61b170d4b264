//! Turning YAML nodes into typed values, collecting every problem on the way.
//!
//! Shared by the plan readers (front matter, goal blocks, YAML plans), the config and the
//! ladder, so that all of them word their messages the same way and all of them suggest the
//! nearest known key.

use chrono::NaiveDate;

use crate::problem::{Problem, ProblemKind};
use crate::source::{Span, Spanned};
use crate::yaml::{Key, Node, Value};

/// Collects problems while decoding one file.
#[derive(Debug, Default)]
pub struct Decoder {
    pub problems: Vec<Problem>,
}

/// The entries of a mapping whose keys have been checked against the known ones.
pub struct Fields<'n> {
    entries: &'n [(Key, Node)],
    /// Where the mapping starts: missing keys are reported here.
    pub span: Span,
}

impl<'n> Fields<'n> {
    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
    }

    /// Every entry, known keys and unknown ones, in the order written.
    pub fn entries(&self) -> impl Iterator<Item = (&'n Key, &'n Node)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Decoder {
    pub fn report(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    fn wrong_type(&mut self, node: &Node, expected: &str) {
        self.report(Problem::new(
            ProblemKind::WrongType,
            node.span,
            format!("expected {expected}, found {}", node.value.kind()),
        ));
    }

    /// The entries of a mapping, with unknown keys reported (with a "did you mean"). `what`
    /// names the mapping in messages ("goal", "front matter"). `Null` is an empty mapping.
    pub fn fields<'n>(&mut self, node: &'n Node, what: &str, known: &[&str]) -> Option<Fields<'n>> {
        let entries: &[(Key, Node)] = match &node.value {
            Value::Map(entries) => entries,
            Value::Null => &[],
            _ => {
                self.wrong_type(node, &format!("a mapping of {what} keys"));
                return None;
            }
        };
        for (key, value) in entries {
            if !known.contains(&key.name.as_str()) {
                let mut problem = Problem::new(
                    ProblemKind::UnknownField,
                    key.span,
                    format!("unknown {what} key `{}`", key.name),
                );
                // `{ note: a, b }` reads `b` as a key: the classic flow-mapping comma.
                let comma = key.flow && value.value == Value::Null;
                problem.replacement = suggest(&key.name, known).map(str::to_string);
                problem.help = did_you_mean(&key.name, known).or_else(|| {
                    Some(if comma {
                        "a comma inside `{ … }` starts a new key; put text with commas in quotes"
                            .to_string()
                    } else {
                        format!("known keys: {}", known.join(", "))
                    })
                });
                self.report(problem);
            }
        }
        Some(Fields {
            entries,
            span: node.span,
        })
    }

    /// The entries of a mapping whose keys are names the caller checks itself (rule codes,
    /// repository names). Anything but a mapping or an empty value is reported as `message`.
    pub fn named_entries<'n>(&mut self, node: &'n Node, message: &str) -> &'n [(Key, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            Value::Null => &[],
            _ => {
                self.report(Problem::new(ProblemKind::WrongType, node.span, message));
                &[]
            }
        }
    }

    /// Text: strings, and numbers as written (`target: 25`).
    pub fn text(&mut self, node: &Node) -> Option<Spanned<String>> {
        let text = match &node.value {
            Value::Str(s) => s.trim().to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Null => return None,
            _ => {
                self.wrong_type(node, "text");
                return None;
            }
        };
        (!text.is_empty()).then(|| Spanned::new(text, node.span))
    }

    /// A list of texts; a single text is taken as a list of one.
    pub fn text_list(&mut self, node: &Node) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Seq(items) => items.iter().filter_map(|n| self.text(n)).collect(),
            _ => self.text(node).into_iter().collect(),
        }
    }

    /// An ISO date. Unquoted YAML dates arrive as text.
    pub fn date(&mut self, node: &Node) -> Option<Spanned<NaiveDate>> {
        match &node.value {
            Value::Str(s) => match parse_date(s.trim()) {
                Ok(date) => Some(Spanned::new(date, node.span)),
                Err(message) => {
                    self.report(
                        Problem::new(ProblemKind::InvalidDate, node.span, message)
                            .with_help("write dates as YYYY-MM-DD, e.g. 2026-06-30"),
                    );
                    None
                }
            },
            Value::Null => None,
            _ => {
                self.wrong_type(node, "a date (YYYY-MM-DD)");
                None
            }
        }
    }

    /// A whole number ≥ 0.
    pub fn count(&mut self, node: &Node) -> Option<Spanned<u32>> {
        match &node.value {
            Value::Int(i) if (0..=i64::from(u32::MAX)).contains(i) => {
                Some(Spanned::new(*i as u32, node.span))
            }
            _ => {
                self.wrong_type(node, "a whole number of 0 or more");
                None
            }
        }
    }

    /// One of a fixed set of words, e.g. a goal's `status`.
    pub fn choice<T: Copy>(&mut self, node: &Node, choices: &[(&str, T)]) -> Option<Spanned<T>> {
        let text = self.text(node)?;
        let lower = text.value.to_ascii_lowercase();
        if let Some((_, v)) = choices.iter().find(|(name, _)| *name == lower) {
            return Some(Spanned::new(*v, text.span));
        }
        let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        let mut problem = Problem::new(
            ProblemKind::WrongType,
            node.span,
            format!("`{}` is not one of {}", text.value, names.join(", ")),
        );
        problem.help = did_you_mean(&lower, &names);
        self.report(problem);
        None
    }

    /// The items of a list (a `Null` is an empty list).
    pub fn list<'n>(&mut self, node: &'n Node, what: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            _ => {
                self.wrong_type(node, &format!("a list of {what}"));
                &[]
            }
        }
    }

    /// Reports a missing required key at `span`.
    pub fn missing(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) {
        self.report(Problem::new(ProblemKind::MissingField, span, message).with_help(help));
    }
}

/// Parses a strict ISO `YYYY-MM-DD` date, explaining what is wrong when it is not one.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4) as i32, num(5..7), num(8..10));
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        if !(1..=12).contains(&month) {
            format!("`{s}` is not a real date: there is no month {month}")
        } else {
            format!("`{s}` is not a real date: that month has no day {day}")
        }
    })
}

/// The known name nearest to `name`, if one is near enough to be a likely typo.
pub fn suggest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= (k.len().max(lower.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// "did you mean `x`?" for the nearest known name, if one is near enough.
pub fn did_you_mean(name: &str, known: &[&str]) -> Option<String> {
    suggest(name, known).map(|s| format!("did you mean `{s}`?"))
}

/// A stable id made from a title: lowercase ASCII letters and digits joined by dashes.
pub fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_and_explained() {
        assert_eq!(
            parse_date("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert!(parse_date("2026-02-30").unwrap_err().contains("no day 30"));
        assert!(parse_date("2026-13-01")
            .unwrap_err()
            .contains("no month 13"));
        assert!(parse_date("2026-2-3").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("01/02/2026").is_err());
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let known = ["measure", "target", "baseline", "due"];
        assert_eq!(suggest("mesure", &known), Some("measure"));
        assert_eq!(suggest("Target", &known), Some("target"));
        assert_eq!(suggest("deadline", &known), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Solve production issues on my own"),
            "solve-production-issues-on-my-own"
        );
        assert_eq!(slug("  Ship v2.0 — the API! "), "ship-v2-0-the-api");
    }
}
