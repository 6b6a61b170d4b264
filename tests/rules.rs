//! Every rule is documented, and its documented examples behave as documented: the bad plan
//! fires the rule, the good plan does not.

use chrono::NaiveDate;
use growth::config::Config;
use growth::evidence::{Checked, Status};
use growth::history::agreement::Agreement;
use growth::history::facts::{Backdated, MovedGoalpost, PlanFacts};
use growth::history::since::{Agreed, ChangedSince};
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
            due: false,
            from: "25%".into(),
            to: "15%".into(),
        }),
        ("GR505", true) => {
            facts.agreed = Some(Agreed {
                agreement: Agreement {
                    by: "Bob Manager".into(),
                    email: None,
                    on: date(1, 10),
                    via: "Agreed-by".into(),
                },
                commit: "abc1234".into(),
                added_since: Default::default(),
                changes: vec![ChangedSince {
                    goal: "solve-production-issues-on-my-own".into(),
                    field: "target",
                    from: "25%".into(),
                    to: "15%".into(),
                    commit: "def5678".into(),
                    date: date(3, 2),
                }],
            })
        }
        ("GR506", true) => {
            let at = text.find("0000000").expect("the cited revision");
            facts.evidence.push(Checked {
                goal: "solve-production-issues-on-my-own".into(),
                action: Some("Fix the retry storm".into()),
                cited: "0000000".into(),
                span: Span::new(at, at + 7),
                status: Status::Unverified(vec![
                    "no revision `0000000` in the plans' repository".into()
                ]),
                commit: None,
                author: None,
                date: None,
            })
        }
        ("GR502" | "GR503" | "GR505" | "GR506", _) => {}
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

/// GR209, GR210 and GR211 on a fixture plan (today is 2026-03-15): a check-in dated after
/// today is said once (GR209, not GR210 as well), and values that convert (`0.5 s` against
/// `400 ms`, `2.5 days` against `2 days`) or are bare (`[3]`) are not mismatches.
#[test]
fn future_dates_entries_outside_the_period_and_unit_mismatches() {
    let text = std::fs::read_to_string("tests/fixtures/plans/dates-and-units.md").unwrap();
    let found: Vec<String> = codes_with(&linter(), &text, None)
        .into_iter()
        .filter(|f| ["GR209", "GR210", "GR211"].contains(&&f[..5]))
        .collect();
    assert_eq!(
        found,
        [
            "GR209 21:35 the action is marked done on 2026-05-02, after today (2026-03-15)",
            "GR210 24:3 check-in 2025-12-20 is before the period starts (2026-01-01)",
            "GR211 25:15 the check-in value `80%` is in %, but the target `4 updates` is in updates",
            "GR209 27:3 the check-in is dated 2026-04-01, after today (2026-03-15)",
            "GR209 28:3 the check-in is dated 2026-07-15, after today (2026-03-15)",
            "GR211 45:15 the check-in value `3 PRs` is in PRs, but the target `400 ms` is in milliseconds",
            "GR211 52:11 the baseline `36 hours` is in hours, but the target `2 days` is in days",
            "GR211 64:15 the check-in value `30 h` is in hours, but the target `2 days` is in days",
        ]
    );
}

