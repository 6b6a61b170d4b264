//! `growth done`: an open action ticked, with the day it was done.
//!
//! The `(due …)` marker stays: when it was due and when it was done are both worth keeping,
//! and the report compares them.

use chrono::NaiveDate;

use crate::plan::{self, Action, Goal, ParsedPlan, PlanFormat};
use crate::source::Span;
use crate::yaml::{Node, Value};

use super::{apply, content_end, indent_of, line_break, line_end, Change, EditError};

/// The plan's text with the one open action of goal number `goal` whose text contains `text`
/// (ignoring case) ticked and dated `date`.
pub fn mark_done(
    parsed: &ParsedPlan,
    shown: &str,
    goal: usize,
    text: &str,
    date: NaiveDate,
) -> Result<String, EditError> {
    let Some(plan) = &parsed.plan else {
        return Err(EditError::Unsupported {
            at: shown.to_string(),
            why: "the file could not be read as a plan".into(),
        });
    };
    let g = &plan.goals[goal];
    let at = format!("{shown}:{}", parsed.file.position(g.span.start));
    let index = choose(g, text, &at)?;
    let action = &g.actions[index];
    let source = parsed.file.text();
    let at = format!("{shown}:{}", parsed.file.position(action.span.start));
    let changes = match plan.format {
        PlanFormat::Markdown => markdown(source, action, date),
        PlanFormat::Yaml => yaml(source, parsed.file.bom_len(), g, action, date),
    }
    .ok_or_else(|| EditError::Unsupported {
        at: at.clone(),
        why: "the action is not written in a shape growth can tick".into(),
    })?;
    let edited = apply(source, changes);
    verify(parsed, &edited, goal, index, date).map_err(|why| EditError::WouldNotReadBack {
        at: at.clone(),
        why,
    })?;
    Ok(edited)
}

/// The open action `text` names: the one containing it, or among several the one that is
/// exactly it.
fn choose(goal: &Goal, text: &str, at: &str) -> Result<usize, EditError> {
    let wanted = text.trim().to_lowercase();
    let open: Vec<(usize, &Action)> = goal
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.done)
        .collect();
    let matches: Vec<&(usize, &Action)> = open
        .iter()
        .filter(|(_, a)| a.text.value.to_lowercase().contains(&wanted))
        .collect();
    let exact: Vec<_> = matches
        .iter()
        .filter(|(_, a)| a.text.value.to_lowercase() == wanted)
        .collect();
    match (matches.as_slice(), exact.as_slice()) {
        ([(i, _)], _) | (_, [(i, _)]) => Ok(*i),
        ([], _) => Err(EditError::NoSuchAction {
            at: at.to_string(),
            id: goal.id.value.clone(),
            text: text.to_string(),
            open: open.iter().map(|(_, a)| a.text.value.clone()).collect(),
        }),
        (many, _) => Err(EditError::AmbiguousAction {
            at: at.to_string(),
            id: goal.id.value.clone(),
            text: text.to_string(),
            matches: many.iter().map(|(_, a)| a.text.value.clone()).collect(),
        }),
    }
}

/// `- [ ]` becomes `- [x]`, and `(done D)` (or `✅ D` where the line uses the Obsidian
/// Tasks markers) goes at the end of the line.
fn markdown(text: &str, action: &Action, date: NaiveDate) -> Option<Vec<Change>> {
    let head = &text[action.span.start..action.text.span.start];
    let open = head.find("[ ]")? + action.span.start;
    let mut changes = vec![Change {
        span: Span::new(open, open + 3),
        with: "[x]".into(),
    }];
    if action.done_on.is_none() {
        let line = &text[action.span.start..action.text.span.end];
        let marker = if line.contains('📅') {
            format!(" ✅ {date}")
        } else {
            format!(" (done {date})")
        };
        changes.push(Change::insert(action.text.span.end, marker));
    }
    Some(changes)
}

/// In a YAML plan, `done: D` is added to the action (or replaces `done: false`); an action
/// written as bare text becomes `text: …` with `done: D` under it.
fn yaml(
    text: &str,
    bom: usize,
    goal: &Goal,
    action: &Action,
    date: NaiveDate,
) -> Option<Vec<Change>> {
    let node = find_action(text, bom, goal, action)?;
    let nl = line_break(text);
    match &node.value {
        Value::Str(_) => {
            if text[node.span.start..node.span.end].contains('\n') {
                return None;
            }
            let indent = indent_of(text, node.span.start)?;
            Some(vec![
                Change::insert(node.span.start, "text: ".into()),
                Change::insert(
                    line_end(text, node.span.end),
                    format!("{nl}{indent}done: {date}"),
                ),
            ])
        }
        Value::Map(entries) => {
            if let Some((_, done)) = entries.iter().find(|(k, _)| k.name == "done") {
                let with = if done.span.start == done.span.end {
                    format!(" {date}")
                } else {
                    date.to_string()
                };
                return Some(vec![Change {
                    span: done.span,
                    with,
                }]);
            }
            let (first, _) = entries.first()?;
            let (_, last) = entries.last()?;
            if first.flow {
                return Some(vec![Change::insert(
                    last.span.end,
                    format!(", done: {date}"),
                )]);
            }
            let indent = indent_of(text, first.span.start)?;
            let end = content_end(text, last.span.start, last.span.end);
            Some(vec![Change::insert(
                line_end(text, end),
                format!("{nl}{indent}done: {date}"),
            )])
        }
        _ => None,
    }
}

/// The YAML node of `action`, found again by its span.
fn find_action(text: &str, bom: usize, goal: &Goal, action: &Action) -> Option<Node> {
    let root = crate::yaml::parse(&text[bom..]).ok()?.offset(bom);
    let entry = |node: &Node, key: &str| match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v.clone()),
        _ => None,
    };
    let items = |node: Node| match node.value {
        Value::Seq(items) => items,
        _ => Vec::new(),
    };
    let goal_node = items(entry(&root, "goals")?)
        .into_iter()
        .find(|n| n.span == goal.layout.extent)?;
    items(entry(&goal_node, "actions")?)
        .into_iter()
        .find(|n| n.span == action.span)
}

fn verify(
    parsed: &ParsedPlan,
    edited: &str,
    goal: usize,
    action: usize,
    date: NaiveDate,
) -> Result<(), String> {
    let again = plan::parse_str(parsed.file.path(), edited);
    let (old, new) = super::reread(parsed, &again, goal)?;
    if new.actions.len() != old.actions.len() {
        return Err("the actions would change".into());
    }
    let (was, now) = (&old.actions[action], &new.actions[action]);
    let on = now.done_on.as_ref().map(|d| d.value);
    let expected = was.done_on.as_ref().map_or(date, |d| d.value);
    if !now.done
        || on != Some(expected)
        || now.due.as_ref().map(|d| d.value) != was.due.as_ref().map(|d| d.value)
    {
        return Err("the action would not read back as done on that day".into());
    }
    Ok(())
}
