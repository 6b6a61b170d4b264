//! Hover: on a finding, the rule's explanation (what `growth explain CODE` prints); on a
//! key, what the key means (from the schema).

use chrono::NaiveDate;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position, Range};

use crate::lint::registry;

use super::documents::Document;
use super::{context, keys, position};

pub fn hover(doc: &mut Document, today: NaiveDate, at: Position) -> Option<Hover> {
    let markdown = doc.is_markdown();
    let checked = doc.checked(today)?;
    let file = &checked.file;
    let offset = position::to_offset(file, at);
    let mut codes: Vec<&'static str> = Vec::new();
    let mut range = None;
    for d in &checked.findings {
        let end = d.span.end.max(d.span.start);
        let inside =
            (d.span.start <= offset && offset < end) || (d.span.start == offset && end == offset);
        if inside && !codes.contains(&d.code) {
            codes.push(d.code);
            range.get_or_insert_with(|| position::range(file, d.span));
        }
    }
    if !codes.is_empty() {
        let text: Vec<String> = codes
            .iter()
            .filter_map(|code| match registry::find(code) {
                Some(rule) => Some(rule.explanation()),
                None => checked.wording.find(code).map(|r| r.explanation(None)),
            })
            .collect();
        return Some(markdown_hover(text.join("\n---\n\n"), range));
    }
    let line = at.line as usize;
    let line_start = file.line_start(line + 1);
    let key = context::key_of(file.line_text(line + 1))?;
    let within = offset - line_start.min(offset);
    if within < key.start || within > key.end {
        return None;
    }
    let place = context::place(file.text(), checked.role, markdown, line)?;
    let schema = keys::schema(checked.role);
    let object = keys::object(&schema, &place.parents)?;
    let meaning = keys::meaning(object, &key.key)?;
    let range = Range::new(
        position::to_lsp(file, line_start + key.start),
        position::to_lsp(file, line_start + key.end),
    );
    Some(markdown_hover(
        format!("`{}`: {meaning}", key.key),
        Some(range),
    ))
}

fn markdown_hover(value: String, range: Option<Range>) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}
