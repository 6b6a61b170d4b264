//! `growth lint --fix` and `--diff`: the mechanical fixes, written byte for byte or shown as
//! a diff, never to the config or the ladder, and refused when they would not read back.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

const LADDER: &str = include_str!("fixtures/ladder.yaml");

/// A clean plan (see tests/cli.rs) with a misspelt key, level and competency and four
/// year-first dates, one in each kind of place a date is written.
const BROKEN_MD: &str = "---
owner: Jane Doe
role: senior-enginer
period: { start: 2026/07/01, end: 2026-12-31 }
north_star: A positive influence on others
---

## Goal: Run the Q4 incident review

```yaml
mesure: I facilitate 2 incident reviews that end with an owner for every action
due: 2026-12-15
competency: incident-respons
why: I have shadowed three
relevance: the team needs a second facilitator
```

### Actions
- [ ] Shadow Priya's November review (due 2026/11/30)

### Check-ins
- 2026/11/10 shadowed the October review
";

const FIXED_MD: &str = "---
owner: Jane Doe
role: senior-engineer
period: { start: 2026-07-01, end: 2026-12-31 }
north_star: A positive influence on others
---

## Goal: Run the Q4 incident review

```yaml
measure: I facilitate 2 incident reviews that end with an owner for every action
due: 2026-12-15
competency: incident-response
why: I have shadowed three
relevance: the team needs a second facilitator
```

### Actions
- [ ] Shadow Priya's November review (due 2026-11-30)

### Check-ins
- 2026-11-10 shadowed the October review
";

