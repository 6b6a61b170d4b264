//! Findings for an open document, from the same engine and at the same positions as
//! `growth lint`, and their protocol form.
//!
//! A plan is linted by the workspace its directory belongs to (the config found from it,
//! its ladder and plan globs), so a file `growth lint` would not take for a plan gets no
//! findings here either. A saved plan in a git repository gets the history rules' findings
//! too, from the same facts `lint` computes; while the editor holds unsaved edits, history
//! describes another text, so only the text's own findings are shown. The config and the
//! ladder get the problems `lint` would stop at, from the editor's text. Plans are linted
//! with the config and ladder as saved, like `lint`; saving either re-lints the open plans.
//! A plan whose config
//! or ladder does not read gets those problems on its first line, as `lint` stops on them.

use std::path::Path;

use chrono::NaiveDate;
use lsp_types::{DiagnosticSeverity, NumberOrString};

use crate::asof::AsOf;
use crate::config::{Config, CONFIG_NAMES, DEFAULT_PLAN_GLOBS};
use crate::diagnostic::Diagnostic;
use crate::history::facts;
use crate::invalid::InvalidFile;
use crate::ladder::Ladder;
use crate::lint::fix::Fix;
use crate::lint::wording::Wording;
use crate::lint::{registry, Linter};
use crate::paths;
use crate::plan::{self, ParsedPlan};
use crate::severity::Severity;
use crate::source::SourceFile;
use crate::workspace::{
    attach_evidence, bounded_facts_hold, facts_of, PlanFile, PlanSet, Window, Workspace,
};

use super::position;

/// What kind of growth file a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plan,
    Config,
    Ladder,
}

/// One document's findings, with the text they were found in.
pub struct Checked {
    pub role: Role,
    pub file: SourceFile,
    /// The parsed plan (plans only), for checking that a fix reads as well.
    pub parsed: Option<ParsedPlan>,
    pub findings: Vec<Diagnostic>,
    /// The config's wording rules (plans only), to explain their findings.
    pub wording: Wording,
}

/// Lints a document's text; `None` when it is not a growth file. `saved` says the text is
/// what is on disk, so git history speaks about it.
pub fn check(path: &Path, text: &str, today: NaiveDate, saved: bool) -> Option<Checked> {
    let name = path.file_name()?.to_str()?;
    if CONFIG_NAMES.contains(&name) {
        let findings = match Config::parse(path, text) {
            Ok(_) => Vec::new(),
            Err(invalid) => problems(invalid),
        };
        return Some(other(Role::Config, path, text, findings));
    }
    let dir = path.parent()?;
    let canonical = paths::canonical(path);
    let config = match Config::discover(dir) {
        Ok(config) => config,
        Err(invalid) => return unlinted(path, text, &canonical, invalid),
    };
    if config.ladder.as_deref().map(paths::canonical) == Some(canonical.clone()) {
        let findings = match Ladder::parse(path, text) {
            Ok(_) => Vec::new(),
            Err(invalid) => problems(invalid),
        };
        return Some(other(Role::Ladder, path, text, findings));
    }
    let ws = Workspace::open(None, &[dir.to_path_buf()])
        .ok()?
        .into_iter()
        .next()?;
    if !ws.plans.is_plan(&canonical) {
        return None;
    }
    let parsed = plan::parse_str(path, text);
    let ladder = match ws.ladder() {
        Ok(ladder) => ladder,
        Err(invalid) => {
            return Some(Checked {
                role: Role::Plan,
                file: parsed.file.clone(),
                parsed: None,
                findings: vec![unusable(&parsed.file, "the ladder", invalid)],
                wording: Wording::default(),
            })
        }
    };
    let linter = Linter::new(&ws.config, ladder, today).ok()?;
    let file = PlanFile {
        shown: path.to_path_buf(),
        path: canonical,
    };
    let facts = if saved {
        history_facts(&ws, &file, &parsed, today)
    } else {
        None
    };
    let findings = linter.lint_with_history(&parsed, facts.as_ref());
    Some(Checked {
        role: Role::Plan,
        file: parsed.file.clone(),
        parsed: Some(parsed),
        findings,
        wording: ws.config.wording.clone(),
    })
}

