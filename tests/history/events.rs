//! The event of each kind of change: a linear history, merges, renames, unparsable versions.

use serde_json::Value;

use crate::support::{assert_events, events, line, lines, Repo, JANE, RAJ};

const PLAN: &str = "plans/jane.md";

const FRONT: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
---

# Growth plan, first half of 2026
";

const PROD: &str = "
## Goal: Solve production issues on my own

```yaml
id: prod
measure: I solve 25% of the team's production issues
target: 25%
due: 2026-05-31
status: active
```

### Actions

### Check-ins
";

const TALK: &str = "
## Goal: Give a talk at the internal tech forum

### Actions
- [ ] Submit the abstract
";

/// Builds the linear history of case 1, one change per commit; returns the repository.
pub fn linear_repo() -> Repo {
    let repo = Repo::new();
    let edit = |from: &str, to: &str, date: &str, message: &str| {
        repo.edit(PLAN, from, to);
        repo.commit(message, date);
    };
    repo.write(PLAN, FRONT);
    repo.commit("plan", "2026-01-05");
    repo.write(PLAN, &format!("{FRONT}{PROD}"));
    repo.commit("goal", "2026-01-10");
    edit(
        "### Actions\n",
        "### Actions\n- [ ] Complete the observability training\n- [ ] Take four shadow shifts\n",
        "2026-01-15",
        "actions",
    );
    edit(
        "- [ ] Complete the observability training",
        "- [x] Complete the observability training (done 2026-02-08)",
        "2026-02-10",
        "done with a date",
    );
    edit("- [ ] Take four", "- [x] Take four", "2026-02-20", "done");
    edit(
        "- [x] Take four",
        "- [ ] Take four",
        "2026-02-25",
        "not done",
    );
    edit(
        "- [ ] Take four shadow shifts\n",
        "",
        "2026-03-01",
        "drop an action",
    );
    edit(
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-28 steady week\n- 2026-03-02 [12%] solved 2 of 17\n",
        "2026-03-02",
        "check-ins",
    );
    edit(
        "solved 2 of 17",
        "solved 2 of 17 issues",
        "2026-03-03",
        "reword a note",
    );
    edit("due: 2026-05-31", "due: 2026-06-30", "2026-03-10", "later");
    edit(
        "due: 2026-06-30",
        "due: 2026-06-15",
        "2026-03-15",
        "earlier",
    );
    edit("target: 25%", "target: 20%", "2026-03-20", "target");
    edit(
        "measure: I solve 25% of",
        "measure: I solve 20% of",
        "2026-03-25",
        "measure",
    );
    edit("status: active", "status: blocked", "2026-04-01", "status");
    edit(
        "period:",
        "review: 2026-06-15\nperiod:",
        "2026-04-02",
        "a review date",
    );
    edit(
        "review: 2026-06-15",
        "review: 2026-06-22",
        "2026-04-03",
        "review moved",
    );
    edit(
        "## Goal: Solve production issues on my own",
        "## Goal: Solve most production issues alone",
        "2026-04-05",
        "retitle",
    );
    repo.write(PLAN, &format!("{}{TALK}", repo.read(PLAN)));
    repo.commit("second goal", "2026-04-10");
    edit(
        "## Goal: Give a talk at the internal tech forum\n",
        "## Goal: Give a talk at the internal tech forum\n\n```yaml\nid: talk\n```\n",
        "2026-04-15",
        "an id",
    );
    let text = repo.read(PLAN);
    repo.write(
        PLAN,
        &format!("{text}\n### Check-ins\n- 2026-04-20 abstract accepted\n"),
    );
    repo.commit("talk check-in", "2026-04-20");
    let text = repo.read(PLAN);
    let cut = text
        .find("\n## Goal: Give a talk")
        .expect("the second goal");
    repo.write(PLAN, &text[..cut + 1]);
    repo.commit("remove the talk", "2026-04-25");
    repo
}

