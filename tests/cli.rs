//! The command line: every command, exit status and output switch.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const CLEAN: &str = "---
owner: Jane Doe
period: { start: 2026-07-01, end: 2026-12-31 }
north_star: A positive influence on others
---

## Goal: Run the Q4 incident review

```yaml
measure: I facilitate 2 incident reviews that end with an owner for every action
due: 2026-12-15
why: I have shadowed three
relevance: the team needs a second facilitator
```

### Actions
- [ ] Shadow Priya's November review (due 2026-11-30)

### Check-ins
- 2026-11-10 shadowed the October review
";

fn growth() -> Command {
    let mut cmd = Command::cargo_bin("growth").unwrap();
    cmd.env("GROWTH_TODAY", "2026-11-22").env_remove("NO_COLOR");
    cmd
}

fn repo(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    growth().current_dir(dir).args(args).assert()
}

#[test]
fn clean_plan_exits_zero_with_a_summary() {
    let dir = repo(&[("plans/jane.md", CLEAN)]);
    run_in(dir.path(), &["lint"])
        .code(0)
        .stdout("No problems found in 1 file (1 goal).\n");
}

#[test]
fn errors_exit_one_and_fail_on_moves_the_threshold() {
    let overdue = CLEAN.replace("2026-11-30", "2026-11-01");
    let dir = repo(&[("plans/jane.md", &overdue)]);
    // An overdue action is a warning: below the default threshold (error).
    run_in(dir.path(), &["lint"])
        .code(0)
        .stdout(predicate::str::contains("warning[GR208]"));
    run_in(dir.path(), &["lint", "--fail-on", "warning"]).code(1);
    run_in(dir.path(), &["lint", "--fail-on", "warning", "--exit-zero"]).code(0);
    // The date is relative to --today, which wins over GROWTH_TODAY: on 2026-10-01 the action
    // is not overdue yet, and the check-in dated 2026-11-10 is in the future (GR209).
    run_in(
        dir.path(),
        &["lint", "--fail-on", "error", "--today", "2026-10-01"],
    )
    .code(0)
    .stdout(predicate::str::contains("GR208").not())
    .stdout(predicate::str::contains("warning[GR209]"));
    let broken = CLEAN.replace("owner: Jane Doe\n", "");
    std::fs::write(dir.path().join("plans/jane.md"), broken).unwrap();
    run_in(dir.path(), &["lint"])
        .code(1)
        .stdout(predicate::str::contains("error[GR003]"));
}

#[test]
fn config_fail_on_and_rule_levels_apply() {
    let overdue = CLEAN.replace("2026-11-30", "2026-11-01");
    let dir = repo(&[
        ("plans/jane.md", &overdue),
        ("growth.yaml", "fail_on: warning\nrules:\n  overdue: info\n"),
    ]);
    run_in(dir.path(), &["lint"])
        .code(0)
        .stdout(predicate::str::contains("info[GR208]"));
    std::fs::write(dir.path().join("growth.yaml"), "fail_on: warning\n").unwrap();
    run_in(dir.path(), &["lint"]).code(1);
    std::fs::write(dir.path().join("growth.yaml"), "rules:\n  GR208: off\n").unwrap();
    run_in(dir.path(), &["lint"])
        .code(0)
        .stdout(predicate::str::contains("GR208").not());
}

#[test]
fn usage_config_and_io_errors_exit_two() {
    let dir = repo(&[("plans/jane.md", CLEAN)]);
    run_in(dir.path(), &["lint", "--format", "xml"]).code(2);
    run_in(dir.path(), &["lint", "--today", "2026-02-30"]).code(2);
    run_in(dir.path(), &["lint", "nope/"])
        .code(2)
        .stderr(predicate::str::contains("nope/: no such file or directory"));
    std::fs::write(
        dir.path().join("growth.yaml"),
        "fail_on: warning\nrulez: {}\n",
    )
    .unwrap();
    run_in(dir.path(), &["lint"])
        .code(2)
        .stderr(predicate::str::contains(
            "growth.yaml:2:1: unknown config key `rulez` (did you mean `rules`?)",
        ));
    std::fs::write(
        dir.path().join("growth.yaml"),
        "rules:\n  vague-gaol: off\n",
    )
    .unwrap();
    run_in(dir.path(), &["lint"])
        .code(2)
        .stderr(predicate::str::contains(
            "growth.yaml:2:3: `vague-gaol` is not a rule (did you mean `vague-goal`?)",
        ));
    std::fs::write(dir.path().join("growth.yaml"), "ladder: missing.yaml\n").unwrap();
    run_in(dir.path(), &["lint"])
        .code(2)
        .stderr(predicate::str::contains("missing.yaml"));
    let empty = repo(&[("notes.md", "# notes")]);
    run_in(empty.path(), &["lint"])
        .code(2)
        .stderr(predicate::str::contains("no plan files found"));
}

