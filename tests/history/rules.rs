//! The history rules (GR501–GR503) in `growth lint`, and that nothing growth runs writes to
//! the repository.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{findings_in, position, short, Repo, JANE};

const PLAN: &str = "plans/jane.md";

/// A plan whose first commit holds entries dated well before it: its starting state.
const START: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
---

## Goal: Solve production issues on my own

```yaml
id: prod
measure: I solve 25% of the team's production issues
target: 25%
due: 2026-05-31
```

### Actions
- [x] Read the SRE book (done 2025-10-01)
- [ ] Take four shadow shifts

### Check-ins
- 2025-11-01 [3%] before the plan

## Goal: Give a talk at the internal tech forum

```yaml
id: talk
measure: 3 questions from the audience
due: 2026-06-30
```

### Actions
- [ ] Submit the abstract
";

/// The GR5xx findings of `growth lint --format json ARGS`: `CODE line:column message`.
fn history_findings(repo: &Repo, args: &[&str]) -> Vec<String> {
    findings_in(repo, &repo.dir, "GR5", args)
}

fn history_findings_in(repo: &Repo, dir: &Path, args: &[&str]) -> Vec<String> {
    findings_in(repo, dir, "GR5", args)
}

#[test]
fn history_rules_find_backdated_entries_moved_goalposts_and_stale_goals() {
    let repo = Repo::new();
    repo.write(PLAN, START);
    repo.commit("plan", "2026-01-05");
    repo.edit(
        PLAN,
        "- [ ] Take four shadow shifts",
        "- [x] Take four shadow shifts (done 2026-02-01)",
    );
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-02-08 [10%] solved 1 of 10\n",
    );
    let backdated = repo.commit("catching up", "2026-03-10");
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-03-01 [12%] solved 2 of 17\n",
    );
    repo.commit("eleven days late: within the tolerance", "2026-03-12");
    repo.edit(PLAN, "due: 2026-05-31", "due: 2026-06-30");
    repo.edit(PLAN, "target: 25%", "target: 20%");
    let moved = repo.commit("more time, less target", "2026-03-15");
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-05-20 [20%] solved 4 of 20\n",
    );
    repo.commit("check-in", "2026-05-20");
    repo.edit(PLAN, "3 questions from", "5 questions from");
    repo.commit("a measure is not progress", "2026-05-25");
    let text = repo.read(PLAN);
    let mut expected = [
        (
            position(&text, "20%\ndue"),
            format!(
                "GR503 {{}} target 25% → 20% in {} on 2026-03-15",
                short(&moved)
            ),
        ),
        (
            position(&text, "2026-06-30\n```\n\n### Actions\n- [x] Read"),
            format!(
                "GR503 {{}} due 2026-05-31 → 2026-06-30 in {} on 2026-03-15",
                short(&moved)
            ),
        ),
        (
            position(&text, "2026-02-01)"),
            format!(
                "GR502 {{}} done date 2026-02-01 was committed 37 days later, on 2026-03-10 ({})",
                short(&backdated)
            ),
        ),
        (
            position(&text, "2026-02-08 [10%]"),
            format!(
                "GR502 {{}} check-in 2026-02-08 was committed 30 days later, on 2026-03-10 ({})",
                short(&backdated)
            ),
        ),
        (
            position(&text, "Give a talk"),
            "GR501 {} no progress on `talk` for 147 days (in git history, last on 2026-01-05)"
                .to_string(),
        ),
    ];
    // Findings come sorted by line; the first commit's old dates (2025-10-01, 2025-11-01)
    // are the plan's starting state and are not backdated.
    expected.sort_by_key(|(at, _)| {
        let (line, column) = at.split_once(':').expect("line:column");
        (
            line.parse::<u32>().expect("a line"),
            column.parse::<u32>().expect("a column"),
        )
    });
    let expected: Vec<String> = expected
        .iter()
        .map(|(at, m)| m.replacen("{}", at, 1))
        .collect();
    assert_eq!(history_findings(&repo, &[]), expected);
    assert_eq!(
        history_findings(&repo, &["--no-history"]),
        Vec::<String>::new()
    );
    // An uncommitted check-in is progress too.
    repo.write(
        PLAN,
        &format!(
            "{}\n### Check-ins\n- 2026-05-31 abstract sent\n",
            repo.read(PLAN)
        ),
    );
    let without_stale: Vec<String> = expected
        .into_iter()
        .filter(|f| !f.starts_with("GR501"))
        .collect();
    assert_eq!(history_findings(&repo, &[]), without_stale);
}

