//! An audit trail you can trust in the field: a depth-1 CI checkout, edited and removed
//! entries, uncommitted work, a review re-run as of a past day, and growth run from a
//! subdirectory or outside git. Every expectation is exact.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{
    assert_events, check_in, events, findings_in, history_in, json_of, lines, lint_in, position,
    short, Repo, JANE,
};

const PLAN: &str = "plans/jane.md";

/// Jane's plan with a second goal that nobody touches.
fn two_goals() -> String {
    format!(
        "{JANE}
## Goal: Give a talk at the internal tech forum

```yaml
id: talk
measure: 3 questions from the audience
due: 2026-06-30
```

### Actions
- [ ] Submit the abstract
"
    )
}

// ------------------------------------------------------------------------ shallow clones

/// A plan whose `prod` goal was checked in yesterday and whose `talk` goal went quiet, with
/// a due date pushed out and a backdated check-in before the last commit.
fn repo_for_shallow_clones() -> Repo {
    let repo = Repo::new();
    repo.write(PLAN, &two_goals());
    repo.commit("plan", "2026-01-05");
    repo.edit(PLAN, "due: 2026-05-31", "due: 2026-06-30");
    repo.commit("more time", "2026-03-01");
    check_in(&repo, "2026-03-10 [10%] solved 2 of 20");
    repo.commit("a month late", "2026-04-10");
    check_in(&repo, "2026-05-31 [12%] solved 3 of 25");
    repo.commit("check-in", "2026-05-31");
    repo
}

fn clone(repo: &Repo, depth: &str, name: &str) -> std::path::PathBuf {
    let url = format!("file://{}", repo.dir.display());
    repo.git_as(
        repo.home(),
        "jane",
        "2026-06-01",
        &["clone", "-q", "--depth", depth, &url, name],
    );
    repo.beside(name)
}

#[test]
fn full_history_is_the_reference_for_the_shallow_cases() {
    let repo = repo_for_shallow_clones();
    let text = repo.read(PLAN);
    let moved = repo.git(&["log", "--format=%h", "--grep=more time"]);
    let late = repo.git(&["log", "--format=%h", "--grep=a month late"]);
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR5", &[]),
        [
            format!(
                "GR503 {} due 2026-05-31 → 2026-06-30 in {} on 2026-03-01",
                position(&text, "2026-06-30\n```"),
                moved.trim()
            ),
            backdated(&text, late.trim()),
            format!(
                "GR501 {} no progress on `talk` for 147 days (in git history, last on 2026-01-05)",
                position(&text, "Give a talk")
            ),
        ]
    );
}

