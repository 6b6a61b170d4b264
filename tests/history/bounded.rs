//! Bounded walks (issue 12): `lint` reads history only from the earliest date its plans need,
//! `history --since DATE` only from that date. On fixture repositories with years of history,
//! out-of-order dates, merges, renames and edits across the boundary, the bounded walk gives
//! the same findings and the same events in range as a full walk (`GROWTH_FULL_HISTORY=1`).

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use growth::asof::AsOf;
use growth::history::{self, facts, Options, Scope};

use crate::support::{json_of, Repo, JANE, RAJ, TODAY};

/// Jane's plan of the second half of 2025: what the same file held before this half.
const JANE_2025: &str = "---
owner: Jane Doe
period: { start: 2025-07-01, end: 2025-12-31 }
---

## Goal: Run the on-call rotation

```yaml
id: oncall
measure: 4 shadow shifts
due: 2025-12-31
```

### Actions
- [ ] Take four shadow shifts

### Check-ins
- 2025-08-01 [1 shifts] first shift
";

/// Years of history before this half, then this half's work on two plans: a backdated
/// entry, moved goalposts, a commit whose author date is older than its parent's, a merged
/// branch, and a plan renamed after the boundary.
fn organisation() -> Repo {
    let repo = Repo::new();
    // Years of commits no plan needs.
    for (i, day) in ["2023-03-01", "2023-06-01", "2024-01-10"]
        .iter()
        .enumerate()
    {
        repo.write("docs/readme.md", &format!("notes {i}\n"));
        repo.commit("docs", day);
    }
    repo.write("plans/jane.md", JANE_2025);
    repo.commit("jane: plan for 2025 H2", "2025-06-20");
    for (month, n) in [("08", 2), ("09", 3), ("10", 4)] {
        repo.edit(
            "plans/jane.md",
            "### Check-ins\n",
            &format!("### Check-ins\n- 2025-{month}-02 [{n} shifts] shift {n}\n"),
        );
        repo.commit("jane: check-in", &format!("2025-{month}-02"));
    }
    repo.write("plans/raj.md", RAJ);
    repo.commit("raj: plan", "2025-12-10");
    // The new half: Jane's file now holds this half's plan.
    repo.write("plans/jane.md", JANE);
    repo.commit("jane: plan for 2026 H1", "2025-12-28");
    repo.edit(
        "plans/jane.md",
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-01 [8%] solved 2 of 25\n",
    );
    repo.commit("jane: catching up", "2026-03-10");
    repo.edit("plans/jane.md", "due: 2026-05-31", "due: 2026-06-30");
    repo.edit("plans/jane.md", "target: 25%", "target: 20%");
    repo.commit("jane: more time, less target", "2026-03-15");
    // Rebased: authored long before its parent was, committed after.
    repo.edit(
        "plans/raj.md",
        "- [ ] Write the review agenda",
        "- [x] Write the review agenda (done 2026-02-20)",
    );
    repo.commit("raj: agenda written (rebased)", "2025-11-03");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.edit(
        "plans/raj.md",
        "### Actions\n",
        "### Actions\n- [x] Book the room (done 2026-04-01)\n",
    );
    repo.commit("raj: room", "2026-04-20");
    repo.git(&["checkout", "-q", "-"]);
    repo.edit(
        "plans/jane.md",
        "### Check-ins\n",
        "### Check-ins\n- 2026-04-25 [12%] solved 3 of 25\n",
    );
    repo.commit("jane: check-in", "2026-04-25");
    repo.git_as(
        &repo.dir,
        "raj",
        "2026-05-02",
        &["merge", "-q", "--no-ff", "-m", "merge side", "side"],
    );
    repo.git(&["mv", "plans/raj.md", "plans/raj-patel.md"]);
    repo.commit("raj: rename", "2026-05-10");
    repo
}

/// Every GR5xx finding of `growth lint`, bounded or (with `GROWTH_FULL_HISTORY=1`) not.
fn findings(repo: &Repo, full: bool, args: &[&str]) -> Vec<String> {
    let mut cmd = repo.growth();
    if full {
        cmd.env("GROWTH_FULL_HISTORY", "1");
    }
    let doc = json_of(
        cmd,
        &[&["lint", "--format", "json", "--exit-zero"], args].concat(),
    );
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("GR5")))
        .map(|d| format!("{} {} {}", d["file"], d["code"], d["message"]))
        .collect()
}

