//! The YAML form: the front-matter keys at the top level, plus `title` and `goals`.

use crate::decode::{parse_date, Decoder};
use crate::problem::{Problem, ProblemKind};
use crate::source::{SourceFile, Span, Spanned};
use crate::yaml::{Node, Value};

use super::fields::{
    empty_plan, new_goal, parse_yaml, read_goal_meta, read_header, FRONT_MATTER_KEYS, GOAL_KEYS,
};
use super::fields::{YAML_ACTION_KEYS, YAML_CHECKIN_KEYS, YAML_GOAL_KEYS, YAML_PLAN_KEYS};
use super::{Action, Checkin, Goal, Plan, PlanFormat};

pub fn parse(file: &SourceFile) -> (Plan, Vec<Problem>) {
    let bom = file.bom_len();
    let text = &file.text()[bom..];
    let first_line = &text[..text.find('\n').unwrap_or(text.len())];
    let top = Span::new(bom, bom + first_line.trim_end().len());
    let mut plan = empty_plan(PlanFormat::Yaml, top);
    let mut dec = Decoder::default();
    let Some(root) = parse_yaml(&mut dec, file.text(), bom, file.text().len(), "the plan") else {
        return (plan, dec.problems);
    };
    let known: Vec<&str> = FRONT_MATTER_KEYS
        .iter()
        .chain(YAML_PLAN_KEYS)
        .copied()
        .collect();
    if let Some(fields) = dec.fields(&root, "plan", &known) {
        read_header(&mut dec, &fields, &mut plan);
        plan.title = fields.get("title").and_then(|n| dec.text(n));
        if let Some(goals) = fields.get("goals") {
            for node in dec.list(goals, "goals") {
                if let Some(goal) = read_goal(&mut dec, node) {
                    plan.goals.push(goal);
                }
            }
        }
    }
    (plan, dec.problems)
}

fn read_goal(dec: &mut Decoder, node: &Node) -> Option<Goal> {
    let known: Vec<&str> = GOAL_KEYS.iter().chain(YAML_GOAL_KEYS).copied().collect();
    let fields = dec.fields(node, "goal", &known)?;
    let title = fields.get("title").and_then(|n| dec.text(n));
    if title.is_none() {
        dec.missing(
            Span::at(node.span.start),
            "a goal without a `title`",
            "give every goal a `title:`, e.g. `title: Run the Q3 incident review`",
        );
    }
    let title = title.unwrap_or_else(|| Spanned::new(String::new(), Span::at(node.span.start)));
    let mut goal = new_goal(title, Span::at(node.span.start));
    goal.layout.extent = node.span;
    if let Value::Map(entries) = &node.value {
        goal.layout.first_key = entries.first().map(|(k, _)| k.span);
        if let Some((_, value)) = entries.iter().find(|(k, _)| k.name == "checkins") {
            goal.layout.checkins = Some(value.span);
            if let Value::Seq(items) = &value.value {
                goal.layout.last_checkin = items.last().map(|n| n.span);
            }
        }
    }
    read_goal_meta(dec, &fields, &mut goal);
    if let Some(actions) = fields.get("actions") {
        goal.actions = dec
            .list(actions, "actions")
            .iter()
            .filter_map(|n| read_action(dec, n))
            .collect();
    }
    if let Some(checkins) = fields.get("checkins") {
        goal.checkins = dec
            .list(checkins, "check-ins")
            .iter()
            .filter_map(|n| read_checkin(dec, n))
            .collect();
    }
    Some(goal)
}

/// An action: `{text, done, due}`, or just its text.
fn read_action(dec: &mut Decoder, node: &Node) -> Option<Action> {
    if let Value::Str(_) = node.value {
        return dec.text(node).map(|text| Action {
            text,
            done: false,
            done_on: None,
            due: None,
            evidence: Vec::new(),
            span: node.span,
        });
    }
    let fields = dec.fields(node, "action", YAML_ACTION_KEYS)?;
    let Some(text) = fields.get("text").and_then(|n| dec.text(n)) else {
        dec.missing(
            Span::at(node.span.start),
            "an action without `text`",
            "write actions as `{ text: Take four on-call shadow shifts, due: 2026-04-30 }`",
        );
        return None;
    };
    let (done, done_on) = match fields.get("done") {
        None => (false, None),
        Some(n) => match &n.value {
            Value::Bool(b) => (*b, None),
            Value::Null => (false, None),
            Value::Str(s) => match parse_date(s.trim()) {
                Ok(d) => (true, Some(Spanned::new(d, n.span))),
                Err(message) => {
                    dec.report(
                        Problem::new(ProblemKind::InvalidDate, n.span, message).with_help(
                            "`done` is true, false or the date it was done (YYYY-MM-DD)",
                        ),
                    );
                    (true, None)
                }
            },
            other => {
                dec.report(Problem::new(
                    ProblemKind::WrongType,
                    n.span,
                    format!("expected true, false or a date, found {}", other.kind()),
                ));
                (false, None)
            }
        },
    };
    let due = fields.get("due").and_then(|n| dec.date(n));
    let evidence = (fields.get("evidence").map(|n| dec.text_list(n))).unwrap_or_default();
    Some(Action {
        text,
        done,
        done_on,
        due,
        evidence,
        span: node.span,
    })
}

fn read_checkin(dec: &mut Decoder, node: &Node) -> Option<Checkin> {
    let fields = dec.fields(node, "check-in", YAML_CHECKIN_KEYS)?;
    let value = fields.get("value").and_then(|n| dec.text(n));
    let note = fields.get("note").and_then(|n| dec.text(n));
    let Some(date_node) = fields.get("date") else {
        dec.missing(
            Span::at(node.span.start),
            "a check-in without a `date`",
            "write check-ins as `{ date: 2026-03-01, value: 12%, note: solved 2 of 17 }`",
        );
        return None;
    };
    let date = dec.date(date_node)?;
    Some(Checkin {
        date,
        value,
        note,
        span: node.span,
    })
}