#[test]
fn output_file_and_machine_formats_keep_stdout_clean() {
    let dir = repo(&[("plans/jane.md", &CLEAN.replace("2026-11-30", "2026-11-01"))]);
    run_in(dir.path(), &["lint", "--format", "json", "-o", "out.json"])
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains(
            "Checked 1 file, 1 goal: 0 errors, 1 warning",
        ));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "GR208");
    assert_eq!(json["diagnostics"][0]["start"]["line"], 17);
    for format in ["sarif", "github", "junit", "json"] {
        run_in(dir.path(), &["lint", "--format", format])
            .code(0)
            .stdout(predicate::str::contains("GR208"));
    }
}

/// `-o FILE` names the format by its extension when `--format` does not; `--format` wins; an
/// extension growth does not know keeps the default.
#[test]
fn output_extension_chooses_the_format() {
    let dir = repo(&[("plans/jane.md", &CLEAN.replace("2026-11-30", "2026-11-01"))]);
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    for (args, file, starts) in [
        (&["lint", "-o", "lint.json"][..], "lint.json", "{"),
        (
            &["lint", "-o", "lint.SARIF"][..],
            "lint.SARIF",
            "{\n  \"$schema\"",
        ),
        (&["lint", "-o", "lint.xml"][..], "lint.xml", "<?xml"),
        (
            &["lint", "-o", "lint.log"][..],
            "lint.log",
            "warning[GR208]",
        ),
        (
            &["lint", "--format", "github", "-o", "gh.json"][..],
            "gh.json",
            "::warning",
        ),
        (&["report", "-o", "r.html"][..], "r.html", "<!DOCTYPE html>"),
        (&["report", "-o", "r.htm"][..], "r.htm", "<!DOCTYPE html>"),
        (&["report", "-o", "r.md"][..], "r.md", "# "),
        (&["report", "-o", "r.json"][..], "r.json", "{"),
        (&["report", "-o", "r.txt"][..], "r.txt", "Growth report"),
        (
            &["report", "--format", "json", "-o", "r2.md"][..],
            "r2.md",
            "{",
        ),
    ] {
        run_in(dir.path(), args).code(0).stdout("");
        let text = read(file);
        assert!(
            text.starts_with(starts),
            "{args:?}: {}",
            &text[..text.len().min(80)]
        );
    }
}

/// One name for the format people read, `human`, in every command; the old names still work.
#[test]
fn human_is_the_format_for_people_in_every_command() {
    let dir = repo(&[("plans/jane.md", CLEAN)]);
    for args in [
        &["lint", "--format", "human"][..],
        &["lint", "--format", "text"],
        &["report", "--format", "human"],
        &["report", "--format", "terminal"],
        &["rules", "--format", "human"],
        &["rules", "--format", "text"],
    ] {
        run_in(dir.path(), args).code(0);
    }
    let human = growth()
        .current_dir(dir.path())
        .args(["report", "--format", "human"])
        .output()
        .unwrap();
    let old = growth()
        .current_dir(dir.path())
        .args(["report", "--format", "terminal"])
        .output()
        .unwrap();
    assert_eq!(human.stdout, old.stdout);
}

