//! Code actions: the mechanical fixes `growth lint --fix` applies, and a suppression comment
//! with a reason to fill in. Each is an edit for the client to make; the server writes
//! nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};

use crate::diagnostic::Diagnostic;
use crate::lint::fix;
use crate::plan;

use super::diagnostics::{self, Checked, Role};
use super::documents::Document;
use super::{context, position};

/// The rule that reports unused suppressions: suppressing it would hide a stale directive
/// under another one.
const UNUSED_SUPPRESSION: &str = "GR007";

pub fn actions(
    doc: &mut Document,
    uri: &Uri,
    today: NaiveDate,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let markdown = doc.is_markdown();
    let Some(checked) = doc.checked(today) else {
        return Vec::new();
    };
    let file = &checked.file;
    let (from, to) = (
        position::to_offset(file, range.start),
        position::to_offset(file, range.end),
    );
    let mut out = Vec::new();
    let mut suppressed: Vec<(&str, usize)> = Vec::new();
    for d in &checked.findings {
        if d.span.start > to || from > d.span.end.max(d.span.start) {
            continue;
        }
        if let Some(action) = fix_action(checked, uri, d) {
            out.push(CodeActionOrCommand::CodeAction(action));
        }
        if checked.parsed.is_some()
            && d.code != UNUSED_SUPPRESSION
            && !suppressed.contains(&(d.code, d.start.line))
        {
            if let Some(action) = suppress_action(checked, uri, d, markdown) {
                suppressed.push((d.code, d.start.line));
                out.push(CodeActionOrCommand::CodeAction(action));
            }
        }
    }
    out
}

/// The finding's fix, offered when `lint --fix` would write it: in a plan, and only when
/// the fixed plan reads as well as it does now.
fn fix_action(checked: &Checked, uri: &Uri, d: &Diagnostic) -> Option<CodeAction> {
    let fix = d.fix.as_ref()?;
    let parsed = checked.parsed.as_ref()?;
    let text = checked.file.text();
    let fixed = fix::apply(text, [fix]);
    if fixed.applied == 0 {
        return None;
    }
    let after = plan::parse_str(checked.file.path(), fixed.text);
    if !fix::reads_as_well(parsed, &after) {
        return None;
    }
    let was = text.get(fix.span.start..fix.span.end)?;
    let edit = TextEdit::new(
        position::range(&checked.file, fix.span),
        fix.replacement.clone(),
    );
    Some(action(
        format!("Replace `{was}` with `{}`", fix.replacement),
        checked,
        uri,
        d,
        edit,
        true,
    ))
}

/// A `growth-disable-next-line` directive on its own line above the finding, as a YAML
/// comment in YAML and an HTML comment in Markdown prose, with a placeholder for the reason.
fn suppress_action(
    checked: &Checked,
    uri: &Uri,
    d: &Diagnostic,
    markdown: bool,
) -> Option<CodeAction> {
    let file = &checked.file;
    let line = d.start.line;
    let line_text = file.line_text(line);
    // Nothing may stand above the front matter's opening `---`.
    if markdown && line == 1 {
        return None;
    }
    let in_yaml = !markdown
        || line_text.trim_end() == "---"
        || context::place(file.text(), Role::Plan, true, line - 1).is_some();
    let reason = "<why this finding does not apply here>";
    let directive = if in_yaml {
        format!("# growth-disable-next-line {} -- {reason}", d.code)
    } else {
        format!("<!-- growth-disable-next-line {} -- {reason} -->", d.code)
    };
    let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
    let start = file.line_start(line);
    let eol = if file.text()[start..].starts_with(&format!("{line_text}\r\n")) {
        "\r\n"
    } else {
        "\n"
    };
    let at = position::to_lsp(file, start);
    let edit = TextEdit::new(Range::new(at, at), format!("{indent}{directive}{eol}"));
    Some(action(
        format!("Suppress {} on this line (add the reason)", d.code),
        checked,
        uri,
        d,
        edit,
        false,
    ))
}

fn action(
    title: String,
    checked: &Checked,
    uri: &Uri,
    d: &Diagnostic,
    edit: TextEdit,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostics::to_lsp(&checked.file, d)]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    }
}
