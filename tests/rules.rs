//! Every rule is documented, and its documented examples behave as documented: the bad plan
//! fires the rule, the good plan does not.

use chrono::NaiveDate;
use growth::config::Config;
use growth::ladder::Ladder;
use growth::lint::registry::RULES;
use growth::lint::Linter;
use growth::plan;

fn linter() -> Linter {
    let ladder = Ladder::load("tests/fixtures/ladder.yaml".as_ref()).unwrap();
    Linter::new(&Config::default(), Some(ladder), today()).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

fn codes(linter: &Linter, text: &str) -> Vec<String> {
    let parsed = plan::parse_str("plans/example.md", text);
    linter
        .lint(&parsed)
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
        let bad = codes(&linter, &doc.bad);
        if !bad.iter().any(|c| c.starts_with(rule.code)) {
            failures.push(format!(
                "{}: bad example does not fire; got {bad:#?}",
                rule.code
            ));
        }
        let good = codes(&linter, &doc.good);
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