/// JUnit says pass or fail the way the exit status does: a warning is a failed test case
/// only when `--fail-on warning` makes it fail the run.
#[test]
fn junit_failures_follow_fail_on() {
    let dir = repo(&[("plans/jane.md", &CLEAN.replace("2026-11-30", "2026-11-01"))]);
    run_in(dir.path(), &["lint", "--format", "junit"])
        .code(0)
        .stdout(predicate::str::contains(r#"tests="1" failures="0""#))
        .stdout(predicate::str::contains("<system-out>plans/jane.md:17:"))
        .stdout(predicate::str::contains("<failure").not());
    run_in(
        dir.path(),
        &["lint", "--format", "junit", "--fail-on", "warning"],
    )
    .code(1)
    .stdout(predicate::str::contains(r#"tests="1" failures="1""#))
    .stdout(predicate::str::contains(
        r#"<failure message="open action was due"#,
    ));
    run_in(
        dir.path(),
        &["lint", "--format", "junit", "--fail-on", "info"],
    )
    .code(1)
    .stdout(predicate::str::contains(r#"failures="1""#));
}

/// Everything wrong with a config is reported in one run: a bad value, an unknown rule name
/// and a ladder that is not there, in file order, not one per fix-and-rerun.
#[test]
fn config_errors_are_reported_in_one_round() {
    let dir = repo(&[
        ("plans/jane.md", CLEAN),
        (
            "growth.yaml",
            "fail_on: sometimes
ladder: missing.yaml
rules:
  vague-gaol: off
  GR201: loud
",
        ),
    ]);
    let out = growth()
        .current_dir(dir.path())
        .arg("lint")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("growth.yaml:"))
        .collect();
    assert_eq!(
        lines,
        [
            "growth: error: growth.yaml:1:10: `sometimes` is not one of error, warning, info",
            "growth.yaml:2:9: the ladder file missing.yaml does not exist (fix the `ladder:` path (relative to this file) or create the ladder)",
            "growth.yaml:4:3: `vague-gaol` is not a rule (did you mean `vague-goal`?)",
            "growth.yaml:5:10: `loud` is not one of off, info, warning, error",
        ],
        "{stderr}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = repo(&[("plans/jane.md", &CLEAN.replace("2026-11-30", "2026-11-01"))]);
    run_in(dir.path(), &["lint"]).stdout(predicate::str::contains("\x1b[").not());
    run_in(dir.path(), &["lint", "--color", "always"]).stdout(predicate::str::contains("\x1b["));
    run_in(dir.path(), &["lint", "--color", "never"])
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = repo(&[("plans/jane.md", &CLEAN.replace("2026-11-30", "2026-11-01"))]);
    run_in(dir.path(), &["lint", "--statistics"]).stdout(predicate::str::contains("GR208"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let overdue = CLEAN.replace("2026-11-30", "2026-11-01");
    let files: Vec<(String, String)> = (0..300)
        .map(|i| (format!("plans/p{i:03}.md"), overdue.clone()))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = repo(&refs);
    let bin = assert_cmd::cargo::cargo_bin("growth");
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' lint | head -n 1 >/dev/null",
            bin.display()
        ))
        .current_dir(dir.path())
        .env("GROWTH_TODAY", "2026-11-22")
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn init_writes_a_plan_once_and_never_overwrites() {
    let dir = TempDir::new().unwrap();
    run_in(dir.path(), &["init", "--owner", "Jane Doe"]).code(0);
    let path = dir.path().join("plans/2026-h2.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("---\nowner: Jane Doe\n"));
    assert!(text.contains("period: { start: 2026-07-01, end: 2026-12-31 }"));
    std::fs::write(&path, "mine").unwrap();
    run_in(dir.path(), &["init"])
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");

    run_in(
        dir.path(),
        &["init", "raj.plan.yaml", "--owner", "Raj: the \"boss\""],
    )
    .code(0);
    let parsed = growth::plan::load(&dir.path().join("raj.plan.yaml"));
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(
        parsed.plan.unwrap().owner.unwrap().value,
        "Raj: the \"boss\""
    );
}

/// Without a path, `init` writes into the repository's `plans/` from anywhere in it, and
/// into the current directory when that is already under `plans/`.
#[test]
fn init_from_a_subdirectory_writes_where_the_plans_are() {
    let dir = repo(&[("docs/notes.md", "# notes"), ("plans/jane/old.md", "old")]);
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(git.success());
    run_in(&dir.path().join("docs"), &["init", "--owner", "Raj"])
        .code(0)
        .stderr(predicate::str::contains("wrote ../plans/2026-h2.md"));
    assert!(dir.path().join("plans/2026-h2.md").is_file());
    assert!(!dir.path().join("docs/plans").exists());
    run_in(&dir.path().join("plans/jane"), &["init", "--owner", "Jane"])
        .code(0)
        .stderr(predicate::str::contains("wrote 2026-h2.md"));
    assert!(dir.path().join("plans/jane/2026-h2.md").is_file());
}

#[test]
fn the_templates_parse_cleanly() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    for (name, format) in [
        ("a.md", growth::plan::PlanFormat::Markdown),
        ("a.yaml", growth::plan::PlanFormat::Yaml),
    ] {
        let text = growth::cli::template(format, "Jane Doe", day);
        let parsed = growth::plan::parse_str(name, text);
        assert_eq!(parsed.problems, vec![], "{name}");
        assert_eq!(parsed.plan.unwrap().goals.len(), 1);
    }
}

#[test]
fn explain_and_rules_print_the_rule_docs() {
    growth()
        .args(["explain", "GR201"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "GR201 vague-goal (default: warning)",
        ))
        .stdout(predicate::str::contains("## Bad"));
    growth().args(["explain", "vague-goal"]).assert().code(0);
    growth()
        .args(["explain", "vauge-goal"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `vague-goal`?"));
    let out = growth()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules.len(), growth::lint::registry::RULES.len());
    assert!(rules.iter().all(|r| !r["bad"].as_str().unwrap().is_empty()));
    growth()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("GR403  next-level-gap"));
}

/// `growth rules` lists the severities this repository runs the rules at.
#[test]
fn rules_show_the_configured_severities() {
    let dir = repo(&[(
        "growth.yaml",
        "rules:\n  GR104: off\n  missing-north-star: warning\n",
    )]);
    let out = growth()
        .current_dir(dir.path())
        .arg("rules")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |code: &str| {
        text.lines()
            .find(|l| l.starts_with(code))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        line("GR104"),
        "GR104  too-many-goals               off      more than `max_active_goals` (5) active goals of all types (default: warning, set in the config)"
    );
    assert!(line("GR301").starts_with("GR301  missing-north-star           warning  "));
    assert!(line("GR301").ends_with(" (default: info, set in the config)"));
    assert_eq!(
        line("GR201"),
        "GR201  vague-goal                   warning  title or measure is vague (\"get better at\", \"improve\", \"be more …\") with nothing concrete"
    );
    let out = growth()
        .current_dir(dir.path())
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let gr104 = rules.iter().find(|r| r["code"] == "GR104").unwrap();
    assert_eq!(
        (&gr104["default"], &gr104["severity"]),
        (&"warning".into(), &"off".into())
    );
}

#[test]
fn completions_and_man_page() {
    growth()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("_growth"));
    growth().args(["completions", "zsh"]).assert().code(0);
    growth()
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(".TH growth"));
}

/// Completions offer rule codes and names after `explain`, and never the hidden `parse`
/// command (nor a `help` subcommand listing it).
#[test]
fn completions_complete_rule_codes_and_hide_hidden_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = growth().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .collect();
        // Every generator lists a command with its description, or (bash) as `growth__parse`.
        assert!(
            !text.contains("Print what growth reads from plans") && !text.contains("__parse"),
            "{shell} completes the hidden `parse`"
        );
        assert!(words.contains(&"man"), "{shell} completes `man`");
        if shell == "bash" || shell == "zsh" {
            assert!(words.contains(&"GR201"), "{shell} completes rule codes");
            assert!(
                words.contains(&"vague-goal"),
                "{shell} completes rule names"
            );
        }
    }
}

/// `growth man DIR` writes a page per command; hidden commands get none.
#[test]
fn man_writes_a_page_per_command() {
    let dir = TempDir::new().unwrap();
    growth()
        .args(["man"])
        .arg(dir.path().join("man1"))
        .assert()
        .code(0);
    let mut pages: Vec<String> = std::fs::read_dir(dir.path().join("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "growth-check-in.1",
            "growth-completions.1",
            "growth-done.1",
            "growth-due.1",
            "growth-explain.1",
            "growth-history.1",
            "growth-import.1",
            "growth-init.1",
            "growth-ladder-import.1",
            "growth-ladder-show.1",
            "growth-ladder.1",
            "growth-lint.1",
            "growth-man.1",
            "growth-report.1",
            "growth-rules.1",
            "growth-server.1",
            "growth.1",
        ]
    );
    let lint = std::fs::read_to_string(dir.path().join("man1/growth-lint.1")).unwrap();
    assert!(lint.contains("\\-\\-fail\\-on"), "{lint}");
}

#[test]
fn concise_is_one_line_per_finding_and_the_summary_on_stderr() {
    let plan = "---\nowner: Amir\nperiod: { start: 2026-07-01, end: 2026-12-31 }\n\"mo\\e[31mod\": fine\n---\n\n\
                ## Goal: Get better at system design\n";
    let dir = repo(&[("plans/amir.md", plan)]);
    run_in(dir.path(), &["lint", "--no-history", "--format", "concise"])
        .code(1)
        .stdout(
            "plans/amir.md:1:1: GR301 the plan has no north star
plans/amir.md:4:1: GR002 unknown front matter key `mo\u{fffd}[31mod`
plans/amir.md:7:10: GR102 the goal `get-better-at-system-design` has no actions
plans/amir.md:7:10: GR201 the goal is vague: \"get better at\" with nothing concrete
plans/amir.md:7:10: GR202 the goal `get-better-at-system-design` has no measure
plans/amir.md:7:10: GR204 the goal `get-better-at-system-design` says nothing about why it is achievable
plans/amir.md:7:10: GR205 the goal `get-better-at-system-design` does not say why it matters
plans/amir.md:7:10: GR206 the goal `get-better-at-system-design` has no due date; it falls back to the period end, 2026-12-31
",
        )
        .stderr("Checked 1 file, 1 goal: 2 errors, 2 warnings, 4 infos.\n");
}

const SHOW_LADDER: &str = "levels:
  - { id: engineer, name: Engineer }
  - { id: senior-engineer, name: Senior Engineer }
  - { id: staff, name: Staff Engineer }
competencies:
  - { id: design, area: technical, expectations: { engineer: Designs components, senior-engineer: Designs services } }
  - { id: delivery, expectations: { engineer: Delivers tasks, staff: Delivers across teams } }
  - { id: care, expectations: { senior-engineer: \"Mentors one \\e[31mengineer\" } }
";

/// `growth ladder show`: a level's expectations, what rises between two levels, in words and
/// as JSON, without a plan; a level that is not there is exit 2 with the nearest id.
#[test]
fn ladder_show_says_what_a_level_expects_and_what_rises() {
    let dir = repo(&[
        ("growth.yaml", "ladder: ladder.yaml\n"),
        ("ladder.yaml", SHOW_LADDER),
    ]);
    run_in(dir.path(), &["ladder", "show", "engineer"])
        .code(0)
        .stdout(
            "Engineer: 2 competencies\n\n  design (technical)\n    Designs components\n\n  delivery\n    Delivers tasks\n",
        );
    // What Staff asks for beyond Senior: design stays at the senior expectation (inherited),
    // so it does not rise; delivery does; the escape in a ladder text never reaches the terminal.
    run_in(dir.path(), &["ladder", "show", "senior-engineer", "staff"])
        .code(0)
        .stdout(
            "Senior Engineer → Staff Engineer (staff): 1 competency rises\n\n  delivery\n    now:    Delivers tasks\n    target: Delivers across teams\n",
        );
    let out = growth()
        .current_dir(dir.path())
        .args(["ladder", "show", "senior-engineer", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["level_name"], "Senior Engineer");
    let rows: Vec<(&str, &str)> = doc["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["competency"].as_str().unwrap(),
                r["at_level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("design", "Designs services"),
            ("delivery", "Delivers tasks"),
            ("care", "Mentors one \u{1b}[31mengineer"),
        ]
    );
    let human = growth()
        .current_dir(dir.path())
        .args(["ladder", "show", "senior-engineer"])
        .output()
        .unwrap();
    assert!(
        !human.stdout.contains(&0x1b),
        "a raw escape reached the terminal"
    );
    run_in(dir.path(), &["ladder", "show", "senior-enginer"])
        .code(2)
        .stderr(predicate::str::contains(
            "`senior-enginer` is not a level of the ladder; did you mean `senior-engineer`?",
        ));
    let bare = repo(&[("growth.yaml", "fail_on: error\n")]);
    run_in(bare.path(), &["ladder", "show", "engineer"])
        .code(2)
        .stderr(predicate::str::contains("no ladder to show"));
}
