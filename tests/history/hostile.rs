//! Hostile repositories and file systems: nothing growth prints obeys what is in a file name,
//! an author or a plan; one bad place does not stop the run; git's odd corners are named, not
//! fatal. Every run is bounded in time.

use std::fs;
use std::time::Duration;

use crate::support::{Repo, JANE};

/// Every byte a terminal would obey rather than show: ESC, BEL, CSI as one C1 character.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{80}'..='\u{9f}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what} prints {bad:?}:\n{text}");
}

/// `growth ARGS` in `repo`, killed after ten seconds.
fn run(repo: &Repo, args: &[&str]) -> std::process::Output {
    repo.growth()
        .args(args)
        .timeout(Duration::from_secs(10))
        .output()
        .expect("growth runs")
}

#[test]
fn names_authors_and_plan_text_never_reach_the_terminal_raw() {
    let repo = Repo::new();
    let evil_name = "plans/evil\u{1b}]0;pwned\u{7}.md";
    // A C1 CSI (U+009B) in a goal title, an OSC clipboard write in a check-in note.
    let plan = JANE
        .replace(
            "Solve production issues on my own",
            "Get better at \u{9b}31mthings",
        )
        .replace("solved 1 of 20", "\u{1b}]52;c;cHduZWQ=\u{7}");
    repo.write(evil_name, &plan);
    repo.commit_as("Mallory \u{1b}[2J", "plan", "2026-01-05");
    for args in [
        &["lint", "--exit-zero", "--color", "never"][..],
        &["lint", "--exit-zero", "--color", "always"],
        &["lint", "--exit-zero", "--format", "github"],
        &["history"],
        &["report", "--color", "never"],
        &["report", "--format", "markdown"],
    ] {
        let out = run(&repo, args);
        assert!(out.status.code().is_some(), "{args:?} was killed");
        // Colour codes are growth's own: judge what is left once they are taken out.
        let stdout = String::from_utf8_lossy(&out.stdout);
        let without_colour = strip_sgr(&stdout);
        assert_clean(&format!("{args:?} stdout"), without_colour.as_bytes());
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
    }
    let out = run(&repo, &["history"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Mallory \u{fffd}[2J"), "{text}");
    assert!(
        text.contains("plans/evil\u{fffd}]0;pwned\u{fffd}.md"),
        "{text}"
    );
    // An error that quotes a path is cleaned too.
    let out = run(&repo, &["lint", "missing\u{1b}[31m.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "growth: error: missing\u{fffd}[31m.md: no such file or directory\n"
    );
}

/// The text without SGR colour sequences (`ESC [ … m`), which growth writes itself with
/// `--color always`.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(end) if after[end..].starts_with('m') => rest = &after[end + 1..],
            _ => {
                out.push('\u{1b}');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_sgr_stripper_keeps_what_is_not_colour() {
    assert_eq!(strip_sgr("\u{1b}[1;31mred\u{1b}[0m"), "red");
    assert_eq!(strip_sgr("\u{1b}]0;x"), "\u{1b}]0;x");
    assert_eq!(strip_sgr("a\u{1b}[2Jb"), "a\u{1b}[2Jb");
}

// ----------------------------------------------------------------------- size limits

/// Memory a history run may take here, address space included: far below what reading any
/// of the huge files below would need.
const CAP: u64 = 150_000_000;

#[test]
fn a_huge_blob_in_history_is_refused_from_its_header() {
    let repo = Repo::new();
    // 100 MB of zeros: git stores it in about 100 KB, and inflating it would take 100 MB.
    let big = repo.dir.join("plans/big.md");
    fs::create_dir_all(big.parent().expect("plans/")).expect("plans/");
    fs::File::create(&big)
        .and_then(|f| f.set_len(100_000_000))
        .expect("a big file");
    repo.commit("a mistake", "2026-01-05");
    fs::remove_file(&big).expect("removed");
    repo.write("plans/jane.md", JANE);
    repo.commit("fixed", "2026-01-06");
    let Some(out) = repo.growth_capped(CAP, &["history", "--format", "json"]) else {
        eprintln!("no prlimit here: the memory bound is not checked");
        return;
    };
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let unparsable: Vec<&str> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["event"] == "unparsable")
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(
        unparsable,
        ["100000000 bytes, over the size limit of 1048576 bytes"]
    );
}

#[test]
fn a_huge_file_in_the_work_tree_is_refused_from_its_metadata() {
    let repo = Repo::new();
    repo.write("plans/jane.md", JANE);
    repo.commit("plan", "2026-01-05");
    // 700 MB, sparse: no disk, but reading it would take 700 MB.
    let huge = repo.dir.join("plans/huge.md");
    fs::File::create(&huge)
        .and_then(|f| f.set_len(700_000_000))
        .expect("a huge file");
    for args in [
        &["history", "--format", "json"][..],
        &["lint", "--format", "json", "--exit-zero"],
        &["report", "--format", "json"],
    ] {
        let Some(out) = repo.growth_capped(CAP, args) else {
            eprintln!("no prlimit here: the memory bound is not checked");
            return;
        };
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{args:?}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let doc = crate::support::history_in(repo.growth(), &[]);
    let last = doc["events"]
        .as_array()
        .and_then(|e| e.last())
        .expect("events");
    assert_eq!(last["path"], "plans/huge.md");
    assert_eq!(
        last["message"],
        "700000000 bytes, over the size limit of 1048576 bytes"
    );
}

// ------------------------------------------------------------------ file-system corners

/// `growth lint --format json` findings as `CODE path message` (paths cut to 60 bytes).
fn findings(repo: &Repo, args: &[&str]) -> (Option<i32>, Vec<String>) {
    let out = run(repo, &[&["lint", "--format", "json"], args].concat());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "no JSON for {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let list = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "GR001" || d["path"] == "plans/jane.md")
        .map(|d| {
            let path = d["path"].as_str().unwrap_or("");
            format!(
                "{} {} {}",
                d["code"].as_str().unwrap_or(""),
                &path[..path.len().min(60)],
                d["message"].as_str().unwrap_or("")
            )
        })
        .filter(|f| f.starts_with("GR001") || f.starts_with("GR301"))
        .collect();
    (out.status.code(), list)
}

#[test]
fn one_unreadable_place_is_reported_and_the_run_goes_on() {
    let repo = Repo::new();
    repo.write("plans/jane.md", JANE);
    std::os::unix::fs::symlink("../plans", repo.dir.join("plans/up")).expect("a link loop");
    // A directory deeper than PATH_MAX, made one relative step at a time.
    let name = "d".repeat(100);
    let script = format!(
        "mkdir -p plans/deep && cd plans/deep && for i in $(seq 1 45); do mkdir {name} && cd {name} || exit 0; done"
    );
    let made = std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(&repo.dir)
        .status()
        .expect("sh runs");
    assert!(made.success());
    let (code, found) = findings(&repo, &[]);
    assert_eq!(code, Some(1), "{found:?}");
    let deep = format!("plans/deep/{}", &format!("{name}/")[..49]);
    assert_eq!(
        found,
        [
            format!("GR001 {deep} cannot search this path: the path is longer than the system allows; the other plans were checked"),
            "GR301 plans/jane.md the plan has no north star".to_string(),
            "GR001 plans/up cannot search this path: a loop of symbolic links; the other plans were checked".to_string(),
        ]
    );
}

#[test]
fn links_fifos_and_lfs_pointers_are_named_for_what_they_are() {
    let repo = Repo::new();
    // `plans/` as a link to where the plans really are.
    repo.write("people/jane.md", JANE);
    std::os::unix::fs::symlink("people", repo.dir.join("plans")).expect("a link");
    let (code, found) = findings(&repo, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(found, ["GR301 plans/jane.md the plan has no north star"]);
    // A link that leads nowhere, named on the command line.
    std::os::unix::fs::symlink("nowhere", repo.dir.join("gone.md")).expect("a link");
    let out = run(&repo, &["lint", "gone.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "growth: error: gone.md: a symbolic link that leads nowhere (a loop, or its target is missing)\n"
    );
    // A FIFO where the ladder should be: said at once, not waited on.
    repo.write("growth.yaml", "ladder: ladder.yaml\n");
    let made = std::process::Command::new("mkfifo")
        .arg(repo.dir.join("ladder.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let out = run(&repo, &["lint"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "growth: error: ladder.yaml:1:1: not a regular file (a FIFO, a device or a directory); growth reads config and ladder files only\n"
    );
    fs::remove_file(repo.dir.join("growth.yaml")).expect("removed");
    // A Git LFS pointer where a plan should be, in the work tree and in history.
    repo.write(
        "plans/raj.md",
        "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
    );
    repo.commit("lfs", "2026-01-05");
    let (_, found) = findings(&repo, &["plans/raj.md"]);
    assert_eq!(
        found,
        ["GR001 plans/raj.md this is a Git LFS pointer, not the plan: the plan's content is in LFS"]
    );
}

#[test]
fn outside_git_a_config_above_home_is_not_taken_and_one_above_the_directory_is_named() {
    let plain = Repo::without_git();
    let team = plain.dir.join("plans");
    fs::create_dir_all(&team).expect("plans/");
    fs::write(team.join("jane.md"), JANE).expect("a plan");
    // A config in a parent directory that is not the user's: above HOME.
    fs::write(plain.home().join("growth.yaml"), "not_a_key: 1\n").expect("a config");
    let out = plain
        .growth_in(&team)
        .env("HOME", &plain.dir)
        .args(["lint", "--exit-zero"])
        .timeout(Duration::from_secs(10))
        .output()
        .expect("growth runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Below HOME it is found, and the note says which config applies.
    fs::write(plain.dir.join("growth.yaml"), "fail_on: warning\n").expect("a config");
    let out = plain
        .growth_in(&team)
        .env("HOME", &plain.dir)
        .args(["lint", "--format", "json"])
        .timeout(Duration::from_secs(10))
        .output()
        .expect("growth runs");
    assert_eq!(out.status.code(), Some(1), "fail_on: warning applies");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("growth: note: using ../growth.yaml (found above ., outside git)\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ------------------------------------------------------------------------ git corners

#[test]
fn a_sparse_checkout_does_not_remove_the_plans_outside_it() {
    let repo = Repo::new();
    repo.write("plans/alice/2026.md", JANE);
    repo.write("plans/bob/2026.md", &JANE.replace("Jane Doe", "Bob"));
    repo.commit("plans", "2026-01-05");
    repo.git(&["sparse-checkout", "set", "plans/alice"]);
    assert!(!repo.dir.join("plans/bob/2026.md").exists());
    let doc = crate::support::history_in(repo.growth(), &[]);
    let removed: Vec<&serde_json::Value> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["event"] == "plan-removed")
        .collect();
    assert!(removed.is_empty(), "{removed:?}");
    // A file really deleted from the work tree is still an uncommitted removal.
    fs::remove_file(repo.dir.join("plans/alice/2026.md")).expect("removed");
    let doc = crate::support::history_in(repo.growth(), &[]);
    let last = doc["events"]
        .as_array()
        .and_then(|e| e.last())
        .expect("events");
    assert_eq!(
        (&last["event"], &last["path"], &last["commit"]["id"]),
        (
            &serde_json::json!("plan-removed"),
            &serde_json::json!("plans/alice/2026.md"),
            &serde_json::json!("uncommitted")
        )
    );
}

#[test]
fn an_unreadable_head_commit_is_named_and_lint_goes_on() {
    let repo = Repo::new();
    repo.write("plans/jane.md", JANE);
    repo.commit("plan", "2026-01-05");
    let tree = repo.git(&["rev-parse", "HEAD^{tree}"]);
    let parent = repo.git(&["rev-parse", "HEAD"]);
    let object = format!(
        "tree {}\nparent {}\nauthor Bad <b@example.com> 99999999999999999999 +0000\ncommitter Bad <b@example.com> 99999999999999999999 +0000\n\nbad\n",
        tree.trim(),
        parent.trim()
    );
    let path = repo.dir.join("bad-commit");
    fs::write(&path, object).expect("the object");
    let bad = repo.git(&[
        "hash-object",
        "-t",
        "commit",
        "-w",
        "--literally",
        "bad-commit",
    ]);
    fs::remove_file(&path).expect("removed");
    repo.git(&["update-ref", "HEAD", bad.trim()]);
    let out = run(&repo, &["history"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "growth: error: HEAD's commit {} cannot be read (failed to parse signature - invalid Unix timestamp); history is unavailable until it is fixed (`git fsck` says more)\n",
            &bad.trim()[..7]
        )
    );
    let out = run(&repo, &["lint", "--exit-zero"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("growth: note: history unavailable (HEAD's commit"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("invalid Unix timestamp").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn a_missing_object_skips_its_commits_and_names_it() {
    let repo = Repo::new();
    repo.write("plans/jane.md", JANE);
    repo.commit("plan", "2026-01-05");
    crate::support::check_in(&repo, "2026-02-01 [8%] solved 2 of 25");
    let lost = repo.commit("check-in", "2026-02-01");
    crate::support::check_in(&repo, "2026-03-01 [9%] solved 3 of 25");
    repo.commit("check-in", "2026-03-01");
    let blob = repo.git(&["rev-parse", &format!("{}:plans/jane.md", lost.trim())]);
    let blob = blob.trim();
    fs::remove_file(
        repo.dir
            .join(format!(".git/objects/{}/{}", &blob[..2], &blob[2..])),
    )
    .expect("a loose object");
    let doc = crate::support::history_in(repo.growth(), &[]);
    assert_eq!(
        doc["notes"],
        serde_json::json!([format!(
            "commit {} could not be read (object not found - cannot read header for ({blob})) and 1 more: skipped, the rest of history is used; `git fsck` says more",
            &lost[..7]
        )])
    );
    // The first commit's events are all there.
    let first = events_on(&doc, "2026-01-05");
    assert!(first.len() >= 3, "{first:?}");
}

#[test]
fn a_sha256_repository_is_said_to_be_one() {
    let repo = Repo::without_git();
    repo.git(&["init", "-q", "--object-format=sha256"]);
    repo.write("plans/jane.md", JANE);
    repo.commit("plan", "2026-01-05");
    let out = run(&repo, &["history"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "growth: error: the repository uses SHA-256 object ids, which libgit2 (the git library growth is built on) cannot read yet; `growth lint` still works, judging plans by their own dates\n"
    );
    let out = run(&repo, &["lint", "--exit-zero"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn an_octopus_merge_of_many_branches_adds_nothing_of_its_own() {
    let repo = Repo::new();
    const SIDES: usize = 40;
    for i in 0..SIDES {
        repo.write(
            &format!("plans/p{i:02}.md"),
            &JANE.replace("Jane Doe", &format!("P{i}")),
        );
    }
    repo.commit("plans", "2026-01-05");
    let mut branches = Vec::new();
    for i in 0..SIDES {
        let branch = format!("b{i:02}");
        repo.git(&["checkout", "-q", "-b", &branch, "main"]);
        repo.edit(
            &format!("plans/p{i:02}.md"),
            "### Check-ins\n",
            "### Check-ins\n- 2026-02-01 [8%] solved 2 of 25\n",
        );
        repo.commit("check-in", "2026-02-01");
        branches.push(branch);
    }
    repo.git(&["checkout", "-q", "main"]);
    let mut merge = vec!["merge", "-q", "--no-edit"];
    merge.extend(branches.iter().map(String::as_str));
    repo.git_as(&repo.dir, "jane", "2026-02-02", &merge);
    let started = std::time::Instant::now();
    let doc = crate::support::history_in(repo.growth(), &[]);
    assert!(started.elapsed() < Duration::from_secs(10));
    let on_merge_day = events_on(&doc, "2026-02-02").len();
    let check_ins = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["event"] == "checkin-added" && e["date"] == "2026-02-01")
        .count();
    assert_eq!((on_merge_day, check_ins), (0, SIDES));
}

/// The events of a history document committed on `day`.
fn events_on<'d>(doc: &'d serde_json::Value, day: &str) -> Vec<&'d serde_json::Value> {
    doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| {
            e["commit"]["time"]
                .as_str()
                .is_some_and(|t| t.starts_with(day))
        })
        .collect()
}