/// The events of [`linear_repo`], projected.
pub const LINEAR: &[&str] = &[
    "2026-01-05 jane plans/jane.md - plan-added",
    "2026-01-10 jane plans/jane.md prod goal-added title=Solve production issues on my own",
    "2026-01-15 jane plans/jane.md prod action-added text=Complete the observability training",
    "2026-01-15 jane plans/jane.md prod action-added text=Take four shadow shifts",
    "2026-02-10 jane plans/jane.md prod action-checked stated=2026-02-08 text=Complete the observability training",
    "2026-02-20 jane plans/jane.md prod action-checked text=Take four shadow shifts",
    "2026-02-25 jane plans/jane.md prod action-unchecked text=Take four shadow shifts",
    "2026-03-01 jane plans/jane.md prod action-removed text=Take four shadow shifts",
    "2026-03-02 jane plans/jane.md prod checkin-added date=2026-02-28 note=steady week",
    "2026-03-02 jane plans/jane.md prod checkin-added date=2026-03-02 note=solved 2 of 17 value=12%",
    r#"2026-03-03 jane plans/jane.md prod checkin-changed changes=[{"field":"note","from":"solved 2 of 17","to":"solved 2 of 17 issues"}] date=2026-03-02 note=solved 2 of 17 issues value=12%"#,
    "2026-03-10 jane plans/jane.md prod due-moved from=2026-05-31 to=2026-06-30",
    "2026-03-15 jane plans/jane.md prod due-moved from=2026-06-30 to=2026-06-15",
    "2026-03-20 jane plans/jane.md prod target-changed from=25% to=20%",
    "2026-03-25 jane plans/jane.md prod measure-changed from=I solve 25% of the team's production issues to=I solve 20% of the team's production issues",
    "2026-04-01 jane plans/jane.md prod status-changed from=active to=blocked",
    "2026-04-02 jane plans/jane.md - review-moved to=2026-06-15",
    "2026-04-03 jane plans/jane.md - review-moved from=2026-06-15 to=2026-06-22",
    "2026-04-05 jane plans/jane.md prod goal-renamed from=Solve production issues on my own to=Solve most production issues alone",
    "2026-04-10 jane plans/jane.md give-a-talk-at-the-internal-tech-forum goal-added title=Give a talk at the internal tech forum",
    "2026-04-10 jane plans/jane.md give-a-talk-at-the-internal-tech-forum action-added text=Submit the abstract",
    "2026-04-20 jane plans/jane.md talk checkin-added date=2026-04-20 note=abstract accepted",
    "2026-04-25 jane plans/jane.md talk goal-removed title=Give a talk at the internal tech forum",
];

#[test]
fn linear_history_has_one_event_per_change() {
    let repo = linear_repo();
    let doc = repo.history(&[]);
    assert_events(&doc, LINEAR);
    assert_eq!(doc["commits"], 21);
    assert_eq!(doc["notes"], serde_json::json!([]));
}

