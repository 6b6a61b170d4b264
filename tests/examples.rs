//! The shipped examples: every plan parses cleanly, and the deliberate flaws of the team
//! plans are exactly the findings the linter reports.

use chrono::NaiveDate;
use growth::lint::Linter;
use growth::plan;
use growth::workspace::Workspace;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// `path:line:col CODE message` for every finding in an example repo.
fn lint_repo(root: &str) -> Vec<String> {
    let ws = Workspace::open(None, &[root.into()]).unwrap().remove(0);
    let linter = Linter::new(&ws.config, ws.ladder().unwrap(), today()).unwrap();
    let files = ws.plan_files().files;
    assert!(!files.is_empty());
    let mut out = Vec::new();
    for file in files {
        let path = file.shown;
        let parsed = plan::load(&path);
        assert_eq!(
            parsed.problems,
            vec![],
            "{} does not read cleanly",
            path.display()
        );
        for d in linter.lint(&parsed) {
            out.push(format!(
                "{}:{}:{} {}[{}] {}",
                d.path.display(),
                d.start.line,
                d.start.column,
                d.severity,
                d.code,
                d.message
            ));
        }
    }
    out
}

#[test]
fn personal_example_is_clean_of_warnings() {
    let findings = lint_repo("examples/personal");
    insta::assert_snapshot!(findings.join("\n"));
}

#[test]
fn team_example_findings() {
    let findings = lint_repo("examples/team");
    insta::assert_snapshot!(findings.join("\n"));
}
