//! Inline suppressions and rule options from config.

use chrono::NaiveDate;
use growth::config::Config;
use growth::lint::Linter;
use growth::plan;

const HEAD: &str = "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nnorth_star: A positive influence on others\n---\n\n";

fn lint_with(config: &Config, path: &str, text: &str) -> Vec<String> {
    let linter = Linter::new(config, None, NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()).unwrap();
    linter
        .lint(&plan::parse_str(path, text))
        .iter()
        .map(|d| format!("{}:{} {}", d.start.line, d.code, d.message))
        .collect()
}

fn lint(text: &str) -> Vec<String> {
    lint_with(&Config::default(), "plans/p.md", text)
}

fn only(findings: &[String], code: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.contains(code))
        .cloned()
        .collect()
}

#[test]
fn next_line_suppresses_only_the_next_line_and_only_that_rule() {
    let text = format!(
        "{HEAD}<!-- growth-disable-next-line GR201 -- agreed with my manager -->\n## Goal: Get better at system design\n\n## Goal: Improve my communication\n"
    );
    let findings = lint(&text);
    assert_eq!(
        only(&findings, "GR201"),
        ["10:GR201 the goal is vague: \"improve\" with nothing concrete"]
    );
    // Other rules on the suppressed line still fire.
    assert!(
        findings.iter().any(|f| f.starts_with("8:GR202")),
        "{findings:#?}"
    );
}

#[test]
fn names_and_several_rules_in_one_directive() {
    let text = format!("{HEAD}<!-- growth-disable-next-line vague-goal, GR202 GR204 -->\n## Goal: Get better at system design\n");
    let findings = lint(&text);
    assert!(only(&findings, "GR201").is_empty());
    assert!(only(&findings, "GR202").is_empty());
    assert!(only(&findings, "GR204").is_empty());
    assert!(only(&findings, "GR007").is_empty(), "{findings:#?}");
}

#[test]
fn file_wide_suppression() {
    let text = format!("{HEAD}<!-- growth-disable-file GR202 -->\n## Goal: A\n\n## Goal: B\n");
    let findings = lint(&text);
    assert!(only(&findings, "GR202").is_empty(), "{findings:#?}");
    assert_eq!(only(&findings, "GR102").len(), 2);
}

#[test]
fn yaml_comments_suppress_in_goal_blocks_and_yaml_plans() {
    let text = format!("{HEAD}## Goal: Lead reviews\n\n```yaml\n# growth-disable-next-line GR203\nmeasure: I am confident in reviews\n```\n");
    assert!(only(&lint(&text), "GR203").is_empty());
    let yaml = "owner: Raj\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n  # growth-disable-next-line GR201\n  - title: Get better at system design\n";
    let findings = lint_with(&Config::default(), "raj.plan.yaml", yaml);
    assert!(only(&findings, "GR201").is_empty(), "{findings:#?}");
    assert!(!only(&findings, "GR202").is_empty());
}

#[test]
fn unknown_and_unused_suppressions_are_reported() {
    let text = format!("{HEAD}<!-- growth-disable-next-line GR999 vauge-goal GR208 -->\n## Goal: Run the Q2 incident review\n");
    let findings = only(&lint(&text), "GR007");
    assert_eq!(
        findings,
        [
            "7:GR007 `GR999` is not a rule; this suppression does nothing",
            "7:GR007 `vauge-goal` is not a rule; this suppression does nothing",
            "7:GR007 unused suppression: no GR208 finding here",
        ]
    );
}

#[test]
fn directives_outside_comments_are_text() {
    let text = format!("{HEAD}The phrase growth-disable-next-line GR201 in prose does nothing.\n## Goal: Get better at system design\n");
    assert_eq!(only(&lint(&text), "GR201").len(), 1);
    assert!(only(&lint(&text), "GR007").is_empty());
}

#[test]
fn options_change_the_limits_and_word_lists() {
    let dir = tempfile::TempDir::new().unwrap();
    let config_path = dir.path().join("growth.yaml");
    std::fs::write(
        &config_path,
        "options:\n  max_development_goals: 1\n  max_open_actions: 1\n  vague_phrases: [level up]\n  outcome_phrases: [make principal]\n",
    )
    .unwrap();
    let config = Config::load(&config_path).unwrap();
    let text = format!(
        "{HEAD}## Goal: Level up in Rust\n\n### Actions\n- [ ] Make principal by June\n- [ ] Read the book\n\n## Goal: Ship the parser\n"
    );
    let findings = lint_with(&config, "plans/p.md", &text);
    assert_eq!(
        only(&findings, "GR101"),
        ["13:GR101 2 active development goals; at most 1 get real attention"]
    );
    assert_eq!(
        only(&findings, "GR103"),
        ["7:GR103 2 open actions; more than 1 is a backlog, not a plan"]
    );
    assert_eq!(only(&findings, "GR201").len(), 1, "{findings:#?}");
    assert_eq!(only(&findings, "GR302").len(), 1, "{findings:#?}");
    // With the defaults none of these fire.
    let default = lint(&text);
    for code in ["GR101", "GR103"] {
        assert!(only(&default, code).is_empty(), "{code}: {default:#?}");
    }
}

/// A misspelt directive is reported with the directive it most likely means, instead of
/// silently hiding nothing; prose and headings about growth are not directives.
#[test]
fn misspelt_directives_are_reported_with_a_suggestion() {
    let text = format!(
        "{HEAD}# Growth plan for the first half\n\n<!-- growth-disable-nextline GR201 -->\n## Goal: Get better at system design\n\n<!-- growth-ignore GR201 -->\n## Goal: Improve my communication\n\n<!-- growth-disable-all GR204 -->\n<!-- growth-notes: keep this short -->\n"
    );
    let linter = Linter::new(
        &Config::default(),
        None,
        NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
    )
    .unwrap();
    let found: Vec<String> = linter
        .lint(&plan::parse_str("plans/p.md", &text))
        .iter()
        .filter(|d| d.code == "GR007")
        .map(|d| {
            format!(
                "{}:{} {} ({})",
                d.start.line,
                d.start.column,
                d.message,
                d.help.as_deref().unwrap_or("")
            )
        })
        .collect();
    let also = "(the directives are `growth-disable-next-line` and `growth-disable-file`)";
    assert_eq!(
        found,
        [
            format!("9:6 `growth-disable-nextline` is not a suppression directive; this comment hides nothing (did you mean `growth-disable-next-line`? {also})"),
            format!("12:6 `growth-ignore` is not a suppression directive; this comment hides nothing (did you mean `growth-disable-next-line`? {also})"),
            format!("15:6 `growth-disable-all` is not a suppression directive; this comment hides nothing (did you mean `growth-disable-file`? {also})"),
        ]
    );
    // The misspelt line hid nothing: the vague goal under it is still reported.
    let vague = only(&lint(&text), "GR201");
    assert_eq!(vague.len(), 2, "{vague:?}");
}

/// In YAML, `#` comments are where directives go, so a misspelling there is caught too.
#[test]
fn misspelt_directives_in_yaml_plans() {
    let text = "owner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n# growth-disable-next-lines GR301\ngoals: []\n";
    let found = only(
        &lint_with(&Config::default(), "plans/p.plan.yaml", text),
        "GR007",
    );
    assert_eq!(
        found,
        ["3:GR007 `growth-disable-next-lines` is not a suppression directive; this comment hides nothing"]
    );
}
