//! Kinds of repository and work tree: uncommitted changes, no repository, a shallow clone, a
//! bare repository, a detached HEAD, odd dates and names, and `--since` / `--until`.

use chrono::DateTime;

use crate::events::{linear_repo, LINEAR};
use crate::support::{assert_events, check_in, events, history_in, lines, Repo, JANE, RAJ};

const PLAN: &str = "plans/jane.md";

const KIM: &str = "---
owner: Kim Lee
period: { start: 2026-01-01, end: 2026-06-30 }
---

## Goal: Mentor two new joiners

```yaml
id: mentoring
measure: 2 joiners ship a change on their own in their first month
```

### Actions
- [ ] Pair with each joiner weekly
";

/// The four events of [`JANE`] added on `date` by jane.
fn jane_added(date: &str) -> Vec<String> {
    [
        "- plan-added",
        "prod goal-added title=Solve production issues on my own",
        "prod action-added text=Take four shadow shifts",
        "prod checkin-added date=2026-01-20 note=solved 1 of 20 value=5%",
    ]
    .iter()
    .map(|e| format!("{date} jane plans/jane.md {e}"))
    .collect()
}

/// Adds a check-in to Jane's plan: `- DATE [VALUE] NOTE`.
#[test]
fn uncommitted_changes_are_events_of_the_uncommitted_pseudo_commit() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.write("plans/raj.md", RAJ);
    repo.write(".gitignore", "plans/drafts/\n");
    repo.commit("plans", "2026-02-01");
    check_in(&repo, "2026-05-30 [15%] solved 3 of 20");
    repo.write("plans/kim.md", KIM);
    repo.write("plans/drafts/idea.md", KIM);
    std::fs::remove_file(repo.dir.join("plans/raj.md")).expect("removed");
    let doc = repo.history(&[]);
    let mut expected = jane_added("2026-02-01");
    expected.extend(
        [
            "2026-02-01 jane plans/raj.md - plan-added",
            "2026-02-01 jane plans/raj.md billing goal-added title=Lead the billing retry design review",
            "2026-02-01 jane plans/raj.md billing action-added text=Write the review agenda",
            "2026-06-01 (work tree) plans/kim.md - plan-added",
            "2026-06-01 (work tree) plans/kim.md mentoring goal-added title=Mentor two new joiners",
            "2026-06-01 (work tree) plans/kim.md mentoring action-added text=Pair with each joiner weekly",
            "2026-06-01 (work tree) plans/jane.md prod checkin-added date=2026-05-30 note=solved 3 of 20 value=15%",
            "2026-06-01 (work tree) plans/raj.md - plan-removed",
        ]
        .map(String::from),
    );
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_events(&doc, &expected);
    let last = events(&doc).last().expect("an event");
    assert_eq!(
        last["commit"],
        serde_json::json!({
            "id": "uncommitted",
            "short": "uncommitted",
            "author": "(work tree)",
            "email": "",
            "time": "2026-06-01T00:00:00Z",
            "summary": "changes not committed yet",
        })
    );
    assert_eq!(doc["commits"], 1, "the pseudo-commit is not a commit");
    let text = repo.growth().arg("history").output().expect("growth runs");
    insta::assert_snapshot!(String::from_utf8_lossy(&text.stdout));
}

#[test]
fn outside_a_repository_history_fails_and_lint_falls_back() {
    let repo = Repo::without_git();
    repo.write(PLAN, JANE);
    repo.growth()
        .arg("history")
        .assert()
        .code(2)
        .stdout("")
        .stderr("growth: error: not in a git repository: history needs the plans' git repository (run it inside one, or use `growth lint`, which works without)\n");
    let out = repo
        .growth()
        .args(["lint", "--format", "json"])
        .output()
        .expect("growth runs");
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("growth: note: ").count(),
        1,
        "one note says history is unavailable: {stderr}"
    );
    assert!(
        stderr.contains(
            "is not in a git repository; GR502 and GR503 need history and are skipped, GR501 uses the plans' own dates\n"
        ),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let history: Vec<String> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("GR5")))
        .map(|d| format!("{} {}", d["code"], d["message"]))
        .collect();
    assert_eq!(
        history,
        [r#""GR501" "no progress on `prod` for 132 days (by its dates, last on 2026-01-20)""#]
    );
}