fn history_json(repo: &Repo, full: bool, args: &[&str]) -> serde_json::Value {
    let mut cmd = repo.growth();
    if full {
        cmd.env("GROWTH_FULL_HISTORY", "1");
    }
    json_of(cmd, &[&["history", "--format", "json"], args].concat())
}

/// The library's walk of `repo`, from `from` or (`None`) all of it.
fn walk(repo: &Repo, from: Option<NaiveDate>) -> history::History {
    load(repo, from).expect("history")
}

fn load(repo: &Repo, from: Option<NaiveDate>) -> Result<history::History, history::HistoryError> {
    let top = std::fs::canonicalize(&repo.dir).expect("the repository");
    let is_plan = |path: &Path| {
        path.strip_prefix(&top)
            .is_ok_and(|rel| rel.starts_with("plans") && rel.extension() == Some("md".as_ref()))
    };
    let options = Options {
        start: &repo.dir,
        is_plan: &is_plan,
        now: DateTime::parse_from_rfc3339("2026-06-01T00:00:00+00:00").expect("a time"),
        since: None,
        until: None,
        progress: false,
        review_tags: &[],
    };
    history::load_with(
        &options,
        &Scope {
            from,
            agreements: true,
            cache: None,
        },
    )
}

#[test]
fn a_bounded_walk_gives_the_same_facts_and_events_as_a_full_one() {
    let repo = organisation();
    let today: NaiveDate = TODAY.parse().expect("a date");
    let as_of = AsOf::now(today);
    let top = std::fs::canonicalize(&repo.dir).expect("the repository");
    let paths = [top.join("plans/jane.md"), top.join("plans/raj-patel.md")];
    let plans: Vec<_> = paths
        .iter()
        .map(|p| growth::plan::load(p).plan.expect("a plan"))
        .collect();
    let from = facts::walk_from(plans.iter(), 14).expect("a start");
    assert_eq!(from, "2025-12-18".parse::<NaiveDate>().expect("a date"));
    let bounded = walk(&repo, Some(from));
    let full = walk(&repo, None);
    assert_eq!(bounded.bounded(), Some(from), "the walk was bounded");
    assert!(!bounded.unsure());
    assert_eq!(bounded.commits, full.commits);
    // Every event dated from the boundary on, and only those, in the same order.
    let in_range = |h: &history::History| -> Vec<String> {
        h.events
            .iter()
            .filter(|e| e.commit.date() >= from)
            .map(|e| serde_json::to_string(e).expect("json"))
            .collect()
    };
    assert_eq!(in_range(&bounded), in_range(&full));
    assert!(bounded
        .events
        .iter()
        .all(|e| e.commit.date() >= from || e.commit.summary.contains("rebased")));
    for (path, plan) in paths.iter().zip(&plans) {
        // What the rules read: when each active goal of the plan last moved (a goal the
        // plan no longer has may have moved before the boundary, and no rule asks).
        let rules_view = |mut f: facts::PlanFacts| {
            f.last_activity
                .retain(|g, _| plan.active_goals().any(|a| &a.id.value == g));
            f
        };
        let whole = facts::plan_facts(full.of_plan(path), plan, 14, &as_of);
        let start = bounded.start(path);
        let part = facts::plan_facts_from(start, bounded.of_plan(path), plan, 14, &as_of);
        assert_eq!(
            rules_view(part.clone()),
            rules_view(whole),
            "{}",
            path.display()
        );
        assert!(facts::hold_from(
            from,
            start,
            bounded.of_plan(path),
            plan,
            &part,
            today
        ));
    }
    // The facts are not empty: the comparison above means something.
    let jane = facts::plan_facts(full.of_plan(&paths[0]), &plans[0], 14, &as_of);
    assert_eq!(jane.backdated.len(), 1);
    assert_eq!(jane.moved.len(), 2);
}

#[test]
fn lint_and_history_since_say_the_same_bounded_or_not() {
    let repo = organisation();
    let full = findings(&repo, true, &[]);
    assert!(full.iter().any(|f| f.contains("GR502")), "{full:#?}");
    assert!(full.iter().any(|f| f.contains("GR503")), "{full:#?}");
    assert_eq!(findings(&repo, false, &[]), full);
    assert_since_is_the_same(&repo);
}

