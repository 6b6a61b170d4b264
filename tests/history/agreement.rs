//! Agreement: `Agreed-by:` / `Reviewed-by:` trailers and review tags (annotated and
//! lightweight) in `growth history`, and `changed-since-agreed` (GR505) in `growth lint`:
//! what changed after the latest agreement is flagged once per goal and field, progress is
//! not, and growth writes nothing to the repository.

use std::path::Path;
use std::process::Command as Git;

use crate::support::{findings_in, lines, position, short, Repo};

const PLAN: &str = "plans/jane.md";

/// Two goals, so one can be removed while the other changes.
const TWO: &str = "---
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
- [ ] Take four shadow shifts

### Check-ins
- 2026-01-20 [5%] solved 1 of 20

## Goal: Give a talk at the internal tech forum

```yaml
id: talk
measure: 3 questions from the audience
due: 2026-06-30
```

### Actions
- [ ] Submit the abstract
";

/// The part of [`TWO`] that is the `talk` goal.
const TALK: &str = "\n## Goal: Give a talk at the internal tech forum\n\n```yaml\nid: talk\nmeasure: 3 questions from the audience\ndue: 2026-06-30\n```\n\n### Actions\n- [ ] Submit the abstract\n";

fn gr505(repo: &Repo) -> Vec<String> {
    findings_in(repo, &repo.dir, "GR505", &[])
}

/// Runs git with this committer (who tags: the tagger), and its date.
fn git_by(repo: &Repo, who: &str, date: &str, args: &[&str]) {
    let stamp = format!("{date}T10:00:00+00:00");
    let out = Git::new("git")
        .current_dir(&repo.dir)
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(args)
        .env("HOME", repo.home())
        .env("XDG_CONFIG_HOME", repo.home())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", "bob@example.com")
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", "bob@example.com")
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

/// Jane's plan on a branch, merged by Bob with an `Agreed-by:` trailer on 2026-01-10.
fn agreed_by_trailer() -> (Repo, String) {
    let repo = Repo::new();
    repo.write("README.md", "plans\n");
    repo.commit("start", "2026-01-02");
    repo.git(&["checkout", "-q", "-b", "jane-plan"]);
    repo.write(PLAN, TWO);
    repo.commit("Jane's plan for 2026 H1", "2026-01-05");
    repo.git(&["checkout", "-q", "main"]);
    git_by(
        &repo,
        "Bob Manager",
        "2026-01-10",
        &[
            "merge",
            "-q",
            "--no-ff",
            "jane-plan",
            "-m",
            "Merge Jane's plan\n\nDiscussed in our 1:1.\n\nagreed-by: Bob Manager\n <bob@example.com>",
        ],
    );
    let merge = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    (repo, merge)
}

#[test]
fn a_trailer_agrees_and_what_changes_after_it_is_flagged_once_each() {
    let (repo, merge) = agreed_by_trailer();
    let m = short(&merge);
    // Progress: a check-in and a ticked action are not changes.
    repo.edit(
        PLAN,
        "- 2026-01-20 [5%] solved 1 of 20\n",
        "- 2026-01-20 [5%] solved 1 of 20\n- 2026-02-10 [9%] solved 2 of 22\n",
    );
    repo.edit(PLAN, "- [ ] Take four", "- [x] Take four");
    repo.commit("progress", "2026-02-10");
    assert_eq!(gr505(&repo), Vec::<String>::new(), "progress is no change");
    let doc = repo.history(&[]);
    let agreed = "2026-01-10 Bob Manager plans/jane.md - agreed by=Bob Manager email=bob@example.com on=2026-01-10 via=Agreed-by".to_string();
    assert!(lines(&doc).contains(&agreed), "{:#?}", lines(&doc));
    // The target lowered twice is one change, as agreed → now; the due moved; a goal removed.
    repo.edit(PLAN, "target: 25%", "target: 20%");
    repo.commit("lower", "2026-03-01");
    repo.edit(PLAN, "target: 20%", "target: 15%");
    let lowered = short(&repo.commit("lower again", "2026-03-02")).to_string();
    repo.edit(PLAN, "due: 2026-05-31", "due: 2026-06-15");
    let moved = short(&repo.commit("later", "2026-03-05")).to_string();
    repo.edit(PLAN, TALK, "");
    let removed = short(&repo.commit("no talk", "2026-03-06")).to_string();
    let text = repo.read(PLAN);
    let since = format!("since it was agreed by Bob Manager on 2026-01-10 in {m} (Agreed-by)");
    assert_eq!(
        gr505(&repo),
        [
            format!("GR505 1:1 `talk`: goal \"Give a talk at the internal tech forum\" → removed (last changed in {removed} on 2026-03-06) {since}"),
            format!("GR505 {} `prod`: target 25% → 15% (last changed in {lowered} on 2026-03-02) {since}", position(&text, "15%")),
            format!("GR505 {} `prod`: due 2026-05-31 → 2026-06-15 (last changed in {moved} on 2026-03-05) {since}", position(&text, "2026-06-15")),
        ]
    );
    // Said once: the moved goalposts at those places are GR505's, and come back without it.
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR503", &[]),
        Vec::<String>::new()
    );
    repo.write("growth.yaml", "rules:\n  GR505: off\n");
    // (GR503 names each step: 25% → 20%, 20% → 15%, and the due date.)
    assert_eq!(findings_in(&repo, &repo.dir, "GR503", &[]).len(), 3);
    std::fs::remove_file(repo.dir.join("growth.yaml")).expect("the config");
    // Agreed again: nothing has changed since.
    repo.write("README.md", "plans, agreed\n");
    repo.edit(PLAN, "target: 15%", "target: 15% ");
    repo.git(&["add", "-A"]);
    git_by(
        &repo,
        "Bob Manager",
        "2026-03-10",
        &["commit", "-q", "-m", "Re-agree\n\nReviewed-by: Bob Manager"],
    );
    assert_eq!(gr505(&repo), Vec::<String>::new());
}

