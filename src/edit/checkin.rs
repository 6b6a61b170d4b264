//! `growth check-in`: a dated entry added as the last of a goal's check-ins.

use chrono::NaiveDate;

use crate::plan::{self, Goal, ParsedPlan, PlanFormat};
use crate::source::Span;

use super::{
    apply, check_line, content_end, indent_of, line_break, line_end, line_start, quoted, Change,
    EditError,
};

/// The check-in to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub date: NaiveDate,
    pub value: Option<String>,
    pub note: Option<String>,
}

impl Entry {
    /// `- 2026-04-02 [17%] solved 3 of 18`, the line of §2.1.
    fn markdown(&self) -> String {
        let mut line = format!("- {}", self.date);
        if let Some(v) = &self.value {
            line.push_str(&format!(" [{}]", v.trim()));
        }
        if let Some(n) = &self.note {
            line.push(' ');
            line.push_str(n.trim());
        }
        line
    }

    /// The entry as the keys of a block mapping, later keys indented by `indent`.
    fn yaml_block(&self, indent: &str, nl: &str) -> String {
        let mut out = format!("date: {}", self.date);
        for (key, text) in [("value", &self.value), ("note", &self.note)] {
            if let Some(t) = text {
                out.push_str(&format!("{nl}{indent}{key}: {}", quoted(t.trim())));
            }
        }
        out
    }

    /// The entry as a flow mapping, for check-ins written `[{ … }]` or `- { … }`.
    fn yaml_flow(&self) -> String {
        let mut out = format!("{{ date: {}", self.date);
        for (key, text) in [("value", &self.value), ("note", &self.note)] {
            if let Some(t) = text {
                out.push_str(&format!(", {key}: {}", quoted(t.trim())));
            }
        }
        out.push_str(" }");
        out
    }

    fn check(&self) -> Result<(), EditError> {
        if let Some(v) = &self.value {
            check_line("value", v, true)?;
        }
        if let Some(n) = &self.note {
            // Without a value, a note in brackets would read back as the value.
            check_line(
                "note",
                n,
                self.value.is_none() && n.trim_start().starts_with('['),
            )?;
        }
        Ok(())
    }
}

/// The plan's text with `entry` added as the last check-in of goal number `goal`. `shown`
/// names the file in messages.
pub fn add_checkin(
    parsed: &ParsedPlan,
    shown: &str,
    goal: usize,
    entry: &Entry,
) -> Result<String, EditError> {
    entry.check()?;
    let Some(plan) = &parsed.plan else {
        return Err(EditError::Unsupported {
            at: shown.to_string(),
            why: "the file could not be read as a plan".into(),
        });
    };
    let g = &plan.goals[goal];
    let text = parsed.file.text();
    let at = format!("{shown}:{}", parsed.file.position(g.span.start));
    let unsupported = |why: &str| EditError::Unsupported {
        at: at.clone(),
        why: why.to_string(),
    };
    let change = match plan.format {
        PlanFormat::Markdown => markdown(text, g, entry),
        PlanFormat::Yaml => yaml(text, g, entry).ok_or_else(|| {
            unsupported("the goal's check-ins are not written as a list growth can add to (write `checkins:` as a block list)")
        })?,
    };
    let edited = apply(text, vec![change]);
    verify(parsed, &edited, goal, entry).map_err(|why| EditError::WouldNotReadBack {
        at: at.clone(),
        why,
    })?;
    Ok(edited)
}