#[test]
fn a_depth_one_clone_judges_what_it_holds_by_the_plans_own_dates() {
    let repo = repo_for_shallow_clones();
    let text = repo.read(PLAN);
    let shallow = clone(&repo, "1", "depth-1");
    // Checked in yesterday: not stale. Quiet since the start: still flagged, by its dates.
    // The due date moved before the boundary: history cannot see it.
    assert_eq!(
        findings_in(&repo, &shallow, "GR5", &[]),
        [format!(
            "GR501 {} no progress on `talk` since the period started 151 days ago",
            position(&text, "Give a talk")
        )]
    );
    let doc = history_in(repo.growth_in(&shallow), &[]);
    assert_events(
        &doc,
        &[r#"2026-05-31 jane plans/jane.md - plan-snapshot stated={"prod":"2026-05-31"}"#],
    );
    let notes: Vec<&str> = doc["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("this is a shallow clone: history starts at 2026-05-31;")
            && notes[0].contains("GR501")
            && notes[0].contains("git fetch --unshallow"),
        "{}",
        notes[0]
    );
    // The note is said once per run, on standard error.
    let out = repo
        .growth_in(&shallow)
        .args(["lint", "--exit-zero"])
        .output()
        .expect("growth runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("shallow clone").count(), 1, "{stderr}");
}

/// GR502 on the check-in dated 2026-03-10 and committed a month later.
fn backdated(text: &str, commit: &str) -> String {
    format!(
        "GR502 {} check-in 2026-03-10 was committed 31 days later, on 2026-04-10 ({commit})",
        position(text, "2026-03-10")
    )
}

#[test]
fn deeper_shallow_clones_date_what_they_can_and_fall_back_for_the_rest() {
    let repo = repo_for_shallow_clones();
    let text = repo.read(PLAN);
    let quiet_talk = format!(
        "GR501 {} no progress on `talk` since the period started 151 days ago",
        position(&text, "Give a talk")
    );
    // Depth 2: the backdated check-in is in the boundary's snapshot, so it is not judged.
    let shallow = clone(&repo, "2", "depth-2");
    assert_eq!(
        findings_in(&repo, &shallow, "GR5", &[]),
        vec![quiet_talk.clone()]
    );
    // Depth 3: it came after the boundary, so it is; the moved due date is still before it.
    let shallow = clone(&repo, "3", "depth-3");
    let late = repo.git(&["log", "--format=%h", "--grep=a month late"]);
    assert_eq!(
        findings_in(&repo, &shallow, "GR5", &[]),
        [backdated(&text, late.trim()), quiet_talk]
    );
    let doc = history_in(repo.growth_in(&repo.beside("depth-2")), &[]);
    assert_events(
        &doc,
        &[
            r#"2026-04-10 jane plans/jane.md - plan-snapshot stated={"prod":"2026-03-10"}"#,
            "2026-05-31 jane plans/jane.md prod checkin-added date=2026-05-31 note=solved 3 of 25 value=12%",
        ],
    );
    // A goal that really went quiet is flagged in a shallow clone too.
    let quiet = Repo::new();
    quiet.write(PLAN, JANE);
    quiet.commit("plan", "2026-01-05");
    quiet.edit(PLAN, "target: 25%", "target: 30%");
    quiet.commit("a higher target is not progress", "2026-05-30");
    let shallow = clone(&quiet, "1", "quiet");
    assert_eq!(
        findings_in(&quiet, &shallow, "GR5", &[]),
        [format!(
            "GR501 {} no progress on `prod` for 132 days (by git history and, before the shallow clone's boundary, its own dates, last on 2026-01-20)",
            position(JANE, "Solve production")
        )]
    );
}

// ------------------------------------------------------------------ edits and removals

#[test]
fn edited_and_removed_entries_are_events_of_their_own_and_never_backdated() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-01-05");
    check_in(&repo, "2026-02-01 [8%] solved 2 of 25");
    repo.commit("check-in", "2026-02-01");
    repo.edit(PLAN, "[8%] solved 2 of 25", "[9%] solved 2 of 25");
    repo.edit(
        PLAN,
        "- [ ] Take four shadow shifts",
        "- [ ] Take four shadow shifts (due 2026-04-30)",
    );
    repo.commit("a value corrected ten weeks later", "2026-04-15");
    repo.edit(PLAN, "- 2026-02-01 [9%]", "- 2026-02-02 [9%]");
    repo.commit("the date corrected", "2026-04-20");
    repo.edit(PLAN, "- 2026-01-20 [5%] solved 1 of 20\n", "");
    repo.commit("an entry removed", "2026-04-25");
    repo.edit(
        PLAN,
        "- [ ] Take four shadow shifts (due 2026-04-30)",
        "- [x] Take four shadow shifts (done 2026-05-01)",
    );
    let ticked = repo.commit("done", "2026-05-02");
    repo.edit(PLAN, "(done 2026-05-01)", "(done 2026-04-02)");
    repo.commit("the done date moved a month back", "2026-05-10");
    let doc = repo.history(&[]);
    let all = lines(&doc);
    assert_eq!(
        all[4..],
        [
            "2026-02-01 jane plans/jane.md prod checkin-added date=2026-02-01 note=solved 2 of 25 value=8%",
            r#"2026-04-15 jane plans/jane.md prod action-changed changes=[{"field":"due","to":"2026-04-30"}] text=Take four shadow shifts"#,
            r#"2026-04-15 jane plans/jane.md prod checkin-changed changes=[{"field":"value","from":"8%","to":"9%"}] date=2026-02-01 note=solved 2 of 25 value=9%"#,
            r#"2026-04-20 jane plans/jane.md prod checkin-changed changes=[{"field":"date","from":"2026-02-01","to":"2026-02-02"}] date=2026-02-02 note=solved 2 of 25 value=9%"#,
            "2026-04-25 jane plans/jane.md prod checkin-removed date=2026-01-20 note=solved 1 of 20 value=5%",
            "2026-05-02 jane plans/jane.md prod action-checked stated=2026-05-01 text=Take four shadow shifts",
            r#"2026-05-10 jane plans/jane.md prod action-changed changes=[{"field":"done","from":"2026-05-01","to":"2026-04-02"}] text=Take four shadow shifts"#,
        ]
    );
    // The check-in edited ten weeks after its date is not backdated; the done date moved
    // a month before the commit that ticked the box is.
    let text = repo.read(PLAN);
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR502", &[]),
        [format!(
            "GR502 {} done date 2026-04-02 was committed 30 days later, on 2026-05-02 ({})",
            position(&text, "2026-04-02"),
            short(&ticked)
        )]
    );
    let out = repo.growth().arg("history").output().expect("growth runs");
    let text_out = String::from_utf8_lossy(&out.stdout);
    assert!(
        text_out.contains("check-in 2026-02-02 changed: date 2026-02-01 → 2026-02-02")
            && text_out.contains("check-in removed: 2026-01-20 [5%] solved 1 of 20")
            && text_out.contains(
                "action changed: \"Take four shadow shifts\" (done 2026-05-01 → 2026-04-02)"
            ),
        "{text_out}"
    );
}

