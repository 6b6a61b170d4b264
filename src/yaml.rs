//! A YAML document as a tree of nodes that each know their byte span.
//!
//! The plan, config and ladder decoders walk this tree by hand instead of deriving
//! `Deserialize`: a linter must report *every* unknown key and wrong type with its line and
//! column and carry on, where serde stops at the first error. The tree is built straight from
//! granit-parser's event stream (a maintained, panic-free, fuzzed YAML 1.2 parser), which keeps
//! the byte span of every node and costs less than half of going through a serde layer.
//!
//! Limits keep hostile input cheap: nesting deeper than [`MAX_DEPTH`], alias expansion beyond
//! [`MAX_ALIAS_NODES`] (the "billion laughs") and more than one document are errors.

mod explain;
pub mod memo;

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError, StructureStyle};

use crate::source::Span;

/// Deepest nesting of collections accepted; real plans use three or four levels.
pub const MAX_DEPTH: usize = 64;
/// Most nodes that aliases may expand to in one document.
pub const MAX_ALIAS_NODES: usize = 10_000;
/// Most duplicate keys reported for one document: a file of pasted-over keys is told about
/// without a finding for each of thousands.
pub const MAX_DUPLICATES: usize = 100;

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
    /// Whether the key is in a flow mapping (`{ a: 1, b }`).
    pub flow: bool,
    /// A second occurrence of a key in its mapping: its value is dropped when it completes.
    duplicate: bool,
}

impl Key {
    /// A key read from another format (TOML front matter): block style, first occurrence.
    pub fn new(name: impl Into<String>, span: Span) -> Key {
        Key {
            name: name.into(),
            span,
            flow: false,
            duplicate: false,
        }
    }
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

    /// The value as JSON, without spans: for validating plans against the JSON Schemas and
    /// for reading YAML test corpora into typed structs.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.name.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// The number of nodes in this tree, for the alias budget.
    fn size(&self) -> usize {
        1 + match &self.value {
            Value::Seq(items) => items.iter().map(Node::size).sum(),
            Value::Map(entries) => entries.iter().map(|(_, v)| 1 + v.size()).sum(),
            _ => 0,
        }
    }
}

/// A YAML syntax or limit error, at a byte offset of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub offset: usize,
    /// For a duplicate key: where the key first appears.
    pub first: Option<usize>,
    /// What to do about it.
    pub help: Option<&'static str>,
}

impl SyntaxError {
    fn new(message: impl Into<String>, offset: usize) -> Self {
        SyntaxError {
            message: message.into(),
            offset,
            first: None,
            help: None,
        }
    }

    /// The message for a file in which the parsed text starts at byte `base`: positions it
    /// mentions are lines of the whole file.
    pub fn describe(&self, file_text: &str, base: usize) -> String {
        match self.first {
            Some(first) => {
                let at = (base + first).min(file_text.len());
                let line = file_text.as_bytes()[..at]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                format!("{} (first on line {line})", self.message)
            }
            None => self.message.clone(),
        }
    }
}

/// Parses one YAML document. An empty document is `Null`. A key that appears twice in one
/// mapping is an error.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    match parse_keeping_duplicates(text)? {
        (node, duplicates) if duplicates.is_empty() => Ok(node),
        (_, mut duplicates) => Err(duplicates.swap_remove(0)),
    }
}

/// Parses one YAML document, reporting each key that appears twice in a mapping without
/// stopping: the first of the two is kept, so the rest of the file is still read (a plan's
/// other findings are not hidden behind one pasted line).
pub fn parse_keeping_duplicates(text: &str) -> Result<(Node, Vec<SyntaxError>), SyntaxError> {
    memo::parse(text, parse_uncached)
}