#[test]
fn a_change_put_back_is_no_change_and_a_goal_added_later_was_never_agreed() {
    let (repo, _) = agreed_by_trailer();
    repo.edit(PLAN, "target: 25%", "target: 10%");
    repo.commit("lower", "2026-03-01");
    repo.edit(PLAN, "target: 10%", "target: 25%");
    repo.commit("as agreed", "2026-03-02");
    let added = TWO.replace("id: talk", "id: blog").replace(
        "Give a talk at the internal tech forum",
        "Write a blog post",
    );
    let blog = &added[added.find("\n## Goal: Write").expect("the goal")..];
    let text = format!("{}{blog}", repo.read(PLAN));
    repo.write(PLAN, &text);
    repo.commit("a new goal", "2026-03-03");
    repo.edit(
        PLAN,
        "due: 2026-06-30\n```\n\n### Actions\n- [ ] Submit the abstract\n\n## Goal: Write",
        "due: 2026-06-01\n```\n\n### Actions\n- [ ] Submit the abstract\n\n## Goal: Write",
    );
    let moved = short(&repo.commit("talk earlier", "2026-03-04")).to_string();
    let findings = gr505(&repo);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].contains(&format!(
            "`talk`: due 2026-06-30 → 2026-06-01 (last changed in {moved} on 2026-03-04)"
        )),
        "{findings:#?}"
    );
}

#[test]
fn an_annotated_review_tag_agrees_with_the_tagger_and_the_tag_date() {
    let repo = Repo::new();
    repo.write(PLAN, TWO);
    // Raj's plan is in the tagged commit too, but the tag names Jane's.
    repo.write("plans/raj.md", crate::support::RAJ);
    repo.commit("plans", "2026-01-05");
    repo.write("README.md", "unrelated\n");
    repo.commit("readme", "2026-01-06");
    // Tagged later, on a commit that did not touch the plan.
    git_by(
        &repo,
        "Bob Manager",
        "2026-01-12",
        &["tag", "-a", "review/2026-h1/jane", "-m", "H1 review"],
    );
    git_by(
        &repo,
        "Bob Manager",
        "2026-01-12",
        &["tag", "-a", "v1", "-m", "not a review"],
    );
    let doc = repo.history(&[]);
    let agreed: Vec<String> = lines(&doc)
        .into_iter()
        .filter(|l| l.contains(" agreed "))
        .collect();
    assert_eq!(
        agreed,
        ["2026-01-06 jane plans/jane.md - agreed by=Bob Manager email=bob@example.com on=2026-01-12 via=tag review/2026-h1/jane"]
    );
    repo.edit(PLAN, "measure: 3 questions", "measure: 1 question");
    let changed = short(&repo.commit("fewer", "2026-02-01")).to_string();
    let tagged = short(&repo.git(&["rev-parse", "review/2026-h1/jane^{commit}"])).to_string();
    let text = repo.read(PLAN);
    assert_eq!(
        gr505(&repo),
        [format!(
            "GR505 {} `talk`: measure \"3 questions from the audience\" → \"1 question from the audience\" (last changed in {changed} on 2026-02-01) since it was agreed by Bob Manager on 2026-01-12 in {tagged} (tag review/2026-h1/jane)",
            position(&text, "1 question")
        )]
    );
    // As of the day before the tag was made, the plan was not agreed yet.
    let before = report_json(&repo, &["--until", "2026-01-11"]);
    assert_eq!(
        before["plans"][0]["goals"][0]["agreed"],
        serde_json::Value::Null
    );
    let on = report_json(&repo, &["--until", "2026-01-12"]);
    assert_eq!(on["plans"][0]["goals"][0]["agreed"]["on"], "2026-01-12");
    // The terminal form of `growth history` says it in words.
    let out = repo
        .growth()
        .args(["history"])
        .output()
        .expect("growth runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("agreed by Bob Manager on 2026-01-12 (tag review/2026-h1/jane)"),
        "{stdout}"
    );
}

