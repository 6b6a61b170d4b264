//! The keys of the plan format and how their values are read, shared by both plan forms.

use crate::decode::{slug, suggest, Decoder, Fields};
use crate::problem::{Problem, ProblemKind};
use crate::source::{Span, Spanned};
use crate::yaml::{self, Node, SyntaxError, Value};

use super::{Cadence, Goal, GoalStatus, GoalType, Period, Plan, PlanFormat};

/// Keys of the Markdown front matter (and the top level of a YAML plan).
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "owner",
    "role",
    "target_role",
    "period",
    "review",
    "north_star",
    "not_willing",
    "cadence",
    "aliases",
];

/// Keys of a goal's metadata block.
pub const GOAL_KEYS: &[&str] = &[
    "id",
    "type",
    "focus",
    "competency",
    "measure",
    "baseline",
    "target",
    "due",
    "why",
    "obstacles",
    "resources",
    "relevance",
    "status",
    "cadence",
    "evidence",
];

/// Keys of `period`.
pub const PERIOD_KEYS: &[&str] = &["start", "end"];

/// Top-level keys of a YAML plan: the front matter keys plus these.
pub const YAML_PLAN_KEYS: &[&str] = &["title", "goals"];
/// Keys of a goal in a YAML plan: the goal keys plus these.
pub const YAML_GOAL_KEYS: &[&str] = &["title", "actions", "checkins"];
/// Keys of an action in a YAML plan.
pub const YAML_ACTION_KEYS: &[&str] = &["text", "done", "due", "evidence"];
/// Keys of a check-in in a YAML plan.
pub const YAML_CHECKIN_KEYS: &[&str] = &["date", "value", "note"];

const GOAL_TYPES: &[(&str, GoalType)] = &[
    ("development", GoalType::Development),
    ("career", GoalType::Career),
    ("business", GoalType::Business),
];

const GOAL_STATUSES: &[(&str, GoalStatus)] = &[
    ("planned", GoalStatus::Planned),
    ("active", GoalStatus::Active),
    ("done", GoalStatus::Done),
    ("dropped", GoalStatus::Dropped),
    ("blocked", GoalStatus::Blocked),
];

/// Parses the YAML of a plan (`what`: "the front matter", "the plan", …) that is
/// `file_text[base..end]`, reporting what is wrong at its place in the file. A key given twice
/// is reported and the rest still read; any other syntax error leaves nothing to read.
pub fn parse_yaml(
    dec: &mut Decoder,
    file_text: &str,
    base: usize,
    end: usize,
    what: &str,
) -> Option<Node> {
    let problem = |kind, err: &SyntaxError| {
        let mut p = Problem::new(
            kind,
            Span::at(base + err.offset),
            format!(
                "{what} is not valid YAML: {}",
                err.describe(file_text, base)
            ),
        );
        p.help = err.help.map(str::to_string);
        p
    };
    match yaml::parse_keeping_duplicates(&file_text[base..end]) {
        Ok((node, duplicates)) => {
            for err in &duplicates {
                dec.report(problem(ProblemKind::DuplicateKey, err));
            }
            Some(node.offset(base))
        }
        Err(err) => {
            dec.report(problem(ProblemKind::Syntax, &err));
            None
        }
    }
}

/// Where a plan's own keys (`owner`, `period`, …) are written, for advice.
pub fn plan_keys_place(format: PlanFormat) -> &'static str {
    match format {
        PlanFormat::Markdown => "the front matter",
        PlanFormat::Yaml => "the top of the plan",
    }
}

/// An empty plan whose plan-level findings point at `header_span`.
pub fn empty_plan(format: PlanFormat, header_span: Span) -> Plan {
    Plan {
        format,
        title: None,
        owner: None,
        role: None,
        target_role: None,
        period: None,
        review: None,
        north_star: None,
        not_willing: Vec::new(),
        cadence: None,
        aliases: Vec::new(),
        goals: Vec::new(),
        written: Vec::new(),
        header_span,
    }
}

