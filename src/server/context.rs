//! Where in a growth file a position is: in YAML or in prose, and under which keys.
//!
//! Hover and completion need to know that `due:` on this line is a goal's (not an action's)
//! and that `status: ` wants a status. A Markdown plan's YAML is its front matter and the
//! fenced `yaml` blocks (a goal's metadata); a YAML plan, the config and the ladder are YAML
//! throughout. Within YAML, the keys a line sits under come from indentation, which is how
//! the files are written; a flow mapping on one line has no parent keys to find.

use super::diagnostics::Role;

/// What the YAML at a line belongs to, from the root of its file's schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The keys the line is under, outermost first (`["goals", "actions"]`); a Markdown
    /// goal block starts under `goals`.
    pub parents: Vec<String>,
}

/// One `key:` on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyAt {
    pub key: String,
    /// Byte offsets within the line.
    pub start: usize,
    pub end: usize,
}

/// The place of a line (0-based) of `text`, or `None` in Markdown prose.
pub fn place(text: &str, role: Role, markdown: bool, line: usize) -> Option<Place> {
    place_at(text, role, markdown, line, None)
}

/// The place of a line, where a line with nothing on it yet is as deep as `column` (the
/// cursor's): on a blank line, the indentation typed so far says which mapping a key goes to.
pub fn place_at(
    text: &str,
    role: Role,
    markdown: bool,
    line: usize,
    column: Option<usize>,
) -> Option<Place> {
    let lines: Vec<&str> = text.lines().collect();
    let (first, root) = if role == Role::Plan && markdown {
        yaml_region(&lines, line)?
    } else {
        (0, Vec::new())
    };
    let mut parents = Vec::new();
    let mut indent = lines.get(line).map_or(usize::MAX, |l| indent_of(l));
    if lines.get(line).is_none_or(|l| l.trim().is_empty()) {
        indent = column.unwrap_or(usize::MAX);
    }
    for above in lines[first..line.min(lines.len())].iter().rev() {
        if above.trim().is_empty() || above.trim_start().starts_with('#') {
            continue;
        }
        let at = indent_of(above);
        if at < indent {
            // Only a key with its value below it is one the line is under; `- text: a`
            // starts a sibling item.
            if let Some(key) = key_of(above).filter(|k| above[k.end..].trim() == ":") {
                parents.push(key.key);
            }
            indent = at;
            if at == 0 {
                break;
            }
        }
    }
    parents.reverse();
    Some(Place {
        parents: root.into_iter().chain(parents).collect(),
    })
}

/// The first line of the YAML region around `line` and the keys its root is under.
fn yaml_region(lines: &[&str], line: usize) -> Option<(usize, Vec<String>)> {
    let mut i = 0;
    if lines
        .first()
        .map(|l| l.trim_start_matches('\u{feff}').trim_end())
        == Some("---")
    {
        let end = lines.iter().skip(1).position(|l| l.trim_end() == "---")? + 1;
        if line > 0 && line < end {
            return Some((1, Vec::new()));
        }
        i = end + 1;
    }
    while i < lines.len() && i <= line {
        let trimmed = lines[i].trim_start();
        let fence = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        if let Some(fence) = fence {
            let info = trimmed[fence.len()..].trim().to_ascii_lowercase();
            let close = lines[i + 1..]
                .iter()
                .position(|l| l.trim_start().starts_with(fence))
                .map_or(lines.len(), |p| i + 1 + p);
            if line > i && line < close {
                return (info == "yaml" || info == "yml").then(|| (i + 1, vec!["goals".into()]));
            }
            i = close + 1;
            continue;
        }
        i += 1;
    }
    None
}

/// How deep a line's key is: where it starts, a byte order mark not counted.
fn indent_of(line: &str) -> usize {
    key_indent(line) - if line.starts_with('\u{feff}') { 3 } else { 0 }
}

/// Where a line's key starts (a byte offset): past its indentation and any `- ` of a list item.
fn key_indent(line: &str) -> usize {
    // A byte order mark is not indentation, but it is not part of the key either.
    let bom = if line.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &line[bom..];
    let mut at = bom + rest.len() - rest.trim_start().len();
    while line[at..].starts_with("- ") {
        at += 2;
        at += line[at..].len() - line[at..].trim_start().len();
    }
    at
}

/// The key a line starts with, if it is a `key:` line.
pub fn key_of(line: &str) -> Option<KeyAt> {
    let start = key_indent(line);
    let rest = &line[start..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    if len == 0 || !rest[len..].starts_with(':') {
        return None;
    }
    Some(KeyAt {
        key: rest[..len].to_string(),
        start,
        end: start + len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parents(text: &str, role: Role, markdown: bool, line: usize) -> Option<Vec<String>> {
        place(text, role, markdown, line).map(|p| p.parents)
    }

    #[test]
    fn markdown_yaml_is_front_matter_and_goal_blocks() {
        let text = "---\nowner: J\nperiod:\n  start: 2026-01-01\n---\n\n## Goal: X\n\n```yaml\nstatus: active\n```\nprose\n";
        assert_eq!(parents(text, Role::Plan, true, 1), Some(vec![]));
        assert_eq!(
            parents(text, Role::Plan, true, 3),
            Some(vec!["period".into()])
        );
        assert_eq!(
            parents(text, Role::Plan, true, 9),
            Some(vec!["goals".into()])
        );
        assert_eq!(parents(text, Role::Plan, true, 11), None);
        assert_eq!(parents(text, Role::Plan, true, 6), None);
    }

    #[test]
    fn yaml_parents_come_from_indentation_through_list_items() {
        let text = "owner: J\ngoals:\n  - title: X\n    due: 2026-01-01\n    actions:\n      - text: a\n        due: 2026-02-01\n";
        assert_eq!(parents(text, Role::Plan, false, 0), Some(vec![]));
        assert_eq!(
            parents(text, Role::Plan, false, 3),
            Some(vec!["goals".into()])
        );
        assert_eq!(
            parents(text, Role::Plan, false, 6),
            Some(vec!["goals".into(), "actions".into()])
        );
        assert_eq!(
            key_of("  - title: X").map(|k| (k.key, k.start)),
            Some(("title".into(), 4))
        );
    }
}