#[test]
fn a_lightweight_tag_agrees_with_the_committer_and_review_tags_are_configurable() {
    let repo = Repo::new();
    repo.write(PLAN, TWO);
    repo.write("growth.yaml", "review_tags: [\"agreed-*\"]\n");
    let plan = repo.commit("plan", "2026-01-05");
    repo.git(&["tag", "agreed-h1"]);
    repo.git(&["tag", "review/ignored"]);
    repo.edit(PLAN, "id: talk\n", "id: talk\nstatus: dropped\n");
    let dropped = short(&repo.commit("no talk this half", "2026-02-01")).to_string();
    let text = repo.read(PLAN);
    assert_eq!(
        gr505(&repo),
        [format!(
            "GR505 {} `talk`: status active → dropped (last changed in {dropped} on 2026-02-01) since it was agreed by ci on 2026-01-05 in {} (tag agreed-h1)",
            position(&text, "dropped"),
            short(&plan)
        )]
    );
}

#[test]
fn an_agreement_older_than_a_bounded_walk_is_still_found() {
    let repo = Repo::new();
    repo.write(PLAN, &TWO.replace("target: 25%", "target: 30%"));
    repo.git(&["add", "-A"]);
    git_by(
        &repo,
        "Bob Manager",
        "2025-11-01",
        &["commit", "-q", "-m", "plan\n\nAgreed-by: Bob Manager"],
    );
    repo.write("README.md", "x\n");
    repo.commit("other", "2025-11-20");
    repo.edit(PLAN, "target: 30%", "target: 25%");
    let lowered = short(&repo.commit("lower", "2025-12-01")).to_string();
    repo.write("README.md", "y\n");
    repo.commit("other", "2026-02-01");
    let findings = gr505(&repo);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].contains(&format!(
            "target 30% → 25% (last changed in {lowered} on 2025-12-01)"
        )),
        "{findings:#?}"
    );
}

#[test]
fn an_agreement_older_than_the_commit_graph_lets_a_walk_skip_is_still_found() {
    // Agreed years ago, on goals the plan still has; the commits since then are many and
    // old enough for a bounded walk to leave them unread. The plan is walked in full.
    let repo = Repo::new();
    repo.write(PLAN, &TWO.replace("target: 25%", "target: 30%"));
    repo.git(&["add", "-A"]);
    git_by(
        &repo,
        "Bob Manager",
        "2024-05-01",
        &["commit", "-q", "-m", "plan\n\nAgreed-by: Bob Manager"],
    );
    for (i, day) in ["2024-08-01", "2025-02-01", "2025-04-01"]
        .iter()
        .enumerate()
    {
        repo.write("README.md", &format!("{i}\n"));
        repo.commit("other", day);
    }
    repo.edit(PLAN, "target: 30%", "target: 25%");
    let lowered = short(&repo.commit("lower", "2025-12-20")).to_string();
    repo.git(&["commit-graph", "write", "--reachable"]);
    let findings = gr505(&repo);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].contains(&format!(
            "target 30% → 25% (last changed in {lowered} on 2025-12-20)"
        )),
        "{findings:#?}"
    );
}

#[test]
fn agreement_reading_never_writes_to_the_repository() {
    let (repo, _) = agreed_by_trailer();
    git_by(
        &repo,
        "Bob Manager",
        "2026-01-12",
        &["tag", "-a", "review/2026-h1/jane", "-m", "H1 review"],
    );
    repo.git(&["tag", "review/light"]);
    repo.edit(PLAN, "target: 25%", "target: 15%");
    repo.commit("lower", "2026-03-01");
    let observe = || {
        (
            repo.git(&["for-each-ref"]),
            repo.git(&["count-objects", "-v"]),
            crate::rules::git_dir_state(&repo.dir),
        )
    };
    let before = observe();
    for args in [
        &["history"][..],
        &["history", "--format", "json"],
        &["lint"],
        &["report"],
        &["report", "--format", "json", "--since", "last-review"],
    ] {
        let out = repo.growth().args(args).output().expect("growth runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {out:?}"
        );
    }
    assert!(before == observe(), "growth changed the repository");
    assert!(Path::new(&repo.dir).join(".git").is_dir());
}