const BROKEN_YAML: &str = "owner: Jim Roe
period: { start: 2026-07-01, end: \"2026/12/31\" }
north_star: A positive influence on others
goals:
  - title: Run the Q4 incident review
    mesure: I facilitate 2 incident reviews that end with an owner for every action
    due: 2026-12-5
    why: I have shadowed three
    relevance: the team needs a second facilitator
    actions:
      - { text: Shadow Priya's November review, due: 05/06/2026 }
";

fn growth() -> Command {
    let mut cmd = Command::cargo_bin("growth").unwrap();
    cmd.env("GROWTH_TODAY", "2026-11-22").env_remove("NO_COLOR");
    cmd
}

fn repo(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    growth()
        .current_dir(dir)
        .args(["lint", "--no-history", "--format", "concise"])
        .args(args)
        .assert()
}

fn read(dir: &TempDir, path: &str) -> Vec<u8> {
    std::fs::read(dir.path().join(path)).unwrap()
}

/// `\n` as `\r\n`, behind a byte order mark.
fn crlf_bom(text: &str) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    out
}

fn with_ladder(plan: &str, bytes: &[u8]) -> TempDir {
    repo(&[
        ("growth.yaml", b"ladder: ladder.yaml\n"),
        ("ladder.yaml", LADDER.as_bytes()),
        (plan, bytes),
    ])
}

#[test]
fn fix_rewrites_a_crlf_markdown_plan_with_a_bom_byte_for_byte() {
    let dir = with_ladder("plans/jane.md", &crlf_bom(BROKEN_MD));
    run_in(dir.path(), &["--fix"])
        .code(0)
        .stdout("")
        .stderr("fixed 6 findings in 1 file\nNo problems found in 1 file (1 goal).\n");
    assert_eq!(read(&dir, "plans/jane.md"), crlf_bom(FIXED_MD));
    // Nothing but the plan is written.
    assert_eq!(read(&dir, "ladder.yaml"), LADDER.as_bytes());
    assert_eq!(read(&dir, "growth.yaml"), b"ladder: ladder.yaml\n");
    let names: Vec<_> = std::fs::read_dir(dir.path().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["jane.md"]);
}

#[test]
fn fix_rewrites_a_yaml_plan_and_reports_what_remains() {
    let dir = repo(&[("plans/jim.yaml", BROKEN_YAML.as_bytes())]);
    let fixed = BROKEN_YAML
        .replace("\"2026/12/31\"", "\"2026-12-31\"")
        .replace("mesure:", "measure:")
        .replace("2026-12-5", "2026-12-05");
    // The day-first date is ambiguous, so it stays and fails the run.
    run_in(dir.path(), &["--fix"])
        .code(1)
        .stdout("plans/jim.yaml:11:54: GR004 `05/06/2026` is not a date in the form YYYY-MM-DD\n")
        .stderr(
            "fixed 3 findings in 1 file\nChecked 1 file, 1 goal: 1 error, 0 warnings, 0 infos.\n",
        );
    assert_eq!(read(&dir, "plans/jim.yaml"), fixed.as_bytes());
    // Again, there is nothing left to fix.
    run_in(dir.path(), &["--fix"])
        .code(1)
        .stderr(predicates::str::starts_with(
            "fixed 0 findings in 0 files\n",
        ));
    assert_eq!(read(&dir, "plans/jim.yaml"), fixed.as_bytes());
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = repo(&[("plans/jim.yaml", BROKEN_YAML.as_bytes())]);
    run_in(dir.path(), &["--diff"]).code(1).stderr("").stdout(
        "--- a/plans/jim.yaml
+++ b/plans/jim.yaml
@@ -1,10 +1,10 @@
 owner: Jim Roe
-period: { start: 2026-07-01, end: \"2026/12/31\" }
+period: { start: 2026-07-01, end: \"2026-12-31\" }
 north_star: A positive influence on others
 goals:
   - title: Run the Q4 incident review
-    mesure: I facilitate 2 incident reviews that end with an owner for every action
-    due: 2026-12-5
+    measure: I facilitate 2 incident reviews that end with an owner for every action
+    due: 2026-12-05
     why: I have shadowed three
     relevance: the team needs a second facilitator
     actions:
",
    );
    assert_eq!(read(&dir, "plans/jim.yaml"), BROKEN_YAML.as_bytes());
}

#[test]
fn diff_exits_zero_when_there_is_nothing_to_fix() {
    let dir = with_ladder("plans/jane.md", FIXED_MD.as_bytes());
    run_in(dir.path(), &["--diff"]).code(0).stdout("");
    // Findings without a fix are not "something to fix".
    let vague = FIXED_MD.replace("due: 2026-12-15\n", "");
    let dir = with_ladder("plans/jane.md", vague.as_bytes());
    run_in(dir.path(), &["--diff"]).code(0).stdout("");
    assert_eq!(read(&dir, "plans/jane.md"), vague.as_bytes());
}

#[test]
fn a_fix_that_would_not_read_back_is_refused_for_the_whole_file() {
    // Renaming `mesure` would give the goal two `measure` keys.
    let plan = BROKEN_YAML.replace(
        "    due: 2026-12-5\n",
        "    measure: the other one\n    due: 2026-12-5\n",
    );
    let dir = repo(&[("plans/jim.yaml", plan.as_bytes())]);
    run_in(dir.path(), &["--diff"])
        .code(0)
        .stdout("")
        .stderr(predicates::str::contains(
            "plans/jim.yaml: not fixed: the fixed plan would not read as well as it does now",
        ));
    run_in(dir.path(), &["--fix"])
        .code(1)
        .stderr(predicates::str::contains("not fixed"))
        .stderr(predicates::str::contains("fixed 0 findings in 0 files\n"));
    assert_eq!(read(&dir, "plans/jim.yaml"), plan.as_bytes());
}

#[test]
fn fix_and_diff_together_is_a_usage_error() {
    let dir = repo(&[("plans/jim.yaml", BROKEN_YAML.as_bytes())]);
    run_in(dir.path(), &["--fix", "--diff"])
        .code(2)
        .stderr(predicates::str::contains("cannot be used with"));
    assert_eq!(read(&dir, "plans/jim.yaml"), BROKEN_YAML.as_bytes());
}

#[test]
fn only_the_plans_named_are_fixed() {
    let dir = repo(&[
        ("plans/jim.yaml", BROKEN_YAML.as_bytes()),
        ("plans/joe.yaml", BROKEN_YAML.as_bytes()),
    ]);
    run_in(dir.path(), &["--fix", "plans/jim.yaml"])
        .stderr(predicates::str::starts_with("fixed 3 findings in 1 file\n"));
    assert_ne!(read(&dir, "plans/jim.yaml"), BROKEN_YAML.as_bytes());
    assert_eq!(read(&dir, "plans/joe.yaml"), BROKEN_YAML.as_bytes());
}

#[cfg(unix)]
#[test]
fn a_fixed_plan_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = repo(&[("plans/jim.yaml", BROKEN_YAML.as_bytes())]);
    let path = dir.path().join("plans/jim.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    run_in(dir.path(), &["--fix"]).code(1);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_suppressed_finding_is_not_fixed() {
    let plan = BROKEN_YAML.replace(
        "    mesure:",
        "    # growth-disable-next-line GR002 -- kept for the old tooling\n    mesure:",
    );
    let dir = repo(&[("plans/jim.yaml", plan.as_bytes())]);
    run_in(dir.path(), &["--fix"])
        .stderr(predicates::str::starts_with("fixed 2 findings in 1 file\n"));
    let text = String::from_utf8(read(&dir, "plans/jim.yaml")).unwrap();
    assert!(text.contains("    mesure:"), "{text}");
    assert!(text.contains("due: 2026-12-05"), "{text}");
}

#[test]
fn diff_goes_to_the_output_file_when_one_is_given() {
    let dir = repo(&[("plans/jim.yaml", BROKEN_YAML.as_bytes())]);
    run_in(dir.path(), &["--diff", "-o", "fixes.diff"])
        .code(1)
        .stdout("");
    let diff = String::from_utf8(read(&dir, "fixes.diff")).unwrap();
    assert!(
        diff.starts_with("--- a/plans/jim.yaml\n+++ b/plans/jim.yaml\n"),
        "{diff}"
    );
    assert_eq!(read(&dir, "plans/jim.yaml"), BROKEN_YAML.as_bytes());
}