/// Reads the front-matter keys into `plan`, reporting `owner` and `period` when missing.
pub fn read_header(dec: &mut Decoder, fields: &Fields, plan: &mut Plan) {
    let text = |dec: &mut Decoder, key| fields.get(key).and_then(|n| dec.text(n));
    plan.owner = text(dec, "owner");
    plan.role = text(dec, "role");
    plan.target_role = text(dec, "target_role");
    plan.north_star = text(dec, "north_star");
    plan.review = fields.get("review").and_then(|n| dec.date(n));
    plan.not_willing = fields
        .get("not_willing")
        .map(|n| dec.text_list(n))
        .unwrap_or_default();
    plan.period = fields.get("period").and_then(|n| read_period(dec, n));
    plan.cadence = fields.get("cadence").and_then(|n| read_cadence(dec, n));
    plan.aliases = (fields.get("aliases").map(|n| dec.text_list(n))).unwrap_or_default();

    plan.written = written(fields, FRONT_MATTER_KEYS);
    let at = Span::at(fields.span.start);
    // A misspelt `owner`/`period` is reported by the reader with its "did you mean"; an
    // invalid one by its value's problem: neither is missing as well.
    let absent = |key| !plan.written.contains(&key);
    if absent("owner") {
        dec.missing(
            at,
            "the plan has no `owner`",
            format!("add `owner: Your Name` to {}", plan_keys_place(plan.format)),
        );
    }
    if absent("period") {
        dec.missing(
            at,
            "the plan has no `period`",
            "add `period: { start: 2026-01-01, end: 2026-06-30 }`: the dates the plan covers",
        );
    }
}

/// The keys of `known` written in `fields` with a value, a misspelt key counted as the known
/// key it is nearest to: the reader reports the misspelling, and the rules do not report the
/// key as missing as well.
fn written(fields: &Fields, known: &[&'static str]) -> Vec<&'static str> {
    fields
        .entries()
        .filter(|(_, value)| !is_blank(value))
        .filter_map(|(key, _)| {
            let name = key.name.as_str();
            known
                .iter()
                .find(|k| **k == name)
                .copied()
                .or_else(|| suggest(name, known))
        })
        .collect()
}

fn is_blank(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::Str(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn read_period(dec: &mut Decoder, node: &Node) -> Option<Period> {
    let fields = dec.fields(node, "period", PERIOD_KEYS)?;
    let start = fields.get("start").and_then(|n| dec.date(n));
    let end = fields.get("end").and_then(|n| dec.date(n));
    for key in PERIOD_KEYS {
        if fields.get(key).is_none() {
            dec.missing(
                node.span,
                format!("the period has no `{key}` date"),
                "write the period as `{ start: 2026-01-01, end: 2026-06-30 }`",
            );
        }
    }
    Some(Period {
        start: start?,
        end: end?,
        span: node.span,
    })
}

/// A goal with only its title; the metadata is read into it by [`read_goal_meta`].
pub fn new_goal(title: Spanned<String>, span: Span) -> Goal {
    Goal {
        id: Spanned::new(slug(&title.value), title.span),
        id_explicit: false,
        title,
        kind: None,
        focus: None,
        competency: None,
        measure: None,
        baseline: None,
        target: None,
        due: None,
        why: None,
        obstacles: None,
        resources: None,
        relevance: None,
        status: None,
        cadence: None,
        actions: Vec::new(),
        checkins: Vec::new(),
        evidence: Vec::new(),
        written: Vec::new(),
        span,
        layout: super::GoalLayout::default(),
    }
}

/// Reads the goal metadata keys into `goal`.
pub fn read_goal_meta(dec: &mut Decoder, fields: &Fields, goal: &mut Goal) {
    goal.written = written(fields, GOAL_KEYS);
    let text = |dec: &mut Decoder, key| fields.get(key).and_then(|n| dec.text(n));
    if let Some(id) = text(dec, "id") {
        goal.id = id;
        goal.id_explicit = true;
    }
    goal.focus = text(dec, "focus");
    goal.competency = text(dec, "competency");
    goal.measure = text(dec, "measure");
    goal.baseline = text(dec, "baseline");
    goal.target = text(dec, "target");
    goal.why = text(dec, "why");
    goal.obstacles = text(dec, "obstacles");
    goal.resources = text(dec, "resources");
    goal.relevance = text(dec, "relevance");
    goal.due = fields.get("due").and_then(|n| dec.date(n));
    goal.kind = fields.get("type").and_then(|n| dec.choice(n, GOAL_TYPES));
    goal.status = fields
        .get("status")
        .and_then(|n| dec.choice(n, GOAL_STATUSES));
    goal.cadence = fields.get("cadence").and_then(|n| read_cadence(dec, n));
    goal.evidence = (fields.get("evidence").map(|n| dec.text_list(n))).unwrap_or_default();
}

fn read_cadence(dec: &mut Decoder, node: &Node) -> Option<Spanned<Cadence>> {
    let text = dec.text(node)?;
    match Cadence::parse(&text.value) {
        Ok(c) => Some(Spanned::new(c, text.span)),
        Err(message) => {
            dec.report(
                Problem::new(ProblemKind::WrongType, node.span, message)
                    .with_help("e.g. `cadence: weekly` or `cadence: every 2 weeks`"),
            );
            None
        }
    }
}