#[test]
fn a_shallow_clone_starts_with_a_snapshot_and_says_how_to_fetch_the_rest() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-01-05");
    check_in(&repo, "2026-01-10 [6%] solved 2 of 30");
    repo.commit("check-in", "2026-01-10");
    check_in(&repo, "2026-01-15 [7%] solved 3 of 40");
    repo.commit("check-in", "2026-01-15");
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    repo.commit("done", "2026-01-20");
    repo.edit(PLAN, "target: 25%", "target: 30%");
    repo.commit("target", "2026-01-25");
    let url = format!("file://{}", repo.dir.display());
    repo.git_as(
        repo.home(),
        "jane",
        "2026-01-26",
        &["clone", "-q", "--depth", "2", &url, "shallow"],
    );
    let shallow = repo.beside("shallow");
    let doc = history_in(repo.growth_in(&shallow), &[]);
    assert_events(
        &doc,
        &[
            r#"2026-01-20 jane plans/jane.md - plan-snapshot stated={"prod":"2026-01-20"}"#,
            "2026-01-25 jane plans/jane.md prod target-changed from=25% to=30%",
        ],
    );
    assert_eq!(doc["commits"], 2);
    let notes = doc["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{notes:?}");
    let note = notes[0].as_str().expect("a note");
    assert!(
        note.contains("shallow clone") && note.contains("git fetch --unshallow"),
        "{note}"
    );
    for args in [&["history"][..], &["lint", "--format", "json"]] {
        let out = repo
            .growth_in(&shallow)
            .args(args)
            .output()
            .expect("growth runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("growth: note: {note}\n")),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_bare_repository_has_the_same_history_without_a_work_tree() {
    let repo = linear_repo();
    check_in(&repo, "2026-05-30 [15%] solved 3 of 20");
    repo.git_as(
        repo.home(),
        "jane",
        "2026-05-30",
        &["clone", "-q", "--bare", "repo", "bare.git"],
    );
    let normal = repo.history(&[]);
    let bare = history_in(repo.growth_in(&repo.beside("bare.git")), &[]);
    let committed: Vec<&serde_json::Value> = events(&normal)
        .iter()
        .filter(|e| e["commit"]["id"] != "uncommitted")
        .collect();
    assert_eq!(
        committed.len() + 1,
        events(&normal).len(),
        "one uncommitted check-in"
    );
    assert_eq!(events(&bare).iter().collect::<Vec<_>>(), committed);
    assert_events(&bare, LINEAR);
    assert_eq!(bare["commits"], normal["commits"]);
}

#[test]
fn a_detached_head_has_the_history_up_to_its_commit() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-02-01");
    check_in(&repo, "2026-02-05 [8%] solved 2 of 25");
    repo.commit("check-in", "2026-02-05");
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    repo.commit("done", "2026-02-10");
    repo.git(&["checkout", "-q", "--detach", "HEAD~1"]);
    let mut expected = jane_added("2026-02-01");
    expected.push("2026-02-05 jane plans/jane.md prod checkin-added date=2026-02-05 note=solved 2 of 25 value=8%".into());
    assert_eq!(lines(&repo.history(&[])), expected);
}

/// Commits the work tree as a raw commit object with these author name bytes: `git commit`
/// would re-encode a name that is not UTF-8 (as Latin-1), so the object is written directly.
fn commit_raw(repo: &Repo, name: &[u8], time: &str, message: &str) {
    repo.git(&["add", "-A"]);
    let tree = repo.git(&["write-tree"]);
    let parent = repo.git(&["rev-parse", "HEAD"]);
    let time = DateTime::parse_from_rfc3339(time).expect("a time");
    let offset = time.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let when = format!(
        "{} {sign}{:02}{:02}",
        time.timestamp(),
        offset.abs() / 3600,
        offset.abs() % 3600 / 60
    );
    let mut object =
        format!("tree {}\nparent {}\nauthor ", tree.trim(), parent.trim()).into_bytes();
    object.extend_from_slice(name);
    object.extend_from_slice(
        format!(" <dev@example.com> {when}\ncommitter ci <ci@example.com> {when}\n\n{message}\n")
            .as_bytes(),
    );
    let file = repo.beside("commit.raw");
    std::fs::write(&file, object).expect("written");
    let id = repo.git(&[
        "hash-object",
        "-t",
        "commit",
        "-w",
        &file.display().to_string(),
    ]);
    repo.git(&["update-ref", "HEAD", id.trim()]);
    let raw = repo.git(&["cat-file", "commit", "HEAD"]);
    assert!(
        raw.contains("author Jos\u{fffd} Garc\u{fffd}a <"),
        "the name is stored as bytes: {raw}"
    );
}