fn parse_uncached(text: &str) -> memo::Parsed {
    let mut options = granit_parser::Options::default();
    options.emit_comments = false;
    options.flow_nesting_limit = MAX_DEPTH;
    options.block_nesting_limit = MAX_DEPTH;
    let mut builder = Builder {
        text,
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        root: None,
        documents: 0,
        duplicates: Vec::new(),
    };
    for event in Parser::new_from_str_with_options(text, options) {
        let (event, span) = event.map_err(|e| scan_error(text, &e))?;
        let start = span.start.byte_offset().unwrap_or(0);
        let end = span.end.byte_offset().unwrap_or(start).max(start);
        builder.event(event, Span::new(start, end))?;
    }
    let root = builder.root.unwrap_or(Node {
        value: Value::Null,
        span: Span::at(0),
    });
    Ok((root, builder.duplicates))
}

fn scan_error(text: &str, err: &ScanError) -> SyntaxError {
    let mark = err.marker();
    let offset = mark.byte_offset().unwrap_or_else(|| {
        text.char_indices()
            .nth(mark.index())
            .map_or(text.len(), |(i, _)| i)
    });
    let message = err.info();
    let message = message
        .lines()
        .next()
        .unwrap_or("invalid YAML")
        .trim_end_matches('.');
    let mut offset = offset.min(text.len());
    // The scanner reports a stray tab where the token around it starts; the tab itself is
    // what the user has to change.
    if message.contains("tab") {
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        // Tabs are never YAML indentation, so the first line that starts with one (up to the
        // reported line) is where things went wrong; else the next tab after the report.
        let indent_tab = std::iter::once(0)
            .chain(text[..line_end].match_indices('\n').map(|(i, _)| i + 1))
            .find(|&start| text[start..].starts_with('\t'));
        if let Some(tab) = indent_tab.or_else(|| text[offset..].find('\t').map(|i| offset + i)) {
            offset = tab;
        }
    }
    // A quote that is never closed is noticed far below it, often at the end of the text;
    // the quote to add belongs to the value that opens it.
    if message.contains("quoted scalar") || message.contains("unclosed quote") {
        if let Some(open) = explain::open_quote_before(text, offset) {
            offset = open;
        }
    }
    // So is a `{` or `[` left open: point at it when it is on an earlier line. A `[` left
    // open before a `key: value` line is reported as a misplaced `:`, which it is not.
    let mut message = message;
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    for (fragment, bracket, unclosed) in [
        ("or '}'", b'{', "did not find expected ',' or '}'"),
        ("or ']'", b'[', "did not find expected ',' or ']'"),
        ("unclosed bracket '['", b'[', "unclosed bracket '['"),
        ("unclosed bracket '{'", b'{', "unclosed bracket '{'"),
        (
            "illegal placement of ':'",
            b'[',
            "did not find expected ',' or ']'",
        ),
        (
            "illegal placement of ':'",
            b'{',
            "did not find expected ',' or '}'",
        ),
    ] {
        if message.contains(fragment) {
            if let Some(open) = explain::open_bracket_before(text, offset, bracket) {
                if open < line_start {
                    offset = open;
                    message = unclosed;
                }
            }
        }
    }
    let mut err = match explain::explain(message) {
        Some(e) => {
            let mut err = SyntaxError::new(e.message, offset);
            err.help = Some(e.help);
            err
        }
        None => SyntaxError::new(message, offset),
    };
    if err.help.is_none() {
        err.help = Some("check the quotes, colons and indentation on this line and the one above");
    }
    err
}

/// A collection being built.
enum Frame {
    Seq {
        items: Vec<Node>,
        start: usize,
        anchor: usize,
    },
    Map {
        entries: Vec<(Key, Node)>,
        key: Option<Key>,
        start: usize,
        anchor: usize,
        flow: bool,
        /// Key name → where it first appears, once the mapping is too big to scan.
        seen: HashMap<String, usize>,
    },
}

struct Builder<'t> {
    text: &'t str,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    root: Option<Node>,
    documents: usize,
    duplicates: Vec<SyntaxError>,
}