#[test]
fn goalposts_moved_before_the_period_started_are_not_flagged() {
    let repo = Repo::new();
    repo.write(PLAN, START);
    repo.commit("draft", "2025-12-10");
    repo.edit(PLAN, "due: 2026-05-31", "due: 2026-06-15");
    repo.commit("before the period", "2025-12-20");
    repo.edit(PLAN, "due: 2026-06-15", "due: 2026-06-30");
    let moved = repo.commit("after it started", "2026-02-01");
    let text = repo.read(PLAN);
    let findings: Vec<String> = history_findings(&repo, &[])
        .into_iter()
        .filter(|f| f.starts_with("GR503"))
        .collect();
    assert_eq!(
        findings,
        [format!(
            "GR503 {} due 2026-06-15 → 2026-06-30 in {} on 2026-02-01",
            position(&text, "2026-06-30\n```\n\n### Actions\n- [x] Read"),
            short(&moved)
        )]
    );
}

/// Jane's plan changed on 2026-05-20 with a check-in dated 2026-01-20: GR502, and no GR501.
fn backdated_repo() -> Repo {
    let repo = Repo::new();
    repo.write(PLAN, START);
    repo.commit("plan", "2026-01-05");
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-05-20 [20%] solved 4 of 20\n- 2026-01-20 [5%] forgot this one\n",
    );
    repo.edit(
        PLAN,
        "- [ ] Submit the abstract",
        "- [x] Submit the abstract",
    );
    repo.commit("check-ins", "2026-05-20");
    repo
}

#[test]
fn lint_reads_the_history_of_the_plans_it_is_given() {
    let repo = backdated_repo();
    let all = history_findings(&repo, &[]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].starts_with("GR502 "), "{all:?}");
    // The same plan, named by its path, by its directory, or from inside the directory.
    assert_eq!(
        history_findings(&repo, &["plans/jane.md"]),
        all,
        "growth lint plans/jane.md"
    );
    assert_eq!(
        history_findings(&repo, &["plans"]),
        all,
        "growth lint plans"
    );
    assert_eq!(
        history_findings_in(&repo, &repo.dir.join("plans"), &["jane.md"]),
        all,
        "growth lint jane.md, in plans/"
    );
}

// ------------------------------------------------------------------------------ read-only

/// Everything under `.git`: each file's bytes and modification time.
pub(crate) fn git_dir_state(dir: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![dir.join(".git")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("a readable directory")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let meta = entry.metadata().expect("metadata");
                let bytes = std::fs::read(&path).expect("a readable file");
                out.insert(
                    path.display().to_string(),
                    (bytes, meta.modified().expect("an mtime")),
                );
            }
        }
    }
    out
}

#[test]
fn history_and_lint_never_write_to_the_repository() {
    let repo = crate::events::linear_repo();
    repo.git_as(
        &repo.dir,
        "jane",
        "2026-04-26",
        &["tag", "-a", "review-1", "-m", "review"],
    );
    repo.write("plans/raj.md", crate::support::RAJ);
    repo.edit(
        PLAN,
        "### Check-ins\n",
        "### Check-ins\n- 2026-05-30 [15%] solved 3 of 20\n",
    );
    let observe = || {
        (
            repo.git(&["for-each-ref"]),
            repo.git(&["count-objects", "-v"]),
            repo.git(&["hash-object", ".git/index"]),
            git_dir_state(&repo.dir),
        )
    };
    let before = observe();
    for args in [
        &["history"][..],
        &["history", "--format", "json", "--since", "review-1"],
        &["history", "plans/jane.md", "--until", "2026-03-01"],
        &["lint"],
        &["lint", "--format", "json"],
        &["lint", "plans/jane.md"],
    ] {
        let out = repo.growth().args(args).output().expect("growth runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "growth {args:?}: {out:?}"
        );
    }
    let after = observe();
    assert_eq!(before.0, after.0, "refs");
    assert_eq!(before.1, after.1, "objects");
    assert_eq!(before.2, after.2, "the index");
    let changed: Vec<&String> = before
        .3
        .keys()
        .chain(after.3.keys())
        .filter(|k| before.3.get(*k) != after.3.get(*k))
        .collect();
    assert!(
        changed.is_empty(),
        "growth changed files under .git: {changed:?}"
    );
}

/// A plan that git history does not know (here: outside the plan globs, named on the
/// command line) is judged by its own dates, not as "no progress since the period started".
#[test]
fn a_plan_unknown_to_history_is_judged_by_its_own_dates() {
    let repo = Repo::new();
    repo.write("notes/jane.md", JANE);
    repo.commit("notes", "2026-02-01");
    let out = repo
        .growth()
        .args([
            "lint",
            "--format",
            "json",
            "--today",
            "2026-02-10",
            "notes/jane.md",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stale: Vec<&serde_json::Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "GR501")
        .collect();
    // The last check-in is 2026-01-20: 21 days before, under the 30-day limit.
    assert!(stale.is_empty(), "{stale:#?}");
}