// -------------------------------------------------------------------- uncommitted work

#[test]
fn uncommitted_entries_count_at_their_own_dates() {
    let repo = Repo::new();
    // A year's plan: after its period, GR305 would speak for the standstill instead.
    repo.write(PLAN, &JANE.replace("end: 2026-06-30", "end: 2026-12-31"));
    repo.commit("plan", "2026-01-05");
    check_in(&repo, "2026-05-20 [12%] solved 3 of 25");
    let stale = |today: &str| {
        let mut cmd = repo.growth();
        cmd.env("GROWTH_TODAY", today);
        json_of(cmd, &["lint", "--format", "json", "--exit-zero"])["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["code"] == "GR501")
            .map(|d| d["message"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        stale("2026-07-20"),
        ["no progress on `prod` for 61 days (in git history, last on 2026-05-20)"]
    );
    assert!(stale("2026-06-01").is_empty());
    // An entry dated after today counts at today, not later.
    check_in(&repo, "2026-09-01 [20%] typo for August");
    assert_eq!(
        stale("2026-07-20"),
        Vec::<String>::new(),
        "written by today, so active today"
    );
    assert_eq!(
        stale("2026-08-25"),
        Vec::<String>::new(),
        "the clock is 2026-08-25 and the entry exists: active within 30 days"
    );
}

// ----------------------------------------------------------------------------- as of

/// A plan with a tick, check-ins and moved goalposts over the spring.
fn repo_for_as_of() -> Repo {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-01-05");
    repo.edit(
        PLAN,
        "- [ ] Take four shadow shifts",
        "- [x] Take four shadow shifts (done 2026-02-10)",
    );
    check_in(&repo, "2026-02-10 [10%] solved 2 of 20");
    repo.commit("shifts done", "2026-02-10");
    repo.edit(PLAN, "target: 25%", "target: 20%");
    repo.edit(PLAN, "due: 2026-05-31", "due: 2026-06-30");
    repo.commit("less, later", "2026-03-15");
    check_in(&repo, "2026-04-01 [15%] solved 3 of 20");
    repo.commit("check-in", "2026-04-01");
    // Uncommitted: today's work, which no past view shows.
    check_in(&repo, "2026-05-30 [18%] solved 4 of 22");
    repo
}

fn report(repo: &Repo, args: &[&str], today: Option<&str>) -> Value {
    let mut cmd = repo.growth();
    match today {
        Some(day) => cmd.env("GROWTH_TODAY", day),
        None => cmd.env_remove("GROWTH_TODAY"),
    };
    json_of(cmd, &[&["report", "--format", "json"], args].concat())
}

#[test]
fn report_until_shows_the_plans_as_they_were_that_day() {
    let repo = repo_for_as_of();
    let doc = report(&repo, &["--until", "2026-03-01"], Some("2026-06-01"));
    let plan = &doc["plans"][0];
    let goal = &plan["goals"][0];
    assert_eq!(doc["today"], "2026-06-01", "--today sets the clock");
    assert_eq!(plan["range"]["until"], "2026-03-01");
    assert_eq!(plan["last_activity"], "2026-02-10");
    assert_eq!(goal["due"], "2026-05-31", "the due date then");
    assert_eq!(goal["progress"]["target"], "25%", "the target then");
    assert_eq!(goal["progress"]["latest"], "10%");
    assert_eq!(goal["progress"]["percent"], 40.0);
    let checkins: Vec<&str> = goal["checkins"]
        .as_array()
        .expect("check-ins")
        .iter()
        .filter_map(|c| c["date"].as_str())
        .collect();
    assert_eq!(
        checkins,
        ["2026-02-10", "2026-01-20"],
        "in the file's order"
    );
    assert_eq!(goal["actions"][0]["done"], true);
    assert_eq!(goal["actions"][0]["done_on"], "2026-02-10");
    let timeline: Vec<&str> = goal["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|t| t["date"].as_str())
        .collect();
    assert!(timeline.iter().all(|d| *d <= "2026-03-01"), "{timeline:?}");
    // The clock says 2026-06-01 and nothing moved after 2026-02-10: stale.
    assert!(goal["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .any(|f| f == "stale"));
    let notes = doc["notes"].as_array().expect("notes");
    assert!(
        notes.iter().any(|n| n
            == "as of 2026-03-01: each plan as last committed on or before that day, its history up to it"),
        "{notes:?}"
    );
}

#[test]
fn report_until_a_revision_is_as_of_its_date() {
    let repo = repo_for_as_of();
    let rev = repo.git(&["log", "--format=%H", "--grep=shifts done"]);
    let by_rev = report(&repo, &["--until", rev.trim()], Some("2026-06-01"));
    let by_date = report(&repo, &["--until", "2026-02-10"], Some("2026-06-01"));
    assert_eq!(by_rev["plans"], by_date["plans"]);
    assert_eq!(by_rev["plans"][0]["goals"][0]["progress"]["latest"], "10%");
}

#[test]
fn without_today_a_past_view_keeps_that_days_clock() {
    let repo = repo_for_as_of();
    let doc = report(&repo, &["--until", "2026-03-01"], None);
    let goal = &doc["plans"][0]["goals"][0];
    assert_eq!(doc["today"], "2026-03-01");
    assert_eq!(goal["flags"], serde_json::json!([]), "fresh on 2026-03-01");
    // Before the plan existed there is nothing to report.
    let out = repo
        .growth()
        .args(["report", "--format", "json", "--until", "2026-01-01"])
        .output()
        .expect("growth runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "growth: error: no plans to report on\n"
    );
}

#[test]
fn now_includes_the_work_tree_and_the_latest_version() {
    let repo = repo_for_as_of();
    let doc = report(&repo, &[], Some("2026-06-01"));
    let goal = &doc["plans"][0]["goals"][0];
    assert_eq!(goal["progress"]["target"], "20%");
    assert_eq!(goal["progress"]["latest"], "18%");
    assert_eq!(doc["plans"][0]["last_activity"], "2026-05-30");
}

#[test]
fn a_reversed_range_is_a_usage_error() {
    let repo = repo_for_as_of();
    for command in ["report", "history"] {
        let out = repo
            .growth()
            .args([command, "--since", "2026-05-01", "--until", "2026-03-01"])
            .output()
            .expect("growth runs");
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "growth: error: --since 2026-05-01 is after --until 2026-03-01: the range is empty (swap them?)\n",
            "{command}"
        );
    }
}

#[test]
fn history_until_ends_at_that_day() {
    let repo = repo_for_as_of();
    let doc = repo.history(&["--until", "2026-03-01"]);
    let all = lines(&doc);
    assert!(
        all.last().is_some_and(|l| l.starts_with("2026-02-10")),
        "{all:?}"
    );
    assert!(all.iter().all(|l| !l.contains("uncommitted")));
}

// ------------------------------------------------------------------------------- paths

/// A team repository with a config at the top and four plans.
fn team() -> Repo {
    let repo = Repo::new();
    repo.write("growth.yaml", "fail_on: error\n");
    for (path, owner) in [
        ("plans/alice/2026.md", "Alice"),
        ("plans/bob/2026.md", "Bob"),
        ("plans/carol/2026.md", "Carol"),
        ("plans/dan.md", "Dan"),
    ] {
        repo.write(path, &JANE.replace("Jane Doe", owner));
    }
    repo.commit("plans", "2026-01-05");
    repo
}

/// The files `growth lint --format json` read, as it names them, from `dir`.
fn linted(repo: &Repo, dir: &Path, args: &[&str]) -> (Vec<String>, u64) {
    let doc = lint_in(repo, dir, args);
    let mut paths: Vec<String> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str().map(String::from))
        .collect();
    paths.sort();
    paths.dedup();
    (
        paths,
        doc["summary"]["files"].as_u64().expect("a file count"),
    )
}

#[test]
fn a_directory_means_the_plans_in_it_from_any_directory() {
    let repo = team();
    let alice = repo.dir.join("plans/alice");
    let plans = repo.dir.join("plans");
    let all = |prefix: &str, own: &str| {
        vec![
            format!("{prefix}bob/2026.md"),
            format!("{prefix}carol/2026.md"),
            format!("{prefix}dan.md"),
            own.to_string(),
        ]
    };
    let (files, count) = linted(&repo, &alice, &[".."]);
    assert_eq!((files, count), (sorted(all("../", "2026.md")), 4));
    let (files, count) = linted(&repo, &plans, &["."]);
    assert_eq!((files, count), (sorted(all("", "alice/2026.md")), 4));
    assert_eq!(
        linted(&repo, &plans, &["alice"]),
        (vec!["alice/2026.md".to_string()], 1)
    );
    // No paths: every plan of the repository, shown from where growth runs.
    let (files, count) = linted(&repo, &alice, &[]);
    assert_eq!((files, count), (sorted(all("../", "2026.md")), 4));
    // Report and history take the same directories and show the same paths.
    let doc = report(&repo, &["plans/alice"], Some("2026-06-01"));
    assert_eq!(doc["plans"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["plans"][0]["path"], "plans/alice/2026.md");
    let doc = history_in(repo.growth_in(&plans), &["alice"]);
    assert!(
        lines(&doc).iter().all(|l| l.contains(" alice/2026.md ")),
        "{:?}",
        lines(&doc)
    );
    assert!(!lines(&doc).is_empty());
}

#[test]
fn a_renamed_plan_names_both_paths_from_the_current_directory() {
    let repo = team();
    fs::create_dir(repo.dir.join("plans/dan")).expect("a directory");
    repo.git(&["mv", "plans/dan.md", "plans/dan/2026.md"]);
    repo.commit("dan gets a directory", "2026-02-01");
    let doc = history_in(repo.growth_in(&repo.dir.join("plans/alice")), &[]);
    let renamed: Vec<(&Value, &Value, &Value)> = events(&doc)
        .iter()
        .filter(|e| e["event"] == "plan-renamed")
        .map(|e| (&e["path"], &e["plan"], &e["from"]))
        .collect();
    let shown = Value::from("../dan/2026.md");
    assert_eq!(renamed, [(&shown, &shown, &Value::from("../dan.md"))]);
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn outside_git_without_a_config_a_directory_still_means_its_plans() {
    let plain = Repo::without_git();
    let team = plain.dir.join("plans/team-a");
    fs::create_dir_all(&team).expect("a directory");
    fs::write(team.join("alice.md"), JANE).expect("a plan");
    fs::write(team.join("README.md"), "# Team A\n").expect("a readme");
    let (files, count) = linted(&plain, &plain.dir, &["plans/team-a"]);
    assert_eq!(count, 1);
    assert!(
        files.iter().all(|f| f == "plans/team-a/alice.md"),
        "{files:?}"
    );
    let (_, count) = linted(&plain, &team, &["."]);
    assert_eq!(count, 1);
}

// ----------------------------------------------------------------------------- units

#[test]
fn a_target_restated_in_another_unit_is_not_a_lowered_target() {
    let repo = Repo::new();
    repo.write(PLAN, &JANE.replace("target: 25%", "target: 400 ms"));
    repo.commit("plan", "2026-01-05");
    // 400 ms and 0.4 s are the same bar; by numbers alone 0.4 < 400 read as lowered.
    repo.edit(PLAN, "target: 400 ms", "target: 0.4 s");
    repo.commit("the same bar in seconds", "2026-02-01");
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR503", &[]),
        Vec::<String>::new()
    );
    repo.edit(PLAN, "target: 0.4 s", "target: 20%");
    repo.commit("another measure altogether", "2026-03-01");
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR503", &[]),
        Vec::<String>::new(),
        "units that do not compare are not compared"
    );
}

#[test]
fn a_softer_latency_target_is_a_lowered_bar() {
    let repo = Repo::new();
    let plan = JANE
        .replace("target: 25%", "baseline: 900 ms\ntarget: 400 ms")
        .replace("[5%]", "[850 ms]");
    repo.write(PLAN, &plan);
    repo.commit("plan", "2026-01-05");
    repo.edit(PLAN, "target: 400 ms", "target: 500 ms");
    let softer = repo.commit("a softer target", "2026-02-01");
    let text = repo.read(PLAN);
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR503", &[]),
        [format!(
            "GR503 {} target 400 ms → 500 ms in {} on 2026-02-01",
            position(&text, "500 ms"),
            short(&softer)
        )]
    );
}