#[test]
fn odd_dates_and_a_name_that_is_not_utf8_are_shown_not_fatal() {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "1970-01-01T00:00:00+00:00");
    check_in(&repo, "2026-03-01 [8%] solved 2 of 25");
    repo.commit("check-in", "2026-03-01T01:00:00+14:00");
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    commit_raw(
        &repo,
        b"Jos\xe9 Garc\xeda",
        "2026-03-05T23:30:00-12:00",
        "done",
    );
    let doc = repo.history(&[]);
    let mut expected = jane_added("1970-01-01");
    expected.push("2026-03-01 jane plans/jane.md prod checkin-added date=2026-03-01 note=solved 2 of 25 value=8%".into());
    expected.push("2026-03-05 Jos\u{fffd} Garc\u{fffd}a plans/jane.md prod action-checked text=Take four shadow shifts".into());
    assert_eq!(lines(&doc), expected);
    let times: Vec<&str> = events(&doc)[3..]
        .iter()
        .map(|e| e["commit"]["time"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        times,
        [
            "1970-01-01T00:00:00Z",
            "2026-03-01T01:00:00+14:00",
            "2026-03-05T23:30:00-12:00"
        ]
    );
    repo.growth()
        .arg("history")
        .assert()
        .success()
        .stdout(predicates::str::contains("Jos\u{fffd} Garc\u{fffd}a"));
    repo.growth()
        .args(["lint", "--format", "json", "--exit-zero"])
        .assert()
        .success();
}

// ------------------------------------------------------------------------ --since, --until

/// Jane's plan on 2026-01-05, check-ins on 02-05 (tagged `review-1`), 03-05 and 04-05, and
/// an uncommitted one.
fn dated_repo() -> Repo {
    let repo = Repo::new();
    repo.write(PLAN, JANE);
    repo.commit("plan", "2026-01-05");
    for (date, entry) in [
        ("2026-02-05", "2026-02-05 [8%] A"),
        ("2026-03-05", "2026-03-05 [10%] B"),
        ("2026-04-05", "2026-04-05 [12%] C"),
    ] {
        check_in(&repo, entry);
        repo.commit("check-in", date);
        if date == "2026-02-05" {
            repo.git_as(
                &repo.dir,
                "jane",
                "2026-02-06",
                &["tag", "-a", "review-1", "-m", "review"],
            );
        }
    }
    check_in(&repo, "2026-05-30 [15%] D");
    repo
}

/// The check-in events named, by their note.
fn check_ins(notes: &str) -> Vec<String> {
    notes
        .chars()
        .map(|note| match note {
            'A' => "2026-02-05 jane plans/jane.md prod checkin-added date=2026-02-05 note=A value=8%".to_string(),
            'B' => "2026-03-05 jane plans/jane.md prod checkin-added date=2026-03-05 note=B value=10%".to_string(),
            'C' => "2026-04-05 jane plans/jane.md prod checkin-added date=2026-04-05 note=C value=12%".to_string(),
            _ => "2026-06-01 (work tree) plans/jane.md prod checkin-added date=2026-05-30 note=D value=15%".to_string(),
        })
        .collect()
}

#[test]
fn since_and_until_take_dates_and_revisions() {
    let repo = dated_repo();
    let added = jane_added("2026-01-05");
    let with_added =
        |notes: &str| -> Vec<String> { added.iter().cloned().chain(check_ins(notes)).collect() };
    let cases: &[(&[&str], Vec<String>)] = &[
        (&[], with_added("ABCD")),
        (&["--since", "2026-02-05"], check_ins("ABCD")),
        (&["--until", "2026-03-05"], with_added("AB")),
        (
            &["--since", "2026-02-06", "--until", "2026-03-31"],
            check_ins("B"),
        ),
        (&["--since", "review-1"], check_ins("BCD")),
        (&["--until", "review-1"], with_added("A")),
        (
            &["--since", "review-1", "--until", "HEAD~1"],
            check_ins("B"),
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(
            &lines(&repo.history(args)),
            expected,
            "growth history {args:?}"
        );
    }
    repo.growth()
        .args(["history", "--since", "nonsense"])
        .assert()
        .code(2)
        .stderr("growth: error: `nonsense` is neither a date (YYYY-MM-DD) nor a revision of this repository\n");
}
