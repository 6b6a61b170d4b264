//! `growth check-in` and `growth done`: each changes exactly the bytes it says, atomically,
//! and a goal it cannot find leaves every file as it was.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

const PLAN: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
---

# Growth plan

## Goal: Solve production issues on my own

```yaml
id: prod-issues
measure: I solve 25% of the team's production issues
target: 25%
```

### Actions
- [x] Complete the observability training (done 2026-02-10)
- [ ] Take four on-call shadow shifts (due 2026-04-30)

### Check-ins
- 2026-03-01 [12%] solved 2 of 17 issues

Notes stay where they are.

## Goal: Speak at a meetup

```yaml
id: talk
target: 1 talk
```

### Actions
- [ ] Submit a talk 📅 2026-05-01
";

const YAML: &str = "owner: Raj
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - title: Run the incident review
    id: review
    target: 4 reviews
    actions:
      - text: Draft the template
        due: 2026-03-01
      - { text: Book the room, due: 2026-03-02 }
      - Send the invite
    checkins:
      - date: 2026-02-01
        value: 1 reviews
        note: first one
  - title: Write docs
    id: docs
    actions:
      - text: Outline
    checkins: []
  - title: Third
    id: third
    actions:
      - text: x
        done: false
";

fn growth(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("growth").unwrap();
    cmd.current_dir(dir).env("GROWTH_TODAY", "2026-04-02");
    cmd
}

