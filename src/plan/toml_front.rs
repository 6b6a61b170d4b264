//! TOML front matter (`+++ … +++`, as Hugo writes it), read into the same spanned tree as
//! YAML front matter, so every key, check and message is the same; only the syntax differs.
//! Dates (TOML's own, or strings) arrive as text, as unquoted YAML dates do.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::decode::Decoder;
use crate::problem::{Problem, ProblemKind};
use crate::source::Span;
use crate::yaml::{Key, Node, Value};

/// The tree of `file_text[base..end]`, or a problem at the place TOML says is wrong.
pub fn parse(dec: &mut Decoder, file_text: &str, base: usize, end: usize) -> Option<Node> {
    match DeTable::parse(&file_text[base..end]) {
        Ok(table) => {
            let span = to_span(base, table.span());
            let entries = entries(base, table.into_inner());
            Some(Node {
                value: Value::Map(entries),
                span,
            })
        }
        Err(err) => {
            let at = err.span().map_or(base, |r| base + r.start);
            let message = err
                .message()
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            dec.report(
                Problem::new(
                    ProblemKind::Syntax,
                    Span::at(at),
                    format!("the front matter is not valid TOML: {message}"),
                )
                .with_help("TOML front matter is `key = value` lines between `+++` lines, e.g. `owner = \"Jane Doe\"`"),
            );
            None
        }
    }
}

fn to_span(base: usize, r: std::ops::Range<usize>) -> Span {
    Span::new(base + r.start, base + r.end)
}

fn entries(base: usize, table: DeTable) -> Vec<(Key, Node)> {
    table
        .into_iter()
        .map(|(k, v)| {
            (
                Key::new(k.get_ref().to_string(), to_span(base, k.span())),
                node(base, v),
            )
        })
        .collect()
}

fn node(base: usize, value: Spanned<DeValue>) -> Node {
    let span = to_span(base, value.span());
    let value = match value.into_inner() {
        DeValue::String(s) => Value::Str(s.into_owned()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map_or_else(|_| Value::Str(i.as_str().to_string()), Value::Int),
        DeValue::Float(f) => f
            .as_str()
            .parse::<f64>()
            .map_or_else(|_| Value::Str(f.as_str().to_string()), Value::Float),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Str(d.to_string()),
        DeValue::Array(items) => Value::Seq(items.iter().cloned().map(|v| node(base, v)).collect()),
        DeValue::Table(t) => Value::Map(entries(base, t)),
    };
    Node { value, span }
}

/// When the text (after its byte order mark) opens with a `+++` line: the plan header read
/// from the TOML up to the next `+++` line, and where the body starts.
pub fn read(dec: &mut Decoder, text: &str, bom: usize) -> Option<(super::Plan, usize)> {
    use super::fields::{empty_plan, read_header};
    let is_fence = |at: usize| {
        text[at..]
            .lines()
            .next()
            .is_some_and(|l| l.trim_end() == "+++")
    };
    if !is_fence(bom) {
        return None;
    }
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    let start = line_end(bom);
    let mut at = start;
    while at < text.len() {
        if is_fence(at) {
            let mut plan = empty_plan(super::PlanFormat::Markdown, Span::new(bom, bom + 3));
            if let Some(node) = parse(dec, text, start, at) {
                if let Some(fields) = dec.fields(&node, "front matter", super::FRONT_MATTER_KEYS) {
                    read_header(dec, &fields, &mut plan);
                }
            }
            return Some((plan, line_end(at)));
        }
        at = line_end(at);
    }
    let top = Span::new(bom, bom + 3);
    dec.report(
        Problem::new(ProblemKind::Syntax, top, "the front matter is never closed")
            .with_help("end TOML front matter with a line of three plus signs: `+++`"),
    );
    Some((empty_plan(super::PlanFormat::Markdown, top), text.len()))
}
