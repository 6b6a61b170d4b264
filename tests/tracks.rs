//! Career tracks: an IC / manager fork after a shared level, several expectations per level,
//! bare level ids; GR403 follows `after` from `role` to `target_role`, names a move to
//! another track as such, and flags a target below the role.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use growth::ladder::{Ladder, Step};
use tempfile::TempDir;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tracks")
}

fn ladder() -> Ladder {
    Ladder::load(&fixture().join("ladder.yaml")).unwrap()
}

fn rising(ladder: &Ladder, from: &str, to: &str) -> Vec<String> {
    (ladder.rising(from, to).iter())
        .map(|c| c.id.value.clone())
        .collect()
}

#[test]
fn a_fork_gives_two_tracks_after_the_shared_level() {
    let ladder = ladder();
    assert_eq!(
        ladder.level_ids(),
        [
            "1",
            "senior-engineer",
            "staff-engineer",
            "principal-engineer",
            "engineering-manager",
            "senior-manager"
        ]
    );
    assert_eq!(
        ladder.levels[1].description.as_deref(),
        Some("Owns services end to end")
    );
    assert_eq!(ladder.step("1", "principal-engineer"), Some(Step::Up));
    assert_eq!(
        ladder.step("senior-engineer", "senior-manager"),
        Some(Step::Up)
    );
    assert_eq!(
        ladder.step("staff-engineer", "engineering-manager"),
        Some(Step::Across)
    );
    assert_eq!(
        ladder.step("senior-manager", "principal-engineer"),
        Some(Step::Across)
    );
    assert_eq!(
        ladder.step("principal-engineer", "staff-engineer"),
        Some(Step::Down)
    );
    assert_eq!(
        ladder.step("staff-engineer", "staff-engineer"),
        Some(Step::Same)
    );
    assert_eq!(ladder.step("staff-engineer", "cto"), None);
}

#[test]
fn expectations_inherit_along_after_and_may_be_lists() {
    let ladder = ladder();
    let design = ladder.competency("system-design").unwrap();
    let at = |id| ladder.level_index(id).unwrap();
    let expected = |c, id| ladder.expected(c, at(id)).map(|e| e.items.clone());
    assert_eq!(
        expected(design, "principal-engineer").unwrap(),
        [
            "Designs systems across teams",
            "Gets designs adopted by other teams"
        ]
    );
    // The manager track branches from senior: it inherits senior's design expectation, not
    // staff's, which is on the other branch.
    assert_eq!(
        ladder.expectation(design, at("senior-manager")),
        Some("Designs services and their interfaces")
    );
    let people = ladder.competency("people-management").unwrap();
    // A manager-track competency expects nothing of an IC level, nor of the shared trunk.
    assert_eq!(ladder.expectation(people, at("staff-engineer")), None);
    assert_eq!(ladder.expectation(people, at("senior-engineer")), None);
    assert_eq!(
        ladder.expectation(people, at("engineering-manager")),
        Some("Runs one-to-ones; Hires for the team")
    );
    assert_eq!(
        rising(&ladder, "senior-engineer", "staff-engineer"),
        ["system-design"]
    );
    assert_eq!(
        rising(&ladder, "senior-engineer", "engineering-manager"),
        ["delivery", "people-management"]
    );
    // Sideways: only what the manager level states beyond what staff already meets.
    // Staff designs more than a manager is asked to, so design is no gap.
    assert_eq!(
        rising(&ladder, "staff-engineer", "engineering-manager"),
        ["delivery", "people-management"]
    );
    assert_eq!(
        rising(&ladder, "engineering-manager", "staff-engineer"),
        ["system-design"]
    );
}

fn plan(role: &str, target: &str) -> String {
    format!(
        "---\nowner: Jane Doe\nrole: {role}\ntarget_role: {target}\nperiod: {{ start: 2026-01-01, end: 2026-06-30 }}\nnorth_star: A positive influence\n---\n\n## Goal: Run 2 incident reviews\n\n```yaml\nmeasure: 2 reviews end with an owner per action\ndue: 2026-06-30\nwhy: I have shadowed three\nrelevance: the team needs a facilitator\n```\n\n### Actions\n- [ ] Shadow a review\n"
    )
}

/// The GR403 findings of `growth lint` for a plan from `role` to `target`, as
/// `line:col message` lines.
fn gr403(role: &str, target: &str) -> Vec<String> {
    let dir = TempDir::new().unwrap();
    for name in ["ladder.yaml", "growth.yaml"] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("plan.md"), plan(role, target)).unwrap();
    let out = Command::cargo_bin("growth")
        .unwrap()
        .env("GROWTH_TODAY", "2026-03-01")
        .current_dir(dir.path())
        .args(["lint", "--no-history", "--format", "json", "plan.md"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = Vec::new();
    for f in doc["diagnostics"].as_array().unwrap() {
        if f["code"] == "GR403" {
            found.push(format!(
                "{}:{} {} ({})",
                f["start"]["line"],
                f["start"]["column"],
                f["message"].as_str().unwrap(),
                f["help"].as_str().unwrap_or("")
            ));
        }
    }
    found
}

#[test]
fn gr403_follows_the_track_from_role_to_target() {
    assert_eq!(
        gr403("senior-engineer", "staff-engineer"),
        ["4:14 staff-engineer needs more in 1 competency that no goal addresses: system-design (consider a goal for: system-design (Designs systems across teams; Gets designs adopted by other teams))"]
    );
    assert_eq!(
        gr403("staff-engineer", "engineering-manager"),
        ["4:14 engineering-manager (another track than staff-engineer) needs more in 2 competencies that no goal addresses: delivery, people-management (consider a goal for: delivery (Delivers through the team's plan); people-management (Runs one-to-ones; Hires for the team))"]
    );
    assert_eq!(
        gr403("principal-engineer", "staff-engineer"),
        ["4:14 target_role staff-engineer is below role principal-engineer on the ladder (a target is a level that follows the role (by `after`); are the two swapped?)"]
    );
    assert_eq!(
        gr403("staff-engineer", "staff-engineer"),
        Vec::<String>::new()
    );
}

#[test]
fn an_after_that_is_unknown_or_later_is_named_with_its_place() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("ladder.yaml");
    std::fs::write(
        &path,
        "levels:\n  - { id: a, after: b }\n  - { id: b, after: [a, senor] }\n  - { id: senior }\n",
    )
    .unwrap();
    let err = Ladder::load(&path).unwrap_err().to_string();
    let err = err.replace(&*dir.path().to_string_lossy(), "DIR");
    assert_eq!(
        err,
        "DIR/ladder.yaml:2:21: `after: b` names a level listed after `a` (list the levels lowest first: a level follows levels listed before it)\n\
         DIR/ladder.yaml:3:25: `after: senor` is not a level of this ladder (did you mean `senior`?)"
    );
}

/// `growth ladder show` on a forked ladder: a sideways move says so, in words and as JSON.
#[test]
fn ladder_show_names_another_track() {
    let show = |args: &[&str]| {
        let out = Command::cargo_bin("growth")
            .unwrap()
            .current_dir(fixture())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        show(&["ladder", "show", "staff-engineer", "engineering-manager"]),
        "Staff Engineer → Engineering Manager (another track): 2 competencies rise\n\n  delivery (execution)\n    now:    Delivers projects of a few months\n    target: Delivers through the team's plan\n\n  people-management (people)\n    now:    (nothing yet)\n    target: Runs one-to-ones; Hires for the team\n"
    );
    let json = show(&[
        "ladder",
        "show",
        "principal-engineer",
        "1",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["step"], "down");
    assert_eq!(doc["competencies"], serde_json::json!([]));
}
