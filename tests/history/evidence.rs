//! Evidence: `(evidence REV)` on action lines and `evidence:` lists, checked against the
//! plans' repository and a second repository named in `evidence_repos`: by the owner (by
//! name, through `aliases:` and through `.mailmap`), by someone else, missing, outside the
//! period, after the done date, an unknown or absent repository, and a URL (never flagged).
//! Unverified evidence is GR506; the report lists each piece with its status.

use std::path::Path;
use std::process::Command as Git;

use crate::agreement::report_json;
use crate::support::{findings_in, position, Repo};

/// Commits everything in `dir` as `name <email>` on `date`; returns the short id.
fn commit_by(repo: &Repo, dir: &Path, name: &str, email: &str, date: &str) -> String {
    let run = |args: &[&str]| {
        let stamp = format!("{date}T10:00:00+00:00");
        let out = Git::new("git")
            .current_dir(dir)
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .env("HOME", repo.home())
            .env("XDG_CONFIG_HOME", repo.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    run(&["add", "-A"]);
    run(&["commit", "-q", "--allow-empty", "-m", "work"]);
    run(&["rev-parse", "--short=7", "HEAD"])
}

const JANE: &str = "jane@example.com";

/// The plans' repository and `payments` beside it, with the plan citing each case.
fn fixture() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(
        ".mailmap",
        "Jane Doe <jane@example.com> <jdoe@old.example.com>\n",
    );
    repo.write(
        "growth.yaml",
        "evidence_repos:\n  payments: ../payments\n  gone: ../gone\n",
    );
    commit_by(&repo, &repo.dir, "Jane Doe", JANE, "2026-03-01");
    repo.git(&["tag", "retry-fix"]);
    let other = commit_by(
        &repo,
        &repo.dir,
        "Raj Patel",
        "raj@example.com",
        "2026-02-04",
    );
    let old = commit_by(&repo, &repo.dir, "Jane Doe", JANE, "2025-12-01");
    let alias = commit_by(&repo, &repo.dir, "jd", "jd@laptop", "2026-02-05");
    let mailmap = commit_by(
        &repo,
        &repo.dir,
        "Jdoe",
        "jdoe@old.example.com",
        "2026-02-05",
    );
    let late = commit_by(&repo, &repo.dir, "Jane Doe", JANE, "2026-03-01");
    let payments = repo.beside("payments");
    std::fs::create_dir(&payments).expect("a directory");
    repo.git_as(
        &payments,
        "jane",
        "2026-01-01",
        &["-c", "init.defaultBranch=main", "init", "-q"],
    );
    std::fs::write(payments.join("retry.rs"), "fn retry() {}\n").expect("a file");
    commit_by(&repo, &payments, "Jane Doe", JANE, "2026-03-02");
    repo.git_as(&payments, "jane", "2026-03-02", &["tag", "v1.4.0"]);
    std::fs::write(payments.join("retry.rs"), "fn retry() { raj() }\n").expect("a file");
    let raj = commit_by(
        &repo,
        &payments,
        "Raj Patel",
        "raj@example.com",
        "2026-03-03",
    );
    let plan = format!(
        "---
owner: Jane Doe
period: {{ start: 2026-01-01, end: 2026-06-30 }}
aliases: [jd]
---

## Goal: Ship the payments retry

```yaml
id: retry
measure: the retry storm is gone from the dashboards
evidence: [https://example.com/design/1]
```

### Actions
- [x] Fix the retry storm (done 2026-03-02) (evidence retry-fix) (evidence payments@v1.4.0)
- [x] Review a patch (done 2026-02-10) (evidence {other})
- [x] Old work (done 2026-01-05) (evidence {old})
- [x] Work from the laptop (done 2026-02-06) (evidence {alias}, {mailmap})
- [ ] Not there (evidence deadbee) (evidence billing@v1) (evidence gone@v1)
- [x] Done early (done 2026-02-01) (evidence {late})
- [ ] Linked (evidence https://example.com/pr/7) (evidence payments@{raj})
"
    );
    repo.write("plans/jane.md", &plan);
    commit_by(&repo, &repo.dir, "Jane Doe", JANE, "2026-03-05");
    (repo, plan)
}

#[test]
fn evidence_is_checked_against_both_repositories_and_only_failures_are_flagged() {
    let (repo, plan) = fixture();
    let at = |needle: &str| position(&plan, needle);
    let other = plan.split("(evidence ").nth(3).expect("a marker")[..7].to_string();
    let old = plan.split("(evidence ").nth(4).expect("a marker")[..7].to_string();
    let late = plan.split("(evidence ").nth(9).expect("a marker")[..7].to_string();
    let raj = plan.split("payments@").nth(2).expect("a marker")[..7].to_string();
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR506", &[]),
        [
            format!("GR506 {} evidence `{other}` of \"Review a patch\": authored by Raj Patel <raj@example.com>, not the plan's owner (Jane Doe)", at(&other)),
            format!("GR506 {} evidence `{old}` of \"Old work\": dated 2025-12-01, outside the plan's period (2026-01-01 to 2026-06-30)", at(&old)),
            format!("GR506 {} evidence `deadbee` of \"Not there\": no revision `deadbee` in the plans' repository", at("deadbee")),
            format!("GR506 {} evidence `billing@v1` of \"Not there\": no repository `billing` in `evidence_repos`", at("billing@v1")),
            format!("GR506 {} evidence `gone@v1` of \"Not there\": repository `gone` not found at ../gone", at("gone@v1")),
            format!("GR506 {} evidence `{late}` of \"Done early\": dated 2026-03-01, after the action was done (2026-02-01) by more than 14 days", at(&late)),
            format!("GR506 {} evidence `payments@{raj}` of \"Linked\": authored by Raj Patel <raj@example.com>, not the plan's owner (Jane Doe)", at(&format!("payments@{raj}"))),
        ]
    );
    // `aliases` and `evidence` are plan keys: no unknown-field finding.
    assert_eq!(
        findings_in(&repo, &repo.dir, "GR002", &[]),
        Vec::<String>::new()
    );
}

#[test]
fn the_report_lists_each_actions_evidence_with_its_status() {
    let (repo, _) = fixture();
    let doc = report_json(&repo, &[]);
    let goal = &doc["plans"][0]["goals"][0];
    let status = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .expect("evidence")
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    e["cited"].as_str().unwrap_or(""),
                    e["status"].as_str().unwrap_or(""),
                    e["words"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    assert_eq!(
        status(&goal["evidence"]),
        ["https://example.com/design/1 link a link, not checked"]
    );
    let actions = goal["actions"].as_array().expect("actions");
    // The markers are cut from the text, as `(done …)` is.
    assert_eq!(actions[0]["text"], "Fix the retry storm");
    let first = status(&actions[0]["evidence"]);
    assert_eq!(first.len(), 2);
    assert!(
        first[0].starts_with("retry-fix verified verified: ")
            && first[0].ends_with(" by Jane Doe on 2026-03-01"),
        "{first:?}"
    );
    assert!(
        first[1].starts_with("payments@v1.4.0 verified verified: ")
            && first[1].ends_with(" by Jane Doe on 2026-03-02"),
        "{first:?}"
    );
    let laptop = status(&actions[3]["evidence"]);
    assert!(
        laptop[0].ends_with("by jd on 2026-02-05") && laptop[0].contains(" verified verified: "),
        "{laptop:?}"
    );
    assert!(
        laptop[1].ends_with("by Jdoe on 2026-02-05") && laptop[1].contains(" verified verified: "),
        "{laptop:?}"
    );
    assert_eq!(
        actions[4]["evidence"][0]["problems"],
        serde_json::json!(["no revision `deadbee` in the plans' repository"])
    );
    assert_eq!(actions[6]["evidence"][0]["status"], "link");
    let out = repo
        .growth()
        .args(["report"])
        .output()
        .expect("growth runs");
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(
        terminal.contains("evidence deadbee: not verified: no revision"),
        "{terminal}"
    );
    let out = repo
        .growth()
        .args(["report", "--format", "markdown"])
        .output()
        .expect("growth runs");
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(
        markdown.contains("- `https://example.com/pr/7` (Linked): a link, not checked\n"),
        "{markdown}"
    );
}

#[test]
fn checking_evidence_never_writes_to_either_repository() {
    let (repo, _) = fixture();
    let payments = repo.beside("payments");
    let observe = || {
        (
            repo.git(&["for-each-ref"]),
            crate::rules::git_dir_state(&repo.dir),
            repo.git_as(&payments, "jane", "2026-01-01", &["for-each-ref"]),
            crate::rules::git_dir_state(&payments),
        )
    };
    let before = observe();
    for args in [&["lint"][..], &["report"], &["report", "--format", "json"]] {
        let out = repo.growth().args(args).output().expect("growth runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {out:?}"
        );
    }
    assert!(before == observe(), "growth changed a repository");
}

#[test]
fn a_yaml_plan_cites_evidence_per_action_and_per_goal() {
    let text = "owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
aliases: jd@laptop
goals:
  - title: Ship the payments retry
    evidence: [payments@v1.4.0]
    actions:
      - { text: Fix the retry storm, done: 2026-03-02, evidence: [abc1234, https://example.com/pr/7] }
      - Write it up
";
    let parsed = growth::plan::parse_str(Path::new("plans/jane.yaml"), text);
    let kinds: Vec<_> = parsed.problems.iter().map(|p| &p.message).collect();
    assert!(kinds.is_empty(), "{kinds:?}");
    let plan = parsed.plan.expect("a plan");
    let values = |list: &[growth::source::Spanned<String>]| -> Vec<String> {
        list.iter().map(|s| s.value.clone()).collect()
    };
    assert_eq!(values(&plan.aliases), ["jd@laptop"]);
    let goal = &plan.goals[0];
    assert_eq!(values(&goal.evidence), ["payments@v1.4.0"]);
    assert_eq!(
        values(&goal.actions[0].evidence),
        ["abc1234", "https://example.com/pr/7"]
    );
    assert!(goal.actions[1].evidence.is_empty());
}
