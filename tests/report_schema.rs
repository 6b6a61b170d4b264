//! `growth report --format json` follows schema/report.schema.json, which rejects any field
//! the schema does not know, so the model and the schema cannot drift apart.

use assert_cmd::Command;
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string("schema/report.schema.json").unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn report(args: &[&str], dir: &std::path::Path) -> Value {
    let out = Command::cargo_bin("growth")
        .unwrap()
        .current_dir(dir)
        .env("GROWTH_TODAY", "2026-11-22")
        .args(["report", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_valid(instance: &Value) {
    let errors: Vec<String> = schema()
        .iter_errors(instance)
        .map(|e| format!("at {}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_team_example_report_validates() {
    let here = std::env::current_dir().unwrap();
    let report = report(&["examples/team"], &here);
    assert!(report["team"]["people"].as_array().unwrap().len() == 4);
    assert_valid(&report);
    let one = self::report(&["examples/team", "--owner", "jane"], &here);
    assert!(one.get("team").is_none());
    assert_valid(&one);
}

#[test]
fn a_report_without_git_validates_and_says_so() {
    let dir = tempfile::TempDir::new().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::copy("tests/fixtures/plans/canonical.md", plans.join("jane.md")).unwrap();
    let report = report(&[], dir.path());
    assert_eq!(report["history"], false);
    assert!(report["notes"][0]
        .as_str()
        .unwrap()
        .contains("history is unavailable"));
    assert_valid(&report);
}

#[test]
fn unknown_fields_are_rejected() {
    let here = std::env::current_dir().unwrap();
    let mut report = report(&["examples/team"], &here);
    report["plans"][0]["goals"][0]["surprise"] = Value::Bool(true);
    assert!(!schema().is_valid(&report));
}