/// `growth report --format json ARGS`, validated against `schema/report.schema.json`.
pub(crate) fn report_json(repo: &Repo, args: &[&str]) -> serde_json::Value {
    let doc = crate::support::json_of(
        repo.growth(),
        &[&["report", "--format", "json"], args].concat(),
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the schema")).expect("JSON");
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    doc
}

#[test]
fn the_report_says_who_agreed_each_goal_and_what_changed_since() {
    let (repo, merge) = agreed_by_trailer();
    let m = short(&merge).to_string();
    repo.edit(PLAN, "target: 25%", "target: 15%");
    let lowered = short(&repo.commit("lower", "2026-03-02")).to_string();
    let doc = report_json(&repo, &["--since", "last-review"]);
    let plan = &doc["plans"][0];
    // No `review:` date: the agreement is the last review.
    assert_eq!(plan["range"]["since"], "2026-01-10");
    assert_eq!(
        plan["goals"][0]["agreed"],
        serde_json::json!({
            "by": "Bob Manager", "on": "2026-01-10", "commit": m, "via": "Agreed-by",
            "changes": [{"field": "target", "before": "25%", "after": "15%",
                         "commit": lowered, "date": "2026-03-02"}]
        })
    );
    assert_eq!(plan["goals"][1]["agreed"]["changes"], serde_json::json!([]));
    let out = repo
        .growth()
        .args(["report"])
        .output()
        .expect("growth runs");
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(
        terminal.contains(&format!("on 2026-01-10 by Bob Manager (Agreed-by, {m})")),
        "{terminal}"
    );
    assert!(
        terminal.contains(&format!(
            "changed since: target 25% → 15% in {lowered} on 2026-03-02"
        )),
        "{terminal}"
    );
    let out = repo
        .growth()
        .args(["report", "--format", "markdown"])
        .output()
        .expect("growth runs");
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(
        markdown.contains(&format!(
            "**Agreed:** on 2026-01-10 by Bob Manager (Agreed-by, {m})\n\n- changed since: target 25% → 15% in {lowered} on 2026-03-02\n"
        )),
        "{markdown}"
    );
    let out = repo
        .growth()
        .args(["report", "--format", "html"])
        .output()
        .expect("growth runs");
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(
        html.contains(&format!(
            "<p class=\"agreed\">agreed on 2026-01-10 by Bob Manager (Agreed-by, {m})</p>"
        )),
        "{html}"
    );
}

#[test]
fn explain_covers_both_rules_and_they_are_configurable() {
    let repo = Repo::new();
    for (rule, first) in [
        ("GR505", "GR505 changed-since-agreed (default: info)\n"),
        (
            "unverified-evidence",
            "GR506 unverified-evidence (default: warning)\n",
        ),
    ] {
        let out = repo
            .growth()
            .args(["explain", rule])
            .output()
            .expect("growth runs");
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.starts_with(first), "{text}");
    }
    // Off in the config: no findings although the target changed after the agreement.
    let (repo, _) = agreed_by_trailer();
    repo.write("growth.yaml", "rules:\n  changed-since-agreed: off\n");
    repo.edit(PLAN, "target: 25%", "target: 15%");
    repo.commit("lower", "2026-03-01");
    assert_eq!(gr505(&repo), Vec::<String>::new());
    repo.write("growth.yaml", "rules:\n  GR505: error\n");
    let out = repo.growth().args(["lint"]).output().expect("growth runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "an error-level GR505 fails lint"
    );
}

#[test]
fn a_hostile_trailer_reaches_the_terminal_harmless() {
    let repo = Repo::new();
    repo.write(PLAN, TWO);
    repo.git(&["add", "-A"]);
    git_by(
        &repo,
        "Bob Manager",
        "2026-01-10",
        &[
            "commit",
            "-q",
            "-m",
            "plan\n\nAgreed-by: Bob \u{1b}[2J\u{1b}]0;owned\u{7}Manager",
        ],
    );
    repo.edit(PLAN, "target: 25%", "target: 15%");
    repo.commit("lower", "2026-03-01");
    for args in [&["history"][..], &["lint"], &["report"]] {
        let out = repo.growth().args(args).output().expect("growth runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("agreed by Bob") || text.contains("Bob"),
            "{args:?}: {text}"
        );
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
    }
}