#[test]
fn a_goal_idle_since_before_the_boundary_reads_all_of_history() {
    // Raj ticked an action, with no date on the line, before the walk's start and has done
    // nothing since: GR501 names that day, which only all of history knows, so lint walks it
    // all and says the same as a full walk.
    let repo = Repo::new();
    repo.write("plans/raj.md", RAJ);
    repo.commit_as("raj", "raj: plan", "2025-12-01");
    repo.edit(
        "plans/raj.md",
        "- [ ] Write the review agenda",
        "- [x] Write the review agenda",
    );
    repo.commit_as("raj", "raj: agenda", "2025-12-05");
    repo.write("plans/jane.md", JANE);
    repo.commit("jane: plan", "2026-01-10");
    let full = findings(&repo, true, &[]);
    assert!(
        full.iter().any(|f| f.contains("last on 2025-12-05")),
        "{full:#?}"
    );
    assert_eq!(findings(&repo, false, &[]), full);
    // Work not committed, and a version that does not parse.
    repo.write("plans/jane.md", "---\nowner: [\n");
    repo.commit("jane: broken", "2026-02-01");
    repo.write("plans/jane.md", JANE);
    let full = findings(&repo, true, &[]);
    assert_eq!(findings(&repo, false, &[]), full);
}

#[test]
fn an_unparsable_version_across_the_boundary_reads_all_of_history() {
    // The version before the walk's start does not parse; the one after it is compared with
    // the last that did, which only all of history holds.
    let repo = Repo::new();
    repo.write("plans/raj.md", RAJ);
    repo.commit_as("raj", "raj: plan", "2025-12-01");
    repo.write("plans/jane.md", JANE);
    repo.commit("jane: plan", "2025-12-02");
    repo.write("plans/jane.md", "---\nowner: [\n");
    repo.commit("jane: broken", "2025-12-05");
    repo.write("plans/jane.md", JANE);
    crate::support::check_in(&repo, "2026-01-02 [6%] solved 2 of 30");
    repo.commit("jane: fixed, with a check-in written late", "2026-02-20");
    let full = findings(&repo, true, &[]);
    assert!(full.iter().any(|f| f.contains("GR502")), "{full:#?}");
    assert_eq!(findings(&repo, false, &[]), full);
    assert_eq!(
        history_json(&repo, false, &["--since", "2026-01-01"]),
        history_json(&repo, true, &["--since", "2026-01-01"])
    );
}

/// Writes the repository's commit-graph, as `git gc` does.
fn write_graph(repo: &Repo) {
    repo.git(&["commit-graph", "write", "--reachable"]);
    assert!(repo.dir.join(".git/objects/info/commit-graph").exists());
}

#[test]
fn with_a_commit_graph_a_bounded_walk_says_what_a_full_one_says() {
    let repo = organisation();
    write_graph(&repo);
    let full = findings(&repo, true, &[]);
    assert!(full.iter().any(|f| f.contains("GR502")), "{full:#?}");
    assert_eq!(findings(&repo, false, &[]), full);
    let from: NaiveDate = "2025-12-18".parse().expect("a date");
    let (bounded, whole) = (walk(&repo, Some(from)), walk(&repo, None));
    assert_eq!(bounded.bounded(), Some(from));
    // Every commit is counted (those behind the boundary from the graph).
    assert_eq!(bounded.commits, whole.commits);
    assert_since_is_the_same(&repo);
}

#[test]
fn with_a_commit_graph_a_bounded_walk_opens_no_older_commit() {
    let repo = Repo::new();
    // More old commits than libgit2 reads past the last one a walk needs (5).
    for month in 1..=12 {
        repo.write("docs/readme.md", &format!("notes {month}\n"));
        repo.commit("docs", &format!("2024-{month:02}-01"));
    }
    jane_checks_in_late(&repo);
    let full = findings(&repo, true, &[]);
    assert!(full.iter().any(|f| f.contains("GR502")), "{full:#?}");
    write_graph(&repo);
    // The oldest commit is lost: a walk that opens it fails.
    lose_the_root_commit(&repo);
    assert!(load(&repo, None).is_err());
    let from: NaiveDate = "2025-12-18".parse().expect("a date");
    let bounded = walk(&repo, Some(from));
    assert_eq!(bounded.bounded(), Some(from));
    assert_eq!(bounded.commits, 14);
    assert_eq!(findings(&repo, false, &[]), full);
}

