//! What a rule is: its identity, its documentation and its check.
//!
//! A rule's documentation is the `//!` comment at the top of its own file, read from the
//! file's source at run time, so `growth explain`, `growth rules`, the SARIF rule metadata and
//! rustdoc all show the same words, and a test runs each documented bad and good example.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::options::RuleOptions;
use crate::history::facts::PlanFacts;
use crate::ladder::Ladder;
use crate::plan::Plan;
use crate::problem::Problem;
use crate::severity::Severity;
use crate::source::{SourceFile, Span};

use super::fix::Fix;
use super::text::{Lexicon, MeasureVerdict};

/// A lint rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `GR201`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `vague-goal`.
    pub name: &'static str,
    pub default: Severity,
    /// One line: when the rule fires.
    pub summary: &'static str,
    /// The rule file's source; its `//!` lines are the documentation.
    pub source: &'static str,
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// Everything a rule may look at for one plan.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub file: &'a SourceFile,
    /// Problems the reader found in the file.
    pub problems: &'a [Problem],
    pub ladder: Option<&'a Ladder>,
    pub options: &'a RuleOptions,
    pub lexicon: &'a Lexicon,
    /// The date "overdue", "expired" and "in the future" are measured against.
    pub today: NaiveDate,
    /// What git history says about this plan; `None` without history (no repository, or
    /// `--no-history`).
    pub history: Option<&'a PlanFacts>,
    /// The measures read so far, by text: see [`Context::measure`].
    pub measures: RefCell<HashMap<&'a str, MeasureVerdict>>,
}

impl<'a> Context<'a> {
    /// What the text rules make of a measure ([`Lexicon::measure`]), read once per plan: GR201
    /// and GR203 both ask, and reading a statement is most of what they cost.
    pub fn measure(&self, text: &'a str) -> MeasureVerdict {
        let mut measures = self.measures.borrow_mut();
        let verdict = measures
            .entry(text)
            .or_insert_with(|| self.lexicon.measure(text));
        verdict.clone()
    }
}

/// What a rule reports; the engine adds code, severity and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    /// The mechanical fix, when there is exactly one right answer.
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Finding {
            span,
            message: message.into(),
            help: None,
            fix: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The fix that replaces the finding's span with `replacement`.
    pub fn fix(mut self, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span: self.span,
            replacement: replacement.into(),
        });
        self
    }
}

/// A rule's documentation, split into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleDoc {
    /// Why the rule exists (Markdown).
    pub rationale: String,
    /// A plan the rule fires on.
    pub bad: String,
    /// The same plan, fixed.
    pub good: String,
}

impl Rule {
    /// The whole `//!` documentation, as Markdown.
    /// What `growth explain` prints for the rule: its identity, when it fires and its
    /// documentation (the language server's hover on a finding shows the same text).
    pub fn explanation(&self) -> String {
        format!(
            "{} {} (default: {})\n\nFires when: {}.\n\n{}\n",
            self.code,
            self.name,
            self.default,
            self.summary,
            self.doc_markdown()
        )
    }

    pub fn doc_markdown(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                if out.is_empty() {
                    continue;
                }
                break;
            };
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
        out.trim_end().to_string()
    }

    /// The documentation split at its `## Bad` and `## Good` headings; the examples are the
    /// contents of the first fenced block under each.
    pub fn doc(&self) -> RuleDoc {
        let markdown = self.doc_markdown();
        let mut doc = RuleDoc::default();
        let mut section = 0;
        // Examples are whole plans with ```yaml blocks inside, so they are fenced with `~~~`;
        // a fence closes only on its own marker.
        let mut fence: Option<&str> = None;
        for line in markdown.lines() {
            let trimmed = line.trim_end();
            match fence {
                None if trimmed.starts_with("~~~") || trimmed.starts_with("```") => {
                    fence = Some(&trimmed[..3]);
                    continue;
                }
                Some(marker) if trimmed == marker => {
                    fence = None;
                    if section > 0 {
                        section += 10; // only the first block of a section is the example
                    }
                    continue;
                }
                None if trimmed == "## Bad" => {
                    section = 1;
                    continue;
                }
                None if trimmed == "## Good" => {
                    section = 2;
                    continue;
                }
                _ => {}
            }
            let target = match (section, fence.is_some()) {
                (0, _) => &mut doc.rationale,
                (1, true) => &mut doc.bad,
                (2, true) => &mut doc.good,
                _ => continue,
            };
            target.push_str(line);
            target.push('\n');
        }
        doc.rationale = doc.rationale.trim().to_string();
        doc
    }
}