#[test]
fn linear_history_as_text() {
    let repo = linear_repo();
    let out = repo.growth().arg("history").output().expect("growth runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

// ------------------------------------------------------------------------------- merges

/// Jane's plan on main, then `branch` from it; returns the repository.
fn forked() -> Repo {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.git(&["branch", "side"]);
    repo
}

fn merge(repo: &Repo, date: &str, args: &[&str]) {
    let mut all = vec!["merge", "-q", "--no-edit"];
    all.extend_from_slice(args);
    repo.git_as(&repo.dir, "merger", date, &all);
}

const JANE_ADDED: &[&str] = &[
    "2026-02-01 jane plans/jane.md - plan-added",
    "2026-02-01 jane plans/jane.md prod goal-added title=Solve production issues on my own",
    "2026-02-01 jane plans/jane.md prod action-added text=Take four shadow shifts",
    "2026-02-01 jane plans/jane.md prod checkin-added date=2026-01-20 note=solved 1 of 20 value=5%",
];

fn with_jane_added(rest: &[&'static str]) -> Vec<&'static str> {
    JANE_ADDED.iter().chain(rest).copied().collect()
}

#[test]
fn a_merge_of_two_branches_adds_nothing_of_its_own() {
    let repo = forked();
    repo.git(&["checkout", "-q", "side"]);
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-05 [8%] solved 2 of 25\n",
    );
    repo.commit_as("raj", "check-in", "2026-02-05");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    repo.commit("done", "2026-02-06");
    merge(&repo, "2026-02-07", &["--no-ff", "side"]);
    assert!(
        repo.read(PLAN).contains("- [x] Take four") && repo.read(PLAN).contains("2026-02-05 [8%]")
    );
    assert_events(
        &repo.history(&[]),
        &with_jane_added(&[
            "2026-02-05 raj plans/jane.md prod checkin-added date=2026-02-05 note=solved 2 of 25 value=8%",
            "2026-02-06 jane plans/jane.md prod action-checked text=Take four shadow shifts",
        ]),
    );
}

#[test]
fn a_merge_that_keeps_one_side_adds_nothing() {
    let repo = forked();
    repo.git(&["checkout", "-q", "side"]);
    repo.edit(PLAN, "target: 25%", "target: 30%");
    repo.commit_as("raj", "raise the target", "2026-02-05");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-06 [8%] solved 2 of 25\n",
    );
    repo.commit("check-in", "2026-02-06");
    merge(&repo, "2026-02-07", &["-s", "ours", "side"]);
    assert!(repo.read(PLAN).contains("target: 25%"));
    // A branch whose plan the merge takes as it is: main only touched another file.
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    repo.commit_as("raj", "done", "2026-02-08");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("README.md", "# Plans\n");
    repo.commit("readme", "2026-02-09");
    merge(&repo, "2026-02-10", &["--no-ff", "other"]);
    assert_events(
        &repo.history(&[]),
        &with_jane_added(&[
            "2026-02-05 raj plans/jane.md prod target-changed from=25% to=30%",
            "2026-02-06 jane plans/jane.md prod checkin-added date=2026-02-06 note=solved 2 of 25 value=8%",
            "2026-02-08 raj plans/jane.md prod action-checked text=Take four shadow shifts",
        ]),
    );
}

#[test]
fn a_conflict_resolved_to_a_third_value_is_an_event_of_the_merge() {
    let repo = forked();
    repo.git(&["checkout", "-q", "side"]);
    repo.edit(PLAN, "target: 25%", "target: 30%");
    repo.commit_as("raj", "raise", "2026-02-05");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(PLAN, "target: 25%", "target: 20%");
    repo.commit("lower", "2026-02-06");
    repo.git_fails(&["merge", "-q", "side"]);
    repo.write(PLAN, &JANE.replace("target: 25%", "target: 22%"));
    repo.git(&["add", "-A"]);
    repo.git_as(
        &repo.dir,
        "merger",
        "2026-02-07",
        &["commit", "-q", "--no-edit"],
    );
    let doc = repo.history(&[]);
    let (merged, rest): (Vec<&Value>, Vec<&Value>) = events(&doc)
        .iter()
        .partition(|e| e["commit"]["author"] == "merger");
    // Which parent `from` names is the engine's choice; what the merge wrote is not.
    let merged: Vec<String> = merged
        .iter()
        .map(|e| format!("{} {} to={}", e["goal"], e["event"], e["to"]))
        .collect();
    assert_eq!(
        merged,
        [r#""prod" "target-changed" to="22%""#],
        "the merge resolved the target to a value neither side had; all events:\n{}",
        lines(&doc).join("\n")
    );
    let rest: Vec<String> = rest.into_iter().map(line).collect();
    assert_eq!(
        rest,
        with_jane_added(&[
            "2026-02-05 raj plans/jane.md prod target-changed from=25% to=30%",
            "2026-02-06 jane plans/jane.md prod target-changed from=25% to=20%",
        ])
    );
}

// ------------------------------------------------------------------------------ renames

const MOVED: &str = "plans/jane-doe/2026-h1.md";

#[test]
fn a_moved_plan_keeps_its_history_under_its_new_path() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.git(&["mv", PLAN, "plans/jane-2026.md"]);
    repo.commit("rename", "2026-02-05");
    std::fs::create_dir_all(repo.dir.join("plans/jane-doe")).expect("a directory");
    repo.git(&["mv", "plans/jane-2026.md", MOVED]);
    repo.commit("move", "2026-02-10");
    repo.edit(
        MOVED,
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-15 [8%] solved 2 of 25\n",
    );
    repo.commit("check-in", "2026-02-15");
    let expected = [
        "2026-02-01 jane plans/jane.md - plan-added plan=plans/jane-doe/2026-h1.md",
        "2026-02-01 jane plans/jane.md prod goal-added plan=plans/jane-doe/2026-h1.md title=Solve production issues on my own",
        "2026-02-01 jane plans/jane.md prod action-added plan=plans/jane-doe/2026-h1.md text=Take four shadow shifts",
        "2026-02-01 jane plans/jane.md prod checkin-added date=2026-01-20 note=solved 1 of 20 plan=plans/jane-doe/2026-h1.md value=5%",
        "2026-02-05 jane plans/jane-2026.md - plan-renamed from=plans/jane.md plan=plans/jane-doe/2026-h1.md",
        "2026-02-10 jane plans/jane-doe/2026-h1.md - plan-renamed from=plans/jane-2026.md",
        "2026-02-15 jane plans/jane-doe/2026-h1.md prod checkin-added date=2026-02-15 note=solved 2 of 25 value=8%",
    ];
    assert_events(&repo.history(&[]), &expected);
}

#[test]
fn history_of_a_plan_path_or_its_directory_includes_its_moves() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.write("plans/raj.md", RAJ);
    repo.commit("plans", "2026-02-01");
    std::fs::create_dir_all(repo.dir.join("plans/jane-doe")).expect("a directory");
    repo.git(&["mv", PLAN, MOVED]);
    repo.commit("move", "2026-02-10");
    let expected = [
        "2026-02-01 jane plans/jane.md - plan-added plan=plans/jane-doe/2026-h1.md",
        "2026-02-01 jane plans/jane.md prod goal-added plan=plans/jane-doe/2026-h1.md title=Solve production issues on my own",
        "2026-02-01 jane plans/jane.md prod action-added plan=plans/jane-doe/2026-h1.md text=Take four shadow shifts",
        "2026-02-01 jane plans/jane.md prod checkin-added date=2026-01-20 note=solved 1 of 20 plan=plans/jane-doe/2026-h1.md value=5%",
        "2026-02-10 jane plans/jane-doe/2026-h1.md - plan-renamed from=plans/jane.md",
    ];
    // Raj's plan is left out; Jane's is all there, asked for by its path now, as a file or
    // as the directory that holds it.
    assert_events(&repo.history(&[MOVED]), &expected);
    assert_events(&repo.history(&["plans/jane-doe"]), &expected);
}

#[test]
fn a_rename_with_an_edit_is_a_rename_and_the_edit() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.git(&["mv", PLAN, "plans/jane-2026.md"]);
    repo.edit("plans/jane-2026.md", "- [ ] Take four", "- [x] Take four");
    repo.edit(
        "plans/jane-2026.md",
        "owner: Jane Doe\n",
        "owner: Jane Doe\nnorth_star: A positive influence on others\n",
    );
    repo.commit("move and tick", "2026-02-05");
    assert_events(
        &repo.history(&[]),
        &[
            "2026-02-01 jane plans/jane.md - plan-added plan=plans/jane-2026.md",
            "2026-02-01 jane plans/jane.md prod goal-added plan=plans/jane-2026.md title=Solve production issues on my own",
            "2026-02-01 jane plans/jane.md prod action-added plan=plans/jane-2026.md text=Take four shadow shifts",
            "2026-02-01 jane plans/jane.md prod checkin-added date=2026-01-20 note=solved 1 of 20 plan=plans/jane-2026.md value=5%",
            "2026-02-05 jane plans/jane-2026.md - plan-renamed from=plans/jane.md",
            "2026-02-05 jane plans/jane-2026.md prod action-checked text=Take four shadow shifts",
        ],
    );
}

