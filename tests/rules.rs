//! Every rule is documented, and its documented examples behave as documented: the bad plan
//! fires the rule, the good plan does not.

use chrono::NaiveDate;
use growth::config::Config;
use growth::history::facts::{Backdated, MovedGoalpost, PlanFacts};
use growth::ladder::Ladder;
use growth::lint::registry::RULES;
use growth::lint::Linter;
use growth::plan;
use growth::source::Span;

fn linter() -> Linter {
    let ladder = Ladder::load("tests/fixtures/ladder.yaml".as_ref()).unwrap();
    Linter::new(&Config::default(), Some(ladder), today()).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

/// The history rules' examples need git history; their facts are given here, as the
/// history engine would derive them from the commits the examples describe.
fn history(code: &str, bad: bool, text: &str) -> Option<PlanFacts> {
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut facts = PlanFacts::default();
    match (code, bad) {
        ("GR502", true) => facts.backdated.push(Backdated {
            goal: "solve-production-issues-on-my-own".into(),
            stated: date(1, 5),
            span: {
                let at = text.find("- 2026-01-05").expect("the backdated check-in") + 2;
                Span::new(at, at + "2026-01-05".len())
            },
            committed: date(3, 10),
            commit: "abc1234".into(),
            checkin: true,
        }),
        ("GR503", true) => facts.moved.push(MovedGoalpost {
            goal: "solve-production-issues-on-my-own".into(),
            commit: "abc1234".into(),
            date: date(3, 2),
            change: "target 25% → 15%".into(),
            due: false,
        }),
        ("GR502" | "GR503", _) => {}
        _ => return None,
    }
    Some(facts)
}

fn codes_with(linter: &Linter, text: &str, facts: Option<&PlanFacts>) -> Vec<String> {
    let parsed = plan::parse_str("plans/example.md", text);
    linter
        .lint_with_history(&parsed, facts)
        .iter()
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d.code, d.start.line, d.start.column, d.message
            )
        })
        .collect()
}

#[test]
fn every_rule_is_documented_with_examples() {
    for rule in RULES {
        let doc = rule.doc();
        assert!(
            doc.rationale.len() > 80,
            "{}: rationale too short",
            rule.code
        );
        assert!(
            doc.bad.contains("owner:"),
            "{}: no bad example plan",
            rule.code
        );
        assert!(
            doc.good.contains("owner:"),
            "{}: no good example plan",
            rule.code
        );
        assert!(!rule.summary.is_empty(), "{}: no summary", rule.code);
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: name must be kebab-case",
            rule.code
        );
    }
}

#[test]
fn bad_examples_fire_and_good_examples_do_not() {
    let linter = linter();
    let mut failures = Vec::new();
    for rule in RULES {
        let doc = rule.doc();
        let bad = codes_with(
            &linter,
            &doc.bad,
            history(rule.code, true, &doc.bad).as_ref(),
        );
        if !bad.iter().any(|c| c.starts_with(rule.code)) {
            failures.push(format!(
                "{}: bad example does not fire; got {bad:#?}",
                rule.code
            ));
        }
        let good = codes_with(
            &linter,
            &doc.good,
            history(rule.code, false, &doc.good).as_ref(),
        );
        if good.iter().any(|c| c.starts_with(rule.code)) {
            failures.push(format!("{}: good example fires: {good:#?}", rule.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn codes_and_names_are_unique_and_sorted() {
    let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted);
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), RULES.len());
}
