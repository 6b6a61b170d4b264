//! The shipped examples: every plan parses cleanly, and the deliberate flaws of the team
//! plans are exactly the findings the linter reports.

use chrono::NaiveDate;
use growth::config::Config;
use growth::discover;
use growth::ladder::Ladder;
use growth::lint::Linter;
use growth::plan;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// `path:line:col CODE message` for every finding in an example repo.
fn lint_repo(root: &str) -> Vec<String> {
    let config = Config::discover(root.as_ref()).unwrap();
    let ladder = config.ladder.as_ref().map(|p| Ladder::load(p).unwrap());
    let linter = Linter::new(&config, ladder, today()).unwrap();
    let files = discover::plan_files(&config, &[root.into()]).unwrap();
    assert!(!files.is_empty());
    let mut out = Vec::new();
    for path in files {
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
