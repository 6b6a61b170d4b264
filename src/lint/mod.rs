//! The lint engine: runs every enabled rule on each plan, applies severities from config and
//! inline suppressions, and turns findings into sorted [`Diagnostic`]s.
//!
//! Each rule is one file under `rules/`, documented by its own `//!` comment; [`registry`]
//! lists them in code order.

pub mod fix;
pub mod options;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod wording;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::history::facts::PlanFacts;
use crate::invalid::InvalidFile;
use crate::ladder::Ladder;
use crate::plan::ParsedPlan;
use crate::problem::ProblemKind;
use crate::severity::Severity;
use crate::source::{SourceFile, Span};
use options::RuleOptions;

pub use rule::{Context, Finding, Rule};
use text::Lexicon;

/// The rules that report the reader's problems: the only ones run on a file that does not
/// parse as a whole.
const READING_RULES: &[&str] = &["GR001", "GR002", "GR003", "GR004"];

/// A finding of the first rule says all that the second's findings in the same file would:
/// an expired plan (GR305) is not also overdue goal by goal and action by action (GR208),
/// nor stale goal by goal (GR501): its goals are a record now, not work in progress.
/// When the first is off or suppressed, the second's findings are reported.
const SUBSUMES: &[(&str, &str)] = &[("GR305", "GR208"), ("GR305", "GR501")];

/// The same, for one place: a target or due date changed after it was agreed (GR505) names
/// the change, its commit and the agreement, so the moved goalpost (GR503) at the same place
/// would say half of it again.
const SUBSUMES_AT: &[(&str, &str)] = &[("GR505", "GR503")];

/// The code of the rule that reports unknown and unused suppressions.
const UNUSED_SUPPRESSION: &str = "GR007";

/// Rules, with their effective severities, ready to run on plans.
pub struct Linter {
    /// Enabled rules and their severities, in code order.
    rules: Vec<(&'static Rule, Severity)>,
    ladder: Option<Ladder>,
    options: RuleOptions,
    lexicon: Lexicon,
    /// The config's wording rules, on or off (suppressions may name any of them).
    wording: wording::Wording,
    /// Each wording rule's effective severity, in the same order; `None` when it is off.
    wording_levels: Vec<Option<Severity>>,
    today: NaiveDate,
}

impl Linter {
    /// Builds a linter from config. Rule names in config that are not rules are an error.
    pub fn new(
        config: &Config,
        ladder: Option<Ladder>,
        today: NaiveDate,
    ) -> Result<Linter, InvalidFile> {
        // A config read from a file has had its rule names checked already; one built in
        // code gets the same check here.
        let problems = crate::config::unknown_rules(&config.rules, &config.wording);
        let levels: Vec<(&'static str, Option<Severity>)> = config
            .rules
            .iter()
            .filter_map(|(name, level)| {
                let code = registry::find(&name.value)
                    .map(|rule| rule.code)
                    .or_else(|| config.wording.find(&name.value).map(|r| r.code));
                code.map(|code| (code, level.value.severity()))
            })
            .collect();
        if let (false, Some(file)) = (problems.is_empty(), &config.source) {
            return Err(InvalidFile {
                file: file.clone(),
                problems,
            });
        }
        let rules = registry::RULES
            .iter()
            .filter_map(|rule| {
                let configured = levels.iter().rev().find(|(code, _)| *code == rule.code);
                let severity = match configured {
                    Some((_, severity)) => *severity,
                    None => Some(rule.default),
                };
                severity.map(|s| (*rule, s))
            })
            .collect();
        let wording_levels = config
            .wording
            .rules
            .iter()
            .map(|rule| {
                let configured = levels.iter().rev().find(|(code, _)| *code == rule.code);
                configured.map_or(Some(rule.severity), |(_, severity)| *severity)
            })
            .collect();
        Ok(Linter {
            rules,
            wording: config.wording.clone(),
            wording_levels,
            lexicon: Lexicon::new(
                &config.options.vague_phrases,
                &config.options.outcome_phrases,
            ),
            options: config.options.clone(),
            ladder,
            today,
        })
    }

    /// Turns off the rules that read git history (GR5xx), for `--no-history`.
    pub fn without_history_rules(mut self) -> Self {
        self.rules.retain(|(rule, _)| !rule.code.starts_with("GR5"));
        self
    }

    /// The word lists the text rules use (the report's SMART checklist uses them too).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn ladder(&self) -> Option<&Ladder> {
        self.ladder.as_ref()
    }

    /// The severity a rule (built in or a wording rule) runs at, or `None` when it is off.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        self.rules
            .iter()
            .find(|(r, _)| r.code == code)
            .map(|(_, s)| *s)
            .or_else(|| {
                let at = self.wording.rules.iter().position(|r| r.code == code)?;
                self.wording_levels[at]
            })
    }