/// A repository with `plans/` holding the files.
fn repo(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

fn read(dir: &TempDir, path: &str) -> String {
    fs::read_to_string(dir.path().join(path)).unwrap()
}

#[test]
fn a_check_in_is_the_last_entry_and_nothing_else_changes() {
    let dir = repo(&[("plans/jane.md", PLAN.as_bytes())]);
    growth(dir.path())
        .args([
            "check-in",
            "prod-issues",
            "--value",
            "17%",
            "--note",
            "solved 3 of 18",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("growth: added a check-in to `prod-issues` in plans/jane.md\n");
    let expected = PLAN.replace(
        "- 2026-03-01 [12%] solved 2 of 17 issues\n",
        "- 2026-03-01 [12%] solved 2 of 17 issues\n- 2026-04-02 [17%] solved 3 of 18\n",
    );
    assert_eq!(read(&dir, "plans/jane.md"), expected);
}

#[test]
fn a_goal_without_check_ins_gets_the_heading() {
    let dir = repo(&[("plans/jane.md", PLAN.as_bytes())]);
    growth(dir.path())
        .args([
            "check-in",
            "talk",
            "--note",
            "drafted the abstract",
            "--date",
            "2026-04-03",
        ])
        .assert()
        .success();
    let expected = format!("{PLAN}\n### Check-ins\n- 2026-04-03 drafted the abstract\n");
    assert_eq!(read(&dir, "plans/jane.md"), expected);
}

#[test]
fn done_ticks_the_action_and_keeps_its_due_marker() {
    let dir = repo(&[("plans/jane.md", PLAN.as_bytes())]);
    growth(dir.path())
        .args(["done", "prod-issues", "SHADOW", "--date", "2026-04-05"])
        .assert()
        .success()
        .stderr("growth: marked done in `prod-issues` in plans/jane.md\n");
    growth(dir.path())
        .args(["done", "talk", "submit", "--date", "2026-04-06"])
        .assert()
        .success();
    let expected = PLAN
        .replace(
            "- [ ] Take four on-call shadow shifts (due 2026-04-30)",
            "- [x] Take four on-call shadow shifts (due 2026-04-30) (done 2026-04-05)",
        )
        .replace(
            "- [ ] Submit a talk 📅 2026-05-01",
            "- [x] Submit a talk 📅 2026-05-01 ✅ 2026-04-06",
        );
    assert_eq!(read(&dir, "plans/jane.md"), expected);
}

#[test]
fn crlf_stays_crlf_and_the_bom_stays() {
    let crlf = format!("\u{feff}{}", PLAN.replace('\n', "\r\n"));
    let dir = repo(&[("plans/jane.md", crlf.as_bytes())]);
    growth(dir.path())
        .args(["check-in", "prod-issues", "--value", "17%"])
        .assert()
        .success();
    growth(dir.path())
        .args(["check-in", "talk", "--note", "abstract"])
        .assert()
        .success();
    growth(dir.path())
        .args(["done", "prod-issues", "shadow"])
        .assert()
        .success();
    let expected = crlf
        .replace(
            "- 2026-03-01 [12%] solved 2 of 17 issues\r\n",
            "- 2026-03-01 [12%] solved 2 of 17 issues\r\n- 2026-04-02 [17%]\r\n",
        )
        .replace(
            "shadow shifts (due 2026-04-30)",
            "shadow shifts (due 2026-04-30) (done 2026-04-02)",
        )
        .replace("- [ ] Take four", "- [x] Take four")
        + "\r\n### Check-ins\r\n- 2026-04-02 abstract\r\n";
    assert_eq!(
        fs::read(dir.path().join("plans/jane.md")).unwrap(),
        expected.as_bytes()
    );
}

#[test]
fn a_yaml_plan_gets_list_items_in_the_style_it_uses() {
    let dir = repo(&[("plans/raj.plan.yaml", YAML.as_bytes())]);
    let run = |args: &[&str]| growth(dir.path()).args(args).assert().success();
    run(&[
        "check-in",
        "review",
        "--value",
        "2 reviews",
        "--note",
        "second: with #notes",
    ]);
    run(&["check-in", "docs", "--note", "started"]);
    run(&["check-in", "third", "--value", "3"]);
    run(&["done", "review", "draft"]);
    run(&["done", "review", "room"]);
    run(&["done", "review", "invite"]);
    run(&["done", "third", "x", "--date", "2026-04-01"]);
    let expected = "owner: Raj
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - title: Run the incident review
    id: review
    target: 4 reviews
    actions:
      - text: Draft the template
        due: 2026-03-01
        done: 2026-04-02
      - { text: Book the room, due: 2026-03-02, done: 2026-04-02 }
      - text: Send the invite
        done: 2026-04-02
    checkins:
      - date: 2026-02-01
        value: 1 reviews
        note: first one
      - date: 2026-04-02
        value: \"2 reviews\"
        note: \"second: with #notes\"
  - title: Write docs
    id: docs
    actions:
      - text: Outline
    checkins:
      - date: 2026-04-02
        note: \"started\"
  - title: Third
    id: third
    actions:
      - text: x
        done: 2026-04-01
    checkins:
      - date: 2026-04-02
        value: \"3\"
";
    assert_eq!(read(&dir, "plans/raj.plan.yaml"), expected);
}

#[test]
fn an_unknown_goal_exits_2_with_the_nearest_id_and_touches_nothing() {
    let dir = repo(&[("plans/jane.md", PLAN.as_bytes())]);
    growth(dir.path())
        .args(["check-in", "prod-isues", "--note", "x"])
        .assert()
        .code(2)
        .stderr(
            "growth: error: no goal `prod-isues` in the plans of this repository; \
             did you mean `prod-issues`?\n",
        );
    growth(dir.path())
        .args(["done", "talk", "nothing like it"])
        .assert()
        .code(2)
        .stderr(
            "growth: error: plans/jane.md:25:1: the goal `talk` has no open action \
             containing `nothing like it`: `Submit a talk`\n",
        );
    assert_eq!(read(&dir, "plans/jane.md"), PLAN);
}

#[test]
fn an_id_in_two_plans_is_ambiguous_unless_plan_names_one() {
    let other = PLAN.replace("Jane Doe", "Raj");
    let dir = repo(&[
        ("plans/jane.md", PLAN.as_bytes()),
        ("plans/raj.md", other.as_bytes()),
    ]);
    growth(dir.path())
        .args(["check-in", "talk", "--note", "x"])
        .assert()
        .code(2)
        .stderr(
            "growth: error: `talk` names more than one goal: plans/jane.md (`Speak at a meetup`), \
             plans/raj.md (`Speak at a meetup`); choose one with --plan FILE\n",
        );
    assert_eq!(read(&dir, "plans/jane.md"), PLAN);
    assert_eq!(read(&dir, "plans/raj.md"), other);
    growth(dir.path())
        .args(["check-in", "talk", "--note", "x", "--plan", "plans/raj.md"])
        .assert()
        .success();
    assert_eq!(read(&dir, "plans/jane.md"), PLAN);
    assert_ne!(read(&dir, "plans/raj.md"), other);
}

#[test]
fn several_open_actions_matching_is_ambiguous() {
    let plan = PLAN.replace(
        "- [ ] Submit a talk 📅 2026-05-01\n",
        "- [ ] Submit a talk 📅 2026-05-01\n- [ ] Submit the slides\n",
    );
    let dir = repo(&[("plans/jane.md", plan.as_bytes())]);
    growth(dir.path())
        .args(["done", "talk", "submit"])
        .assert()
        .code(2)
        .stderr(
            "growth: error: plans/jane.md:25:1: `submit` matches more than one open action of \
             `talk`: `Submit a talk`, `Submit the slides`; give more of the text\n",
        );
    assert_eq!(read(&dir, "plans/jane.md"), plan);
}

#[test]
fn a_note_on_two_lines_is_refused() {
    let dir = repo(&[("plans/jane.md", PLAN.as_bytes())]);
    growth(dir.path())
        .args(["check-in", "talk", "--note", "one\ntwo"])
        .assert()
        .code(2)
        .stderr(
            "growth: error: the note must be one line without control characters: \"one\\ntwo\"\n",
        );
    assert_eq!(read(&dir, "plans/jane.md"), PLAN);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_no_temporary_file_is_left() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = repo(&[("plans/jane.md", PLAN.as_bytes())]);
    let path = dir.path().join("plans/jane.md");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    growth(dir.path())
        .args(["check-in", "talk", "--note", "x"])
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let names: Vec<String> = fs::read_dir(dir.path().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["jane.md"]);
}

#[test]
fn a_new_entry_takes_the_bullet_and_indentation_of_the_one_before() {
    let plan = PLAN.replace(
        "- 2026-03-01 [12%] solved 2 of 17 issues\n",
        "  * 2026-03-01 [12%] solved 2 of 17 issues\n",
    );
    let dir = repo(&[("plans/jane.md", plan.as_bytes())]);
    growth(dir.path())
        .args(["check-in", "prod-issues", "--value", "17%"])
        .assert()
        .success();
    let expected = plan.replace(
        "  * 2026-03-01 [12%] solved 2 of 17 issues\n",
        "  * 2026-03-01 [12%] solved 2 of 17 issues\n  * 2026-04-02 [17%]\n",
    );
    assert_eq!(read(&dir, "plans/jane.md"), expected);
}

#[test]
fn a_plan_that_does_not_parse_is_named_with_line_and_column() {
    let broken =
        "owner: Raj\nperiod: { start: 2026-01-01, end: 2026-12-31 }\ngoals:\n  - title: \"Run it\n";
    let dir = repo(&[("plans/raj.plan.yaml", broken.as_bytes())]);
    let out = growth(dir.path())
        .args(["check-in", "run-it", "--note", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("growth: note: plans/raj.plan.yaml:4:12: "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "; goals there could not be read\n\
             growth: error: no goal `run-it` in the plans of this repository\n"
        ),
        "{stderr}"
    );
    assert_eq!(read(&dir, "plans/raj.plan.yaml"), broken);
}

#[test]
fn a_yaml_plan_with_crlf_a_bom_and_a_flow_list_of_check_ins() {
    let plan =
        "\u{feff}owner: Raj\r\nperiod: { start: 2026-01-01, end: 2026-12-31 }\r\ngoals:\r\n  \
                - title: Write docs\r\n    checkins: [{ date: 2026-02-01, note: a }]\r\n    \
                actions:\r\n      - Outline the guide\r\n";
    let dir = repo(&[("plans/raj.plan.yaml", plan.as_bytes())]);
    growth(dir.path())
        .args(["check-in", "write-docs", "--value", "2 pages"])
        .assert()
        .success();
    growth(dir.path())
        .args(["done", "write-docs", "outline"])
        .assert()
        .success();
    let expected = plan
        .replace(
            "note: a }]",
            "note: a }, { date: 2026-04-02, value: \"2 pages\" }]",
        )
        .replace(
            "      - Outline the guide\r\n",
            "      - text: Outline the guide\r\n        done: 2026-04-02\r\n",
        );
    assert_eq!(
        fs::read(dir.path().join("plans/raj.plan.yaml")).unwrap(),
        expected.as_bytes()
    );
}
