//! Completion: the keys that may stand where the cursor is, and the values a key takes —
//! statuses and types from the schema, levels and competencies from the ladder the config
//! names.

use chrono::NaiveDate;
use lsp_types::{CompletionItem, CompletionItemKind, Documentation, Position};

use crate::config::Config;
use crate::ladder::Ladder;
use crate::plan::{FRONT_MATTER_KEYS, GOAL_KEYS};

use super::diagnostics::Role;
use super::documents::Document;
use super::{context, keys, position};

pub fn complete(doc: &mut Document, today: NaiveDate, at: Position) -> Vec<CompletionItem> {
    complete_at(doc, today, at).unwrap_or_default()
}

fn complete_at(doc: &mut Document, today: NaiveDate, at: Position) -> Option<Vec<CompletionItem>> {
    let markdown = doc.is_markdown();
    let path = doc.path.clone();
    let checked = doc.checked(today)?;
    let file = &checked.file;
    let line = at.line as usize;
    let offset = position::to_offset(file, at);
    let line_start = file.line_start(line + 1);
    let before = file.text().get(line_start..offset)?;
    let column = before.trim().is_empty().then_some(before.len());
    let place = context::place_at(file.text(), checked.role, markdown, line, column)?;
    let schema = keys::schema(checked.role);
    let object = keys::object(&schema, &place.parents)?;
    let typed = before.trim_start().trim_start_matches("- ").trim_start();
    if typed.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        // A Markdown plan's goals and lists are Markdown: its YAML has only the front matter's
        // and the goal blocks' keys.
        let allowed: Option<&[&str]> = match (markdown, place.parents.as_slice()) {
            (true, []) => Some(FRONT_MATTER_KEYS),
            (true, [goals]) if goals == "goals" => Some(GOAL_KEYS),
            _ => None,
        };
        return Some(
            keys::keys(object)
                .into_iter()
                .filter(|(key, _)| allowed.is_none_or(|keys| keys.contains(key)))
                .map(|(key, prop)| CompletionItem {
                    label: key.to_string(),
                    kind: Some(CompletionItemKind::PROPERTY),
                    documentation: prop
                        .get("description")
                        .and_then(|d| d.as_str())
                        .map(|d| Documentation::String(d.to_string())),
                    insert_text: Some(format!("{key}: ")),
                    ..CompletionItem::default()
                })
                .collect(),
        );
    }
    let key = context::key_of(before)?;
    let value_of = |label: &str, detail: Option<&str>| CompletionItem {
        label: label.to_string(),
        kind: Some(CompletionItemKind::ENUM_MEMBER),
        detail: detail.map(str::to_string),
        ..CompletionItem::default()
    };
    let ladder = || ladder_for(&path);
    let items = match (checked.role, key.key.as_str()) {
        (Role::Plan, "role" | "target_role") => ladder()?
            .levels
            .iter()
            .map(|l| value_of(&l.id.value, l.name.as_deref()))
            .collect(),
        (Role::Plan, "competency") => ladder()?
            .competencies
            .iter()
            .map(|c| value_of(&c.id.value, c.area.as_deref()))
            .collect(),
        (_, name) => keys::choices(object, name)
            .into_iter()
            .map(|v| value_of(v, None))
            .collect(),
    };
    Some(items)
}

/// The ladder the plan's config names, when it reads.
fn ladder_for(path: &std::path::Path) -> Option<Ladder> {
    let config = Config::discover(path.parent()?).ok()?;
    Ladder::load(config.ladder.as_deref()?).ok()
}