#[test]
fn a_delete_and_an_unrelated_add_are_not_a_rename() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    std::fs::remove_file(repo.dir.join(PLAN)).expect("removed");
    repo.write("plans/raj.md", RAJ);
    repo.commit("swap", "2026-02-05");
    assert_events(
        &repo.history(&[]),
        &with_jane_added(&[
            "2026-02-05 jane plans/raj.md - plan-added",
            "2026-02-05 jane plans/raj.md billing goal-added title=Lead the billing retry design review",
            "2026-02-05 jane plans/raj.md billing action-added text=Write the review agenda",
            "2026-02-05 jane plans/jane.md - plan-removed",
        ]),
    );
}

#[test]
fn renamed_history_as_text() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.git(&["mv", PLAN, "plans/jane-2026.md"]);
    repo.commit("move", "2026-02-05");
    let out = repo.growth().arg("history").output().expect("growth runs");
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

// --------------------------------------------------------------------- unparsable versions

#[test]
fn an_unparsable_version_is_one_event_and_the_fix_tells_only_what_changed() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.edit(PLAN, "owner: Jane Doe", "owner: Jane: Doe");
    repo.commit("break", "2026-02-05");
    repo.edit(PLAN, "owner: Jane: Doe", "owner: Jane Doe");
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-06 [8%] solved 2 of 25\n",
    );
    repo.commit("fix", "2026-02-06");
    assert_events(
        &repo.history(&[]),
        &with_jane_added(&[
            "2026-02-05 jane plans/jane.md - unparsable message=the front matter is not valid YAML: a `: ` here would start a new key, which YAML does not allow in this place at line 2, column 12",
            "2026-02-06 jane plans/jane.md prod checkin-added date=2026-02-06 note=solved 2 of 25 value=8%",
        ]),
    );
}