impl Builder<'_> {
    fn event(&mut self, event: Event, span: Span) -> Result<(), SyntaxError> {
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    let mut err = SyntaxError::new(
                        "more than one YAML document (a second `---` line)",
                        span.start,
                    );
                    err.help = Some("a plan, config or ladder is one document: remove the second `---` line, or start a new file");
                    return Err(err);
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = match (&tag, style) {
                    (Some(tag), _) if tag.suffix() == "str" => Value::Str(text.into_owned()),
                    (_, ScalarStyle::Plain) => resolve_plain(&text),
                    _ => Value::Str(text.into_owned()),
                };
                self.complete(
                    Node {
                        value,
                        span: self.trimmed(span),
                    },
                    anchor,
                )?;
            }
            Event::SequenceStart(_, anchor, _) => {
                self.open(
                    Frame::Seq {
                        items: Vec::new(),
                        start: span.start,
                        anchor,
                    },
                    span,
                )?;
            }
            Event::MappingStart(style, anchor, _) => {
                let frame = Frame::Map {
                    entries: Vec::new(),
                    key: None,
                    start: span.start,
                    anchor,
                    flow: style == StructureStyle::Flow,
                    seen: HashMap::new(),
                };
                self.open(frame, span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (value, start, anchor) = match self.stack.pop() {
                    Some(Frame::Seq {
                        items,
                        start,
                        anchor,
                    }) => (Value::Seq(items), start, anchor),
                    Some(Frame::Map {
                        entries,
                        start,
                        anchor,
                        ..
                    }) => (Value::Map(entries), start, anchor),
                    None => return Ok(()),
                };
                let end = span.end.max(start);
                self.complete(
                    Node {
                        value,
                        span: self.trimmed(Span::new(start, end)),
                    },
                    anchor,
                )?;
            }
            Event::Alias(id) => {
                let Some(node) = self.anchors.get(&id) else {
                    return Err(SyntaxError::new(
                        "an alias to an anchor that is not defined",
                        span.start,
                    ));
                };
                self.alias_nodes += node.size();
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(SyntaxError::new(
                        format!(
                            "aliases expand to more than {MAX_ALIAS_NODES} values (an alias bomb?)"
                        ),
                        span.start,
                    ));
                }
                let mut node = node.clone();
                node.span = span;
                self.complete(node, 0)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame, span: Span) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(SyntaxError::new(
                format!("nested deeper than {MAX_DEPTH} levels"),
                span.start,
            ));
        }
        if let Some(Frame::Map { key: None, .. }) = self.stack.last() {
            return Err(SyntaxError::new(
                "a mapping key must be plain text, not a list or mapping",
                span.start,
            ));
        }
        self.stack.push(frame);
        Ok(())
    }

    /// Adds a finished node to the collection being built, or makes it the document.
    fn complete(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                flow,
                seen,
                ..
            }) => match key.take() {
                Some(k) if k.duplicate => {}
                Some(k) => entries.push((k, node)),
                None => {
                    let name = match node.value {
                        Value::Str(s) => s,
                        Value::Int(i) => i.to_string(),
                        Value::Float(f) => f.to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Null => "null".to_string(),
                        _ => {
                            return Err(SyntaxError::new(
                                "a mapping key must be plain text, not a list or mapping",
                                node.span.start,
                            ))
                        }
                    };
                    // Small mappings (all of a plan's) are scanned; big ones use a map, so a
                    // file of thirty thousand keys stays linear.
                    const SCAN: usize = 16;
                    if entries.len() == SCAN {
                        seen.extend(entries.iter().map(|(k, _)| (k.name.clone(), k.span.start)));
                    }
                    let first = if entries.len() < SCAN {
                        entries
                            .iter()
                            .find(|(k, _)| k.name == name)
                            .map(|(k, _)| k.span.start)
                    } else {
                        seen.get(&name).copied()
                    };
                    if let Some(first) = first {
                        let mut err = SyntaxError::new(
                            format!("the key `{name}` appears twice in one mapping"),
                            node.span.start,
                        );
                        err.first = Some(first);
                        err.help = Some("remove one of them, or merge what they say into one");
                        if self.duplicates.len() < MAX_DUPLICATES {
                            self.duplicates.push(err);
                        }
                        // Keeps the first; the second's value is dropped when it completes.
                        *key = Some(Key {
                            name,
                            span: node.span,
                            flow: *flow,
                            duplicate: true,
                        });
                        return Ok(());
                    }
                    if entries.len() >= SCAN {
                        seen.insert(name.clone(), node.span.start);
                    }
                    *key = Some(Key {
                        name,
                        span: node.span,
                        flow: *flow,
                        duplicate: false,
                    });
                }
            },
        }
        Ok(())
    }

    /// Block scalars (`>-`, `|`) report a span that runs over the line break after them;
    /// findings should end at the last character of the value.
    fn trimmed(&self, span: Span) -> Span {
        let end = span.end.min(self.text.len());
        let start = span.start.min(end);
        let trailing = self
            .text
            .get(start..end)
            .map_or(0, |s| s.len() - s.trim_end().len());
        Span::new(start, end - trailing)
    }
}