/// A plan under a config that does not read: `lint` stops there, and so does the editor,
/// with the config's problems on the plan's first line. Which files are plans is then the
/// default globs' say, from the config's directory.
fn unlinted(path: &Path, text: &str, canonical: &Path, invalid: InvalidFile) -> Option<Checked> {
    let root = invalid.file.path().parent()?;
    let globs: Vec<String> = DEFAULT_PLAN_GLOBS.iter().map(|g| g.to_string()).collect();
    let set = PlanSet::new(&globs, root, (false, false), &[]).ok()?;
    if !set.is_plan(canonical) {
        return None;
    }
    let file = SourceFile::new(path, text);
    let findings = vec![unusable(&file, "the config", invalid)];
    Some(Checked {
        role: Role::Plan,
        file,
        parsed: None,
        findings,
        wording: Wording::default(),
    })
}

/// One error at the start of a plan that cannot be linted because `what` does not read,
/// carrying that file's problems as `growth lint` prints them.
fn unusable(file: &SourceFile, what: &str, invalid: InvalidFile) -> Diagnostic {
    let code = invalid.problems.first().map_or("GR001", |p| p.kind.code());
    let start = file.position(0);
    Diagnostic {
        code,
        rule: registry::find(code).map_or("", |r| r.name),
        severity: Severity::Error,
        path: file.path().to_path_buf(),
        span: crate::source::Span::at(0),
        start,
        end: start,
        message: format!(
            "cannot use {what} {}, so this plan is not linted:\n{invalid}",
            invalid.file.path().display()
        ),
        help: None,
        fix: None,
    }
}

/// What history says about one plan, as `lint` reads it: a walk bounded by the plan's
/// dates, walked again in full when the bounded one cannot vouch for the facts.
fn history_facts(
    ws: &Workspace,
    file: &PlanFile,
    parsed: &ParsedPlan,
    today: NaiveDate,
) -> Option<facts::PlanFacts> {
    let as_of = AsOf::now(today);
    let backdate_days = ws.config.options.backdate_days;
    let mut window = Window {
        today: Some(today),
        from: facts::walk_from(parsed.plan.iter(), backdate_days),
        ..Window::default()
    };
    let history = ws.history(&window).ok()?;
    let mut found = facts_of(&history, file, parsed, &as_of, backdate_days);
    if !bounded_facts_hold(
        &history,
        &[(file, parsed)],
        std::slice::from_ref(&found),
        today,
    ) {
        window.from = None;
        let history = ws.history(&window).ok()?;
        found = facts_of(&history, file, parsed, &as_of, backdate_days);
    }
    if let (Some(facts), Some(plan)) = (&mut found, &parsed.plan) {
        attach_evidence(facts, plan, &file.path, &ws.config);
    }
    found
}

fn other(role: Role, path: &Path, text: &str, findings: Vec<Diagnostic>) -> Checked {
    Checked {
        role,
        file: SourceFile::new(path, text),
        parsed: None,
        findings,
        wording: Wording::default(),
    }
}

/// A config's or a ladder's problems as findings, as `lint` prints them when it stops.
fn problems(invalid: InvalidFile) -> Vec<Diagnostic> {
    let file = &invalid.file;
    invalid
        .problems
        .into_iter()
        .map(|p| {
            let code = p.kind.code();
            Diagnostic {
                code,
                rule: registry::find(code).map_or("", |r| r.name),
                severity: Severity::Error,
                path: file.path().to_path_buf(),
                span: p.span,
                start: file.position(p.span.start),
                end: file.position(p.span.end.max(p.span.start)),
                message: p.message,
                help: p.help,
                fix: p.replacement.map(|replacement| Fix {
                    span: p.span,
                    replacement,
                }),
            }
        })
        .collect()
}

/// The protocol form of a finding: the message, then the help on its own line, as
/// `growth lint` shows them.
pub fn to_lsp(file: &SourceFile, d: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp_types::Diagnostic {
        range: position::range(file, d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("growth".to_string()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}