#[test]
fn a_plan_first_committed_unparsable_is_still_added() {
    let repo = Repo::new();
    repo.write(PLAN, &JANE.replace("owner: Jane Doe", "owner: Jane: Doe"));
    repo.commit("broken plan", "2026-02-01");
    repo.write(PLAN, JANE);
    repo.commit("fix", "2026-02-05");
    assert_events(
        &repo.history(&[]),
        &[
            "2026-02-01 jane plans/jane.md - plan-added",
            "2026-02-01 jane plans/jane.md - unparsable message=the front matter is not valid YAML: a `: ` here would start a new key, which YAML does not allow in this place at line 2, column 12",
            "2026-02-05 jane plans/jane.md prod goal-added title=Solve production issues on my own",
            "2026-02-05 jane plans/jane.md prod action-added text=Take four shadow shifts",
            "2026-02-05 jane plans/jane.md prod checkin-added date=2026-01-20 note=solved 1 of 20 value=5%",
        ],
    );
}

/// After an unparsable version, the next good one is compared with the last good version in
/// its own line of history, not with whatever the walk saw last on another branch.
#[test]
fn a_fix_after_an_unparsable_version_compares_within_its_own_branch() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.edit(PLAN, "due: 2026-05-31", "due: [2026-05-31");
    repo.commit("break", "2026-02-02");
    repo.git(&["branch", "side"]);
    repo.git(&["checkout", "-q", "side"]);
    repo.edit(PLAN, "due: [2026-05-31", "due: 2026-05-31");
    repo.edit(
        PLAN,
        "- 2026-01-20 [5%] solved 1 of 20\n",
        "- 2026-01-20 [5%] solved 1 of 20\n- 2026-02-03 [6%] solved 2 of 30\n",
    );
    repo.commit_as("raj", "fix and check in", "2026-02-03");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(PLAN, "due: [2026-05-31", "due: 2026-05-31");
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    repo.commit("fix and tick", "2026-02-04");
    merge(&repo, "2026-02-05", &["--no-ff", "side"]);
    let doc = repo.history(&[]);
    let lines = lines(&doc);
    assert!(lines.iter().any(|l| l == "2026-02-03 raj plans/jane.md prod checkin-added date=2026-02-03 note=solved 2 of 30 value=6%"), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l
            == "2026-02-04 jane plans/jane.md prod action-checked text=Take four shadow shifts"),
        "{lines:#?}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("action-removed") || l.starts_with("2026-02-05")),
        "{lines:#?}"
    );
}

/// Two check-ins on one day with one value are two check-ins.
#[test]
fn a_second_check_in_with_the_same_date_and_value_is_an_event() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    repo.edit(
        PLAN,
        "- 2026-01-20 [5%] solved 1 of 20\n",
        "- 2026-01-20 [5%] solved 1 of 20\n- 2026-01-20 [5%] the pilot team joined\n",
    );
    repo.commit("second check-in", "2026-02-02");
    assert_events(
        &repo.history(&[]),
        &with_jane_added(&[
            "2026-02-02 jane plans/jane.md prod checkin-added date=2026-01-20 note=the pilot team joined value=5%",
        ]),
    );
}