/// The YAML 1.2 core schema for plain scalars: null, booleans, integers, floats, else text.
/// Dates stay text (YAML 1.2 has no timestamp type); the decoders parse them.
fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Value::Int(i);
        }
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(i) = i64::from_str_radix(hex, 16) {
            return Value::Int(i);
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(i) = i64::from_str_radix(oct, 8) {
            return Value::Int(i);
        }
    }
    let numeric = digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.bytes().any(|b| b.is_ascii_digit());
    if numeric {
        if let Ok(f) = text.parse::<f64>() {
            return Value::Float(f);
        }
    }
    Value::Str(text.to_string())
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
    fn duplicate_keys_are_kept_first_and_reported_up_to_a_limit() {
        let (node, dups) = parse_keeping_duplicates("a: 1\nb: 2\na: 3\n").unwrap();
        assert_eq!(map(&node).len(), 2);
        assert_eq!(map(&node)[0].1.value, Value::Int(1));
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].offset, 10);
        let many: String = (0..500).map(|i| format!("k: {i}\n")).collect();
        let (node, dups) = parse_keeping_duplicates(&many).unwrap();
        assert_eq!(map(&node).len(), 1);
        assert_eq!(dups.len(), MAX_DUPLICATES);
        assert!(parse("a: 1\na: 2\n").is_err());
    }

    #[test]
    fn syntax_errors_have_offsets() {
        let err = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(err.offset > 5, "{err:?}");
        assert!(!err.message.is_empty());
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        assert_eq!(resolve_plain("25"), Value::Int(25));
        assert_eq!(resolve_plain("-3"), Value::Int(-3));
        assert_eq!(resolve_plain("2.5"), Value::Float(2.5));
        assert_eq!(resolve_plain("true"), Value::Bool(true));
        assert_eq!(resolve_plain("~"), Value::Null);
        for text in [
            "25%",
            "2026-06-30",
            "inf",
            "nan",
            "yes",
            "off",
            "1.2.3",
            "e5",
        ] {
            assert_eq!(resolve_plain(text), Value::Str(text.into()), "{text}");
        }
    }

    #[test]
    fn duplicate_keys_and_extra_documents_are_errors() {
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(err.offset, 10);
        assert_eq!(
            err.describe("x\ny\n", 4),
            "the key `a` appears twice in one mapping (first on line 3)"
        );
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
    }

    #[test]
    fn block_scalar_spans_end_at_the_last_character() {
        let text = "m: >-\n  one\n  two\n\nn: 1\n";
        let root = parse(text).unwrap();
        let Value::Map(m) = &root.value else { panic!() };
        assert_eq!(m[0].1.value, Value::Str("one two".into()));
        assert!(text[..m[0].1.span.end].ends_with("two"));
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!(
                "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(parse(&bomb).is_err());
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep).is_err());
    }
}