/// The same rules on the YAML form: findings point at the YAML values.
#[test]
fn entry_rules_in_a_yaml_plan() {
    let text = r#"owner: Una Ito
period: { start: 2026-01-01, end: 2026-06-30 }
goals:
  - title: Send the billing stakeholders a written update every month
    measure: 4 written updates sent to the billing stakeholders by June
    target: 4 updates
    actions:
      - { text: Send the first update, done: 2026-05-02 }
    checkins:
      - { date: 2025-12-20, value: "1" }
      - { date: 2026-02-01, value: "80%", note: most of them read it }
      - { date: 2027-02-01, value: "4" }
"#;
    let parsed = plan::parse_str("plans/una.plan.yaml", text);
    let found: Vec<String> = linter()
        .lint_with_history(&parsed, None)
        .iter()
        .filter(|d| ["GR209", "GR210", "GR211"].contains(&d.code))
        .map(|d| {
            let help = d.help.as_deref().unwrap_or("");
            format!(
                "{} {}:{} {} ({help})",
                d.code, d.start.line, d.start.column, d.message
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "GR209 8:46 the action is marked done on 2026-05-02, after today (2026-03-15) \
             (correct the date if it is a typo; an action is done the day it is done)",
            "GR210 10:17 check-in 2025-12-20 is before the period starts (2026-01-01) \
             (move it to the plan for that period, or correct the date)",
            "GR211 11:36 the check-in value `80%` is in %, but the target `4 updates` is in updates \
             (write it in updates (a bare number is read in the target's unit), or change the target)",
            "GR209 12:17 the check-in is dated 2027-02-01, after today (2026-03-15) \
             (correct the date if it is a typo; until that day the report does not count it as progress)",
        ]
    );
}

/// Without history, staleness is judged by the plan's dates up to today: a check-in dated
/// next year (GR209) does not make a goal that stopped in January look fresh.
#[test]
fn a_future_check_in_does_not_hide_a_stale_goal() {
    let text = "---
owner: Una Ito
period: { start: 2026-01-01, end: 2026-06-30 }
---

## Goal: Solve production issues on my own

### Check-ins
- 2026-01-20 [8%] solved 1 of 12
- 2027-01-20 [25%] a typo for 2026-03-20?
";
    let found: Vec<String> = codes_with(&linter(), text, None)
        .into_iter()
        .filter(|f| f.starts_with("GR501") || f.starts_with("GR209"))
        .collect();
    assert_eq!(
        found,
        [
            "GR501 6:10 no progress on `solve-production-issues-on-my-own` for 54 days \
             (by its dates, last on 2026-01-20)",
            "GR209 10:3 the check-in is dated 2027-01-20, after today (2026-03-15)",
        ]
    );
}

/// One mistake, one finding: a `due` that is not a date is GR004 only (not also GR206
/// missing-due), a misspelt `measure:` is GR002 only (not also GR202), and a misspelt
/// `relevence:` is not also GR205.
#[test]
fn a_key_written_wrong_is_reported_once() {
    let text = "---
owner: Una Ito
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: A calm on-call rotation
---

## Goal: Run 2 incident reviews

```yaml
mesure: I run 2 incident reviews
due: 2026-02-30
relevence: the team has few reviewers
why: peers at my level do this
```

### Actions
- [ ] Shadow one review (due 2026-05-01)

### Check-ins
- 2026-03-10 [1] ran the first one
";
    assert_eq!(
        codes_with(&linter(), text, None),
        [
            "GR002 10:1 unknown goal key `mesure`",
            "GR004 11:6 `2026-02-30` is not a real date: that month has no day 30",
            "GR002 12:1 unknown goal key `relevence`",
        ]
    );
}

/// An ended plan is one GR305, not also a GR208 for every goal and action past due, nor a
/// GR501 for every goal that stopped moving.
#[test]
fn an_ended_plan_is_expired_once_not_overdue_per_goal() {
    let text = "---
owner: Una Ito
period: { start: 2025-07-01, end: 2025-12-31 }
north_star: A calm on-call rotation
---

## Goal: Run 2 incident reviews

```yaml
measure: I run 2 incident reviews
due: 2025-11-30
relevance: the team has few reviewers
why: peers at my level do this
```

### Actions
- [ ] Shadow one review (due 2025-10-01)
";
    let found: Vec<String> = codes_with(&linter(), text, None)
        .into_iter()
        .filter(|f| ["GR208", "GR305", "GR501"].iter().any(|c| f.starts_with(c)))
        .collect();
    assert_eq!(
        found,
        ["GR305 3:35 the period ended on 2025-12-31 and 1 goal is still active"]
    );
    // With GR305 off, the dates and the standstill are what there is to say.
    let dir = tempfile::TempDir::new().unwrap();
    let config = dir.path().join("growth.yaml");
    std::fs::write(&config, "rules:\n  plan-expired: off\n").unwrap();
    let config = Config::load(&config).unwrap();
    let without = Linter::new(&config, None, today()).unwrap();
    let found: Vec<String> = codes_with(&without, text, None)
        .into_iter()
        .filter(|f| ["GR208", "GR305", "GR501"].iter().any(|c| f.starts_with(c)))
        .collect();
    assert_eq!(
        found,
        [
            "GR501 7:10 no progress on `run-2-incident-reviews` since the period started 257 days ago",
            "GR208 11:6 the goal `run-2-incident-reviews` was due 2025-11-30 (105 days ago)",
            "GR208 17:30 open action was due 2025-10-01 (165 days ago)",
        ]
    );
}

/// A YAML plan has no front matter and no yaml blocks: its advice names the places its keys
/// are written.
#[test]
fn yaml_plans_get_yaml_advice() {
    let text = "period: { start: 2026-01-01, end: 2026-06-30 }
goals:
  - title: Run 2 incident reviews
    why: peers at my level do this
    relevance: the team has few reviewers
    checkins: [{ date: 2026-03-10, value: '1' }]
";
    let parsed = plan::parse_str("plans/una.plan.yaml", text);
    let helps: Vec<String> = linter()
        .lint(&parsed)
        .iter()
        .map(|d| format!("{} {}", d.code, d.help.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        helps,
        [
            "GR003 add `owner: Your Name` to the top of the plan",
            "GR301 add `north_star:` to the top of the plan: the long-term direction these goals serve",
            "GR102 add `actions:` to the goal with at least one entry, e.g. `- { text: …, due: 2026-04-30 }`",
            "GR202 add `measure:` to the goal's entry under `goals:`: how will you know it is met?",
            "GR206 add `due: YYYY-MM-DD` to the goal's entry under `goals:`",
        ]
    );
}

/// The same for the plan's own keys: a misspelt `owner`, `period` or `north_star` is GR002,
/// not also GR003 or GR301.
#[test]
fn a_plan_key_written_wrong_is_reported_once() {
    let text = "---
ownr: Una Ito
peroid: { start: 2026-01-01, end: 2026-06-30 }
north_stra: A calm on-call rotation
---
";
    let found: Vec<String> = codes_with(&linter(), text, None)
        .into_iter()
        .filter(|f| !f.starts_with("GR006"))
        .collect();
    assert_eq!(
        found,
        [
            "GR002 2:1 unknown front matter key `ownr`",
            "GR002 3:1 unknown front matter key `peroid`",
            "GR002 4:1 unknown front matter key `north_stra`",
        ]
    );
}

#[test]
fn a_vague_title_over_a_concrete_measure_is_a_specific_goal() {
    let plan = |measure: &str| {
        format!(
            "---\nowner: Jane Doe\nperiod: {{ start: 2026-01-01, end: 2026-06-30 }}\nnorth_star: x\n---\n\n## Goal: Improve communication\n\n```yaml\nmeasure: {measure}\ndue: 2026-06-01\nwhy: w\nrelevance: r\n```\n\n### Actions\n- [ ] Write the first update\n"
        )
    };
    let gr2 = |text: &str| -> Vec<String> {
        codes_with(&linter(), text, None)
            .into_iter()
            .filter_map(|c| Some(c.split(' ').next()?.to_string()))
            .filter(|c| c.starts_with("GR20"))
            .collect()
    };
    // A number, or a pass/fail end state: the title is a name, and nothing fires.
    assert!(gr2(&plan("I send 12 weekly updates to the product team")).is_empty());
    assert!(gr2(&plan("the architecture group accepts my RFC")).is_empty());
    // A vague measure leaves the title vague too, and the measure is reported as well.
    assert_eq!(
        gr2(&plan("people understand me better")),
        ["GR201", "GR201", "GR203"]
    );
    // A measure with no quantity and no end state does not rescue the title.
    assert_eq!(
        gr2(&plan("staff engineers ask me to review their designs")),
        ["GR201", "GR203"]
    );
}