fn markdown(text: &str, goal: &Goal, entry: &Entry) -> Change {
    let nl = line_break(text);
    let line = entry.markdown();
    let layout = &goal.layout;
    if let Some(last) = layout.last_checkin {
        // The same indentation and bullet as the entry before, so the list stays one list
        // (`* ` after `- ` would start another).
        let item = &text[last.start..];
        let bullet_at = last.start + (item.len() - item.trim_start_matches(' ').len());
        let indent = &text[line_start(text, last.start)..bullet_at];
        let indent = if indent.chars().all(|c| c == ' ') {
            indent
        } else {
            ""
        };
        let line = match text[bullet_at..].chars().next() {
            Some(bullet @ ('*' | '+')) => format!("{bullet}{}", &line[1..]),
            _ => line,
        };
        return Change::insert(line_end(text, last.end), format!("{nl}{indent}{line}"));
    }
    if let Some(heading) = layout.checkins {
        let at = line_end(text, heading.end);
        // A line of prose right under the heading would become part of the new item.
        let next = &text[(at + nl.len()).min(text.len())..];
        let next_line = &next[..next.find('\n').unwrap_or(next.len())];
        let gap = if next_line.trim().is_empty() { "" } else { nl };
        return Change::insert(at, format!("{nl}{line}{gap}"));
    }
    let at = content_end(text, layout.extent.start, layout.extent.end);
    let hashes = "#".repeat((layout.level + 1).min(6));
    Change::insert(at, format!("{nl}{nl}{hashes} Check-ins{nl}{line}"))
}

/// The change for a YAML goal; `None` when its shape is not one growth writes into.
fn yaml(text: &str, goal: &Goal, entry: &Entry) -> Option<Change> {
    let nl = line_break(text);
    let layout = &goal.layout;
    let key_indent = indent_of(text, layout.first_key?.start)?;
    if text[layout.extent.start..].starts_with('{') {
        return None;
    }
    let Some(list) = layout.checkins else {
        let at = line_end(
            text,
            content_end(text, layout.extent.start, layout.extent.end),
        );
        let item = entry.yaml_block(&format!("{key_indent}    "), nl);
        return Some(Change::insert(
            at,
            format!("{nl}{key_indent}checkins:{nl}{key_indent}  - {item}"),
        ));
    };
    if text[list.start..].starts_with('[') {
        return Some(match layout.last_checkin {
            Some(last) => Change::insert(last.end, format!(", {}", entry.yaml_flow())),
            None => {
                // `checkins: []`, as the template writes it, becomes a block list.
                let spaces = text[..list.start].len() - text[..list.start].trim_end().len();
                let close = text[list.start..list.end].rfind(']')? + list.start + 1;
                let item = entry.yaml_block(&format!("{key_indent}    "), nl);
                Change {
                    span: Span::new(list.start - spaces, close),
                    with: format!("{nl}{key_indent}  - {item}"),
                }
            }
        });
    }
    let last = layout.last_checkin?;
    let prefix = &text[line_start(text, last.start)..last.start];
    let dash = prefix.find('-')?;
    if !prefix[..dash].chars().all(|c| c == ' ') || !prefix[dash + 1..].chars().all(|c| c == ' ') {
        return None;
    }
    let at = line_end(text, content_end(text, last.start, last.end));
    let item = if text[last.start..].starts_with('{') {
        entry.yaml_flow()
    } else {
        entry.yaml_block(&" ".repeat(prefix.len()), nl)
    };
    Some(Change::insert(
        at,
        format!("{nl}{}- {item}", &prefix[..dash]),
    ))
}

/// Whether the edited text reads back as the plan with exactly the new entry added.
fn verify(parsed: &ParsedPlan, edited: &str, goal: usize, entry: &Entry) -> Result<(), String> {
    let again = plan::parse_str(parsed.file.path(), edited);
    let (old, new) = super::reread(parsed, &again, goal)?;
    if new.checkins.len() != old.checkins.len() + 1 {
        return Err("the entry would not be read as a check-in of this goal".into());
    }
    let Some(last) = new.checkins.last() else {
        return Err("the entry would not be read".into());
    };
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let same = last.date.value == entry.date
        && last.value.as_ref().map(|v| v.value.as_str()) == entry.value.as_deref().map(str::trim)
        && last.note.as_ref().map(|n| words(&n.value)) == entry.note.as_deref().map(words);
    if !same {
        return Err("the entry would read back differently".into());
    }
    Ok(())
}