    /// Lints one parsed plan without history. Findings come back sorted by position.
    pub fn lint(&self, parsed: &ParsedPlan) -> Vec<Diagnostic> {
        self.lint_with_history(parsed, None)
    }

    /// Lints one parsed plan with what git history says about it (for GR501–GR503).
    pub fn lint_with_history(
        &self,
        parsed: &ParsedPlan,
        history: Option<&PlanFacts>,
    ) -> Vec<Diagnostic> {
        let file = &parsed.file;
        let suppress::Scan {
            suppressions,
            unknown,
            misspelt,
        } = suppress::scan(file, &self.wording);
        let index = suppress::Index::new(&suppressions);
        // A file that does not parse as a whole gets only its reading problems: rules on a
        // half-read plan would report things that are not wrong.
        let readable = !parsed
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Unreadable | ProblemKind::Syntax));
        let empty;
        let plan = match &parsed.plan {
            Some(plan) => plan,
            None => {
                empty = crate::plan::Plan::empty(crate::plan::PlanFormat::of(file.path()));
                &empty
            }
        };
        let cx = Context {
            plan,
            file,
            problems: &parsed.problems,
            ladder: self.ladder.as_ref(),
            options: &self.options,
            lexicon: &self.lexicon,
            today: self.today,
            history,
            measures: Default::default(),
        };
        let mut out = Vec::new();
        let mut findings = Vec::new();
        for (rule, severity) in &self.rules {
            if !readable && !READING_RULES.contains(&rule.code) {
                continue;
            }
            findings.clear();
            (rule.check)(&cx, &mut findings);
            for finding in findings.drain(..) {
                let line = file.position(finding.span.start).line;
                if !index.suppressed(rule.code, line) {
                    out.push(diagnostic(file, rule, *severity, finding));
                }
            }
        }
        if readable {
            let on = self.wording.rules.iter().zip(&self.wording_levels);
            for (rule, severity) in on.filter_map(|(r, s)| Some((r, s.as_ref()?))) {
                for finding in rule.check(plan, file) {
                    let line = file.position(finding.span.start).line;
                    if !index.suppressed(rule.code, line) {
                        out.push(make_diagnostic(
                            file,
                            (rule.code, rule.name),
                            *severity,
                            finding,
                        ));
                    }
                }
            }
        }
        for (wider, narrower) in SUBSUMES {
            if out.iter().any(|d| d.code == *wider) {
                out.retain(|d| d.code != *narrower);
            }
        }
        for (wider, narrower) in SUBSUMES_AT {
            let places: Vec<Span> = out
                .iter()
                .filter(|d| d.code == *wider)
                .map(|d| d.span)
                .collect();
            out.retain(|d| d.code != *narrower || !places.contains(&d.span));
        }
        if let Some((rule, severity)) = self
            .rules
            .iter()
            .find(|(r, _)| r.code == UNUSED_SUPPRESSION)
        {
            for m in &misspelt {
                let finding = Finding::new(
                    m.span,
                    format!(
                        "`{}` is not a suppression directive; this comment hides nothing",
                        m.written
                    ),
                )
                .help(format!(
                    "did you mean `{}`? (the directives are `growth-disable-next-line` and `growth-disable-file`)",
                    m.meant
                ));
                out.push(diagnostic(file, rule, *severity, finding));
            }
            for u in &unknown {
                let finding = Finding::new(
                    u.span,
                    format!("`{}` is not a rule; this suppression does nothing", u.name),
                )
                .help("`growth rules` lists the rule codes and names");
                out.push(diagnostic(file, rule, *severity, finding));
            }
            for s in suppressions.iter().filter(|s| !s.used.get()) {
                if self.severity(s.code).is_none() {
                    continue;
                }
                let finding = Finding::new(
                    s.span,
                    format!("unused suppression: no {} finding here", s.code),
                )
                .help("remove it; it no longer hides anything");
                out.push(diagnostic(file, rule, *severity, finding));
            }
        }
        out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out
    }
}

fn diagnostic(file: &SourceFile, rule: &Rule, severity: Severity, finding: Finding) -> Diagnostic {
    make_diagnostic(file, (rule.code, rule.name), severity, finding)
}

fn make_diagnostic(
    file: &SourceFile,
    (code, name): (&'static str, &'static str),
    severity: Severity,
    finding: Finding,
) -> Diagnostic {
    let span: Span = finding.span;
    Diagnostic {
        code,
        rule: name,
        severity,
        path: file.path().to_path_buf(),
        span,
        start: file.position(span.start),
        end: file.position(span.end.max(span.start)),
        message: finding.message,
        help: finding.help,
        fix: finding.fix,
    }
}
