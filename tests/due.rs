//! `growth due`: check-ins (by cadence) and actions coming due, per person, on the fixture
//! plans in tests/fixtures/cadence with a fixed `--today`.

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/cadence";

fn growth() -> Command {
    let mut cmd = Command::cargo_bin("growth").unwrap();
    cmd.current_dir(FIXTURE).env_remove("GROWTH_TODAY");
    cmd
}

#[test]
fn due_lists_check_ins_and_actions_per_person() {
    growth()
        .args(["due", "plans", "--today", "2026-03-15"])
        .assert()
        .code(0)
        .stdout(
            "Due by 2026-03-22 (today is 2026-03-15):

Jane Doe
  2026-03-10  overdue    check-in  prod-issues (monthly; last on 2026-02-10)  plans/jane.md:7
  2026-03-16  in 1 day   check-in  talk (weekly; last on 2026-03-09)  plans/jane.md:17

Raj
  2026-03-16  in 1 day   check-in  review (every 10 days; last on 2026-03-06)  plans/raj.plan.yaml:4
  2026-03-20  in 5 days  action    review: Draft the template  plans/raj.plan.yaml:8
",
        );
}

#[test]
fn within_widens_the_window_and_json_carries_the_same() {
    let out = growth()
        .args([
            "due",
            "plans",
            "--today",
            "2026-03-15",
            "--within",
            "0",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({
            "today": "2026-03-15",
            "until": "2026-03-15",
            "people": [{
                "owner": "Jane Doe",
                "items": [{
                    "kind": "check-in",
                    "due": "2026-03-10",
                    "overdue": true,
                    "goal": "prod-issues",
                    "cadence": "monthly",
                    "last": "2026-02-10",
                    "path": "plans/jane.md",
                    "line": 7
                }]
            }]
        })
    );
    let out = growth()
        .args([
            "due",
            "plans",
            "--today",
            "2026-03-15",
            "--within",
            "50",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let raj: Vec<String> = doc["people"][1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {} {}", i["due"], i["kind"], i["goal"]))
        .collect();
    assert_eq!(
        raj,
        [
            "\"2026-03-16\" \"check-in\" \"review\"",
            "\"2026-03-20\" \"action\" \"review\"",
            "\"2026-04-30\" \"action\" \"review\""
        ]
    );
}

#[test]
fn an_ended_plan_has_nothing_due() {
    growth()
        .args(["due", "plans", "--today", "2027-01-05"])
        .assert()
        .code(0)
        .stdout("Nothing due by 2027-01-12.\n");
}

/// The JSON output follows schema/due.schema.json.
#[test]
fn json_follows_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("schema/due.schema.json").unwrap()).unwrap();
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for within in ["0", "7", "400"] {
        let out = growth()
            .args([
                "due",
                "plans",
                "--today",
                "2026-03-15",
                "--format",
                "json",
                "--within",
                within,
            ])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "--within {within}: {errors:?}");
    }
}

#[test]
fn a_plan_that_does_not_parse_is_named_not_skipped_in_silence() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("plans")).unwrap();
    std::fs::write(
        dir.path().join("plans/raj.plan.yaml"),
        "owner: Raj\nperiod: { start: 2026-01-01, end: 2026-12-31 }\ncadence: [weekly\n",
    )
    .unwrap();
    let out = growth()
        .current_dir(dir.path())
        .args(["due", "plans", "--today", "2026-03-15"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Nothing due by 2026-03-22.\n"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("growth: note: plans/raj.plan.yaml:3:"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("; what is due there is not listed\n"),
        "{stderr}"
    );
}
