//! Writing to plans: `growth check-in` and `growth done`.
//!
//! These are the only edits growth makes to a plan, and each is a byte-precise change at a
//! place the parser found (the spans of [`crate::plan::GoalLayout`] and of the actions), so
//! every other byte of the file — line endings, a BOM, comments, odd spacing — stays as the
//! person wrote it. An edit is checked by parsing the result: the plan must read back with
//! exactly the new entry and no new problem, or nothing is written.

mod checkin;
mod done;
mod locate;

pub use checkin::{add_checkin, Entry};
pub use done::mark_done;
pub use locate::{find_goal, GoalRef};

use crate::source::Span;

/// Why a plan could not be edited. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("no goal `{id}` in {searched}{}", nearest.as_ref().map(|n| format!("; did you mean `{n}`?")).unwrap_or_default())]
    UnknownGoal {
        id: String,
        searched: String,
        nearest: Option<String>,
    },
    #[error("`{id}` names more than one goal: {}; choose one with --plan FILE", candidates.join(", "))]
    AmbiguousGoal { id: String, candidates: Vec<String> },
    #[error(
        "{at}: the goal `{id}` has no open action containing `{text}`{}",
        list(open)
    )]
    NoSuchAction {
        at: String,
        id: String,
        text: String,
        open: Vec<String>,
    },
    #[error(
        "{at}: `{text}` matches more than one open action of `{id}`{}; give more of the text",
        list(matches)
    )]
    AmbiguousAction {
        at: String,
        id: String,
        text: String,
        matches: Vec<String>,
    },
    #[error("the {what} must be one line without {}control characters: {given:?}", if *brackets { "`[`, `]` or " } else { "" })]
    BadText {
        what: &'static str,
        given: String,
        brackets: bool,
    },
    #[error("{at}: {why}; edit the file by hand")]
    Unsupported { at: String, why: String },
    #[error("{at}: the edited plan would not read back as intended ({why}); nothing was written")]
    WouldNotReadBack { at: String, why: String },
}

/// The goal before and after an edit, when the edited text (`again`) reads back as the plan
/// did: it parses, with no more problems and the same goals. What the edit itself should
/// have changed in the goal is each edit's own check.
fn reread<'a>(
    parsed: &'a crate::plan::ParsedPlan,
    again: &'a crate::plan::ParsedPlan,
    goal: usize,
) -> Result<(&'a crate::plan::Goal, &'a crate::plan::Goal), String> {
    let (Some(before), Some(after)) = (&parsed.plan, &again.plan) else {
        return Err("it no longer parses".into());
    };
    if again.problems.len() != parsed.problems.len() || after.goals.len() != before.goals.len() {
        return Err("it would add a problem".into());
    }
    Ok((&before.goals[goal], &after.goals[goal]))
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return " (it has none open)".into();
    }
    format!(
        ": {}",
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// One change to a file's text: the bytes of `span` become `with` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    span: Span,
    with: String,
}

impl Change {
    fn insert(at: usize, with: String) -> Change {
        Change {
            span: Span::at(at),
            with,
        }
    }
}

/// The text with the changes made; they must not overlap.
fn apply(text: &str, mut changes: Vec<Change>) -> String {
    changes.sort_by_key(|c| std::cmp::Reverse(c.span.start));
    let mut out = text.to_string();
    for c in changes {
        out.replace_range(c.span.start..c.span.end, &c.with);
    }
    out
}

/// The file's line break: CRLF when its first line ends so, else LF, so an added line matches
/// the ones around it.
fn line_break(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Where the line holding byte `at` ends (before its line break).
fn line_end(text: &str, at: usize) -> usize {
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if end > at && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Where the line holding byte `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the last non-blank text before `at`.
fn content_end(text: &str, from: usize, at: usize) -> usize {
    from + text[from..at].trim_end().len()
}

/// The column of `at` as spaces, for indenting a new line like an existing one; `None` when
/// the line before `at` holds more than spaces and `- ` (tabs, a key), which growth will not
/// guess about.
fn indent_of(text: &str, at: usize) -> Option<String> {
    let before = &text[line_start(text, at)..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '-')
        .then(|| " ".repeat(before.len()))
}

/// A text as a YAML double-quoted scalar: JSON strings are valid YAML, and quoting always
/// means no note can turn into a key, a comment or a number.
fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Whether a text given on the command line can go on one entry line.
fn check_line(what: &'static str, given: &str, brackets: bool) -> Result<(), EditError> {
    let bad = given.chars().any(|c| {
        c.is_control() || (brackets && (c == '[' || c == ']')) || c == '\u{2028}' || c == '\u{2029}'
    });
    if bad || given.trim().is_empty() {
        return Err(EditError::BadText {
            what,
            given: given.to_string(),
            brackets,
        });
    }
    Ok(())
}