#[test]
fn a_damaged_commit_graph_is_not_used() {
    let repo = organisation();
    let full = findings(&repo, true, &[]);
    write_graph(&repo);
    let graph = repo.dir.join(".git/objects/info/commit-graph");
    let bytes = std::fs::read(&graph).expect("the graph");
    for damaged in [&bytes[..bytes.len() / 2], &bytes[..8], &b"CGPH"[..]] {
        let mut permissions = std::fs::metadata(&graph).expect("graph").permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        std::fs::set_permissions(&graph, permissions).expect("writable");
        std::fs::write(&graph, damaged).expect("damage");
        assert_eq!(findings(&repo, false, &[]), full);
        let from: NaiveDate = "2025-12-18".parse().expect("a date");
        assert_eq!(walk(&repo, Some(from)).bounded(), Some(from));
    }
}

#[test]
fn a_split_commit_graph_with_an_octopus_merge_is_read_whole() {
    // An octopus merge (its third parent is in the graph's extra-edge list) and two graph
    // files, one on top of the other, all behind the walk's start; the commits behind it are
    // counted from the graph, and an old commit is lost, so none of them may be opened.
    let repo = Repo::new();
    for month in 1..=8 {
        repo.write("docs/readme.md", &format!("notes {month}\n"));
        repo.commit("docs", &format!("2023-{month:02}-01"));
    }
    for side in ["a", "b", "c"] {
        repo.git(&["checkout", "-q", "-b", side, "main"]);
        repo.write(&format!("docs/{side}.md"), side);
        repo.commit(side, "2023-09-01");
    }
    repo.git(&["checkout", "-q", "main"]);
    repo.git_as(
        &repo.dir,
        "jane",
        "2023-10-01",
        &["merge", "-q", "--no-ff", "-m", "octopus", "a", "b", "c"],
    );
    repo.git(&["commit-graph", "write", "--reachable"]);
    for month in 1..=8 {
        repo.write("docs/readme.md", &format!("more notes {month}\n"));
        repo.commit("docs", &format!("2024-{month:02}-01"));
    }
    repo.git(&["commit-graph", "write", "--reachable", "--split=no-merge"]);
    let chain = repo
        .dir
        .join(".git/objects/info/commit-graphs/commit-graph-chain");
    let layers = std::fs::read_to_string(&chain).expect("a chain of graph files");
    assert_eq!(layers.lines().count(), 2, "{layers}");
    jane_checks_in_late(&repo);
    let full = findings(&repo, true, &[]);
    let whole = walk(&repo, None);
    lose_the_root_commit(&repo);
    let from: NaiveDate = "2025-12-18".parse().expect("a date");
    let bounded = walk(&repo, Some(from));
    assert_eq!(bounded.bounded(), Some(from));
    assert_eq!(bounded.commits, whole.commits);
    assert_eq!(whole.commits, 8 + 3 + 1 + 8 + 2);
    assert_eq!(findings(&repo, false, &[]), full);
}

/// `history --since` says the same bounded or not, from three days around the boundary.
fn assert_since_is_the_same(repo: &Repo) {
    for since in ["2026-01-01", "2025-12-20", "2025-09-01"] {
        assert_eq!(
            history_json(repo, false, &["--since", since]),
            history_json(repo, true, &["--since", since]),
            "--since {since}"
        );
    }
}

/// Deletes the (loose) object of the repository's first commit: a walk that opens it fails.
fn lose_the_root_commit(repo: &Repo) {
    let root = repo.git(&["rev-list", "--max-parents=0", "HEAD"]);
    let root = root.trim();
    let object = repo
        .dir
        .join(".git/objects")
        .join(&root[..2])
        .join(&root[2..]);
    std::fs::remove_file(object).expect("a loose object");
}

/// Jane's plan, then a check-in committed seven weeks after the day it names (GR502).
fn jane_checks_in_late(repo: &Repo) {
    repo.write("plans/jane.md", JANE);
    repo.commit("jane: plan", "2025-12-28");
    crate::support::check_in(repo, "2026-01-02 [6%] solved 2 of 30");
    repo.commit("jane: a check-in written late", "2026-02-20");
}
