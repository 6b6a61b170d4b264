//! Reading a ladder's levels and competencies from their YAML tree, with a problem (and a
//! place) for each thing that is not as the format says.

use crate::decode::Decoder;
use crate::problem::{Problem, ProblemKind};
use crate::source::{Span, Spanned};
use crate::yaml::{Node, Value};

use super::{Competency, Expectation, Level, COMPETENCY_KEYS, LEVEL_KEYS};

pub(super) fn level(dec: &mut Decoder, node: &Node) -> Option<Level> {
    // A bare id: `- senior-engineer`, or `- 3` for a numbered ladder.
    if matches!(node.value, Value::Str(_) | Value::Int(_) | Value::Float(_)) {
        return dec.text(node).map(Level::bare);
    }
    let fields = dec.fields(node, "level", LEVEL_KEYS)?;
    let Some(id) = fields.get("id").and_then(|n| dec.text(n)) else {
        dec.missing(
            Span::at(node.span.start),
            "a level without an `id`",
            "give each level an `id`, e.g. `id: senior-engineer`",
        );
        return None;
    };
    let text = |dec: &mut Decoder, key| fields.get(key).and_then(|n| dec.text(n)).map(|s| s.value);
    Some(Level {
        name: text(dec, "name"),
        description: text(dec, "description"),
        track: text(dec, "track"),
        after: fields
            .get("after")
            .map_or_else(Vec::new, |n| dec.text_list(n)),
        id,
    })
}

pub(super) fn competency(dec: &mut Decoder, node: &Node) -> Option<Competency> {
    let fields = dec.fields(node, "competency", COMPETENCY_KEYS)?;
    let Some(id) = fields.get("id").and_then(|n| dec.text(n)) else {
        dec.missing(
            Span::at(node.span.start),
            "a competency without an `id`",
            "give each competency an `id`, e.g. `id: incident-response`",
        );
        return None;
    };
    let text = |dec: &mut Decoder, key| fields.get(key).and_then(|n| dec.text(n)).map(|s| s.value);
    let area = text(dec, "area");
    let description = text(dec, "description");
    let tracks = fields
        .get("tracks")
        .map_or_else(Vec::new, |n| dec.text_list(n))
        .into_iter()
        .map(|t| t.value)
        .collect();
    let mut expectations = Vec::new();
    if let Some(node) = fields.get("expectations") {
        match &node.value {
            Value::Map(entries) => {
                for (key, value) in entries {
                    if let Some(expectation) = expectation(dec, value) {
                        expectations.push((Spanned::new(key.name.clone(), key.span), expectation));
                    }
                }
            }
            Value::Null => {}
            _ => dec.report(Problem::new(
                ProblemKind::WrongType,
                node.span,
                "`expectations` maps level ids to what the level expects",
            )),
        }
    }
    Some(Competency {
        id,
        area,
        description,
        tracks,
        expectations,
    })
}

/// One text, or a list of texts (several things a level expects).
fn expectation(dec: &mut Decoder, node: &Node) -> Option<Expectation> {
    let items: Vec<String> = dec.text_list(node).into_iter().map(|s| s.value).collect();
    (!items.is_empty()).then(|| Expectation::new(items))
}

pub(super) fn check_ids<'a>(
    dec: &mut Decoder,
    ids: impl Iterator<Item = &'a Spanned<String>>,
    what: &str,
) {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(id.value.as_str()) {
            dec.report(Problem::new(
                ProblemKind::WrongType,
                id.span,
                format!("the {what} id `{}` is used twice", id.value),
            ));
        }
    }
}
