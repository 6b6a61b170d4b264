//! A YAML document as a tree of nodes that each know their byte span.
//!
//! The plan, config and ladder decoders walk this tree by hand instead of deriving
//! `Deserialize`: a linter must report *every* unknown key and wrong type with its line and
//! column and carry on, where serde stops at the first error. serde-saphyr supplies the spans
//! and enforces budgets (nesting depth, alias expansion, event counts), so alias bombs and
//! deeply nested input fail fast with a message instead of hanging.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned as SaphyrSpanned;

use crate::source::Span;

/// A YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

/// A value with its span, relative to the start of the parsed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

/// A mapping key with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

impl Value {
    /// What a user would call this kind of value, for "expected a date, found a list".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    pub fn offset(mut self, base: usize) -> Node {
        self.shift(base);
        self
    }

    fn shift(&mut self, base: usize) {
        self.span = self.span.offset(base);
        match &mut self.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| n.shift(base)),
            Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                k.span = k.span.offset(base);
                v.shift(base);
            }),
            _ => {}
        }
    }
}

/// A YAML syntax or budget error, at a byte offset of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub offset: usize,
}

/// Limits for plan-sized documents: far above any real plan, far below what hurts.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_events: 200_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 100_000,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_replay_stack_depth: 16,
        },
        strict_booleans: true,
    }
}

/// Parses one YAML document. An empty document is `Null`.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Null,
            span: Span::at(0),
        });
    }
    let parsed: Result<SaphyrSpanned<Value>, _> =
        serde_saphyr::from_str_with_options(text, options());
    match parsed {
        Ok(node) => Ok(from_saphyr(node)),
        Err(err) => {
            let offset = err.location().map_or(0, |l| match l.span().byte_offset() {
                Some(o) if o > 0 => (o as usize).min(text.len()),
                _ => offset_of(text, l.line() as usize, l.column() as usize),
            });
            Err(SyntaxError {
                message: clean_message(&err.without_snippet().to_string()),
                offset,
            })
        }
    }
}

/// serde-saphyr's messages end with " at line L column C"; we print positions ourselves.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let msg = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    msg.trim_end_matches(['.', ':']).to_string()
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn span_of(loc: &serde_saphyr::Location) -> Span {
    let span = loc.span();
    let start = span.byte_offset().unwrap_or(0) as usize;
    Span::new(start, start + span.byte_len().unwrap_or(0) as usize)
}

fn from_saphyr(node: SaphyrSpanned<Value>) -> Node {
    Node {
        span: span_of(&node.referenced),
        value: node.value,
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Float(v as f64))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Float(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<SaphyrSpanned<Value>>()? {
            items.push(from_saphyr(item));
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<SaphyrSpanned<KeyText>>()? {
            let value = map.next_value::<SaphyrSpanned<Value>>()?;
            entries.push((
                Key {
                    span: span_of(&key.referenced),
                    name: key.value.0,
                },
                from_saphyr(value),
            ));
        }
        Ok(Value::Map(entries))
    }
}

/// A mapping key: any scalar, read as its text (`1: x` has the key "1").
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Str(s) => Ok(KeyText(s)),
            Value::Int(i) => Ok(KeyText(i.to_string())),
            Value::Float(f) => Ok(KeyText(f.to_string())),
            Value::Bool(b) => Ok(KeyText(b.to_string())),
            Value::Null => Ok(KeyText("null".into())),
            other => Err(de::Error::custom(format!(
                "a mapping key must be plain text, not {}",
                other.kind()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[(Key, Node)] {
        match &node.value {
            Value::Map(m) => m,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn keys_and_values_carry_byte_spans() {
        let text = "owner: Jane\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nn: 5\n";
        let root = parse(text).unwrap();
        let m = map(&root);
        assert_eq!(m[0].0.name, "owner");
        assert_eq!(m[0].0.span.start, 0);
        assert_eq!(m[0].1.value, Value::Str("Jane".into()));
        assert_eq!(&text[m[0].1.span.start..m[0].1.span.start + 4], "Jane");
        let period = map(&m[1].1);
        assert_eq!(period[0].1.value, Value::Str("2026-01-01".into()));
        assert_eq!(&text[period[1].0.span.start..][..3], "end");
        assert_eq!(m[2].1.value, Value::Int(5));
    }

    #[test]
    fn syntax_errors_have_offsets() {
        let err = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(err.offset > 5, "{err:?}");
        assert!(!err.message.is_empty());
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 { "a".to_string() } else { format!("b{}", i - 1) };
            bomb.push_str(&format!(
                "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(parse(&bomb).is_err());
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep).is_err());
    }
}
