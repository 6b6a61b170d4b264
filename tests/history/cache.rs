//! The persistent cache of history walks (issue 12): a repeated run reads it instead of
//! walking, says exactly what a walk says, and a cache file that is truncated, corrupt or
//! foreign is walked again and rewritten, never trusted.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

use crate::support::{check_in, json_of, Repo, JANE, RAJ};

/// A few months of two plans' history, with an uncommitted change.
fn repo() -> Repo {
    let repo = Repo::new();
    repo.write("plans/jane.md", JANE);
    repo.write("plans/raj.md", RAJ);
    repo.commit("plans", "2026-01-05");
    check_in(&repo, "2026-02-01 [8%] solved 2 of 25");
    repo.commit("catching up", "2026-03-10");
    repo.edit("plans/jane.md", "due: 2026-05-31", "due: 2026-06-30");
    repo.commit("more time", "2026-03-15");
    check_in(&repo, "2026-05-02 [9%] solved 3 of 33");
    repo
}

fn cache_files(repo: &Repo) -> Vec<PathBuf> {
    let dir = repo.home().join("cache");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

/// `history --format json` and `lint --format json`, with or without the cache.
fn outputs(repo: &Repo, cached: bool) -> (Value, Value) {
    let flag: &[&str] = if cached { &[] } else { &["--no-cache"] };
    let history = json_of(
        repo.growth(),
        &[&["history", "--format", "json"], flag].concat(),
    );
    let lint = json_of(
        repo.growth(),
        &[&["lint", "--format", "json", "--exit-zero"], flag].concat(),
    );
    (history, lint)
}

#[test]
fn a_cached_run_says_what_a_walk_says() {
    let repo = repo();
    let walked = outputs(&repo, false);
    assert!(cache_files(&repo).is_empty(), "--no-cache writes no cache");
    let cold = outputs(&repo, true);
    assert!(
        !cache_files(&repo).is_empty(),
        "the first run stores its walk"
    );
    let warm = outputs(&repo, true);
    assert_eq!(cold, walked);
    assert_eq!(warm, walked);
    // A new commit is walked, not read from the old entry.
    repo.commit("check-in", "2026-05-03");
    assert_eq!(outputs(&repo, true), outputs(&repo, false));
    // So is a new time of day: uncommitted work is read on every run.
    check_in(&repo, "2026-05-20 [10%] solved 4 of 40");
    assert_eq!(outputs(&repo, true), outputs(&repo, false));
}

#[test]
fn a_damaged_cache_is_walked_again_and_rewritten() {
    let repo = repo();
    let walked = outputs(&repo, false);
    outputs(&repo, true);
    let files = cache_files(&repo);
    assert!(!files.is_empty());
    let good: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).expect("cache")).collect();
    type Damage = fn(&[u8]) -> Vec<u8>;
    let damages: [(&str, Damage); 5] = [
        ("truncated", |b| b[..b.len() / 2].to_vec()),
        ("empty", |_| Vec::new()),
        ("a flipped byte", |b| {
            let mut b = b.to_vec();
            let at = b.len() - 10;
            b[at] ^= 0x20;
            b
        }),
        ("foreign", |_| b"{\"not\": \"a cache\"}".to_vec()),
        ("another version", |b| {
            String::from_utf8_lossy(b)
                .replacen(" 0.", " 9.", 1)
                .into_bytes()
        }),
    ];
    for (what, damage) in damages {
        for (file, bytes) in files.iter().zip(&good) {
            fs::write(file, damage(bytes)).expect("damage");
        }
        assert_eq!(outputs(&repo, true), walked, "{what}");
        for (file, bytes) in files.iter().zip(&good) {
            assert_eq!(&fs::read(file).expect("cache"), bytes, "{what}: rewritten");
        }
    }
    // No temporary file is left behind.
    let dir = repo.home().join("cache");
    let left: Vec<_> = fs::read_dir(dir)
        .expect("the cache directory")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn concurrent_runs_share_the_cache_without_harm() {
    let repo = repo();
    let walked = outputs(&repo, false);
    // Several runs at once, all storing the same walk: each reads a whole file or none.
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("growth"));
            cmd.current_dir(&repo.dir)
                .args(["history", "--format", "json"])
                .env("GROWTH_TODAY", crate::support::TODAY)
                .env("HOME", repo.home())
                .env("XDG_CONFIG_HOME", repo.home())
                .env("GROWTH_CACHE_DIR", repo.home().join("cache"))
                .env_remove("GIT_DIR")
                .env_remove("GIT_WORK_TREE")
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("growth starts")
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().expect("growth runs");
        assert!(out.status.success());
        let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(doc, walked.0);
    }
    assert_eq!(outputs(&repo, true), walked);
}

/// A plan whose name is not UTF-8, renamed: the stored walk keeps its bytes, so a cached run
/// names the same files (`path_bytes`, `from_bytes`) as a walk does.
#[cfg(unix)]
#[test]
fn a_cached_walk_keeps_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt as _;
    let repo = Repo::new();
    let name = |bytes: &[u8]| repo.dir.join(std::ffi::OsStr::from_bytes(bytes));
    fs::create_dir_all(repo.dir.join("plans")).expect("plans/");
    fs::write(name(b"plans/caf\xe9.md"), JANE).expect("written");
    repo.commit("plan", "2026-01-05");
    fs::rename(name(b"plans/caf\xe9.md"), name(b"plans/caf\xe9-2026.md")).expect("renamed");
    repo.commit("renamed", "2026-02-01");
    let walked = outputs(&repo, false);
    outputs(&repo, true);
    assert!(!cache_files(&repo).is_empty(), "the walk is stored");
    let warm = outputs(&repo, true);
    assert_eq!(warm, walked);
    let renamed = warm.0["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["event"] == "plan-renamed")
        .cloned()
        .expect("a rename");
    assert_eq!(renamed["from_bytes"], "plans/caf\\xe9.md");
    assert_eq!(renamed["plan_bytes"], "plans/caf\\xe9-2026.md");
}

/// The stored walk with every commit author renamed to `author`, its checksum made good
/// again: a mark that only a walk taken on from the store can show.
fn mark_stored_authors(repo: &Repo, author: &str) {
    let files = cache_files(repo);
    assert_eq!(
        files.len(),
        2,
        "one walk for history, one for lint's bounded walk"
    );
    for file in files {
        let bytes = fs::read(&file).expect("the cache file");
        let mut lines = bytes.splitn(3, |&b| b == b'\n');
        let (magic, version, payload) = (
            lines.next().expect("magic"),
            lines.next().expect("version line"),
            lines.next().expect("payload"),
        );
        let mut walked: Value = serde_json::from_slice(payload).expect("JSON");
        for commit in walked["commits"].as_array_mut().expect("commits") {
            commit["author"] = Value::from(author);
        }
        let payload = serde_json::to_vec(&walked).expect("JSON");
        let sum = git2::Oid::hash_object(git2::ObjectType::Blob, &payload).expect("a hash");
        let version = String::from_utf8_lossy(version);
        let (format_and_version, _) = version.rsplit_once(' ').expect("a checksum");
        let mut out = magic.to_vec();
        out.extend_from_slice(format!("\n{format_and_version} {sum}\n").as_bytes());
        out.extend_from_slice(&payload);
        fs::write(&file, out).expect("the cache file");
    }
}

fn authors(history: &Value) -> Vec<String> {
    let mut seen: Vec<String> = history["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["commit"]["author"].as_str().map(str::to_string))
        .collect();
    seen.dedup();
    seen
}

#[test]
fn new_commits_are_walked_on_from_the_stored_walk_and_say_what_a_full_walk_says() {
    let repo = repo();
    repo.commit("May check-in", "2026-05-03");
    outputs(&repo, true);
    // Taken on, not walked again: what the store says of the old commits stays, and only the
    // new commit is read from git.
    mark_stored_authors(&repo, "stored walk");
    check_in(&repo, "2026-05-20 [10%] solved 4 of 40");
    repo.commit_as("raj", "late May", "2026-05-21");
    let (history, _) = outputs(&repo, true);
    assert_eq!(authors(&history), ["stored walk", "raj"]);
    // Unmarked, every shape of new history gives what a full walk gives: a plain commit, a
    // branch merged back, a rename, and a HEAD that no longer descends from the stored one.
    fs::remove_dir_all(repo.home().join("cache")).expect("the cache");
    outputs(&repo, true);
    check_in(&repo, "2026-06-01 [12%] solved 5 of 42");
    repo.commit("June", "2026-06-01");
    assert_eq!(outputs(&repo, true), outputs(&repo, false));
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.edit(
        "plans/raj.md",
        "- [ ] Write the review agenda",
        "- [x] Write the review agenda (done 2026-06-03)",
    );
    repo.commit_as("raj", "raj: more time", "2026-06-03");
    repo.git(&["checkout", "-q", "main"]);
    check_in(&repo, "2026-06-05 [13%] solved 6 of 45");
    repo.commit("jane: June", "2026-06-05");
    repo.git_as(
        &repo.dir,
        "jane",
        "2026-06-06",
        &["merge", "-q", "--no-ff", "-m", "merge side", "side"],
    );
    assert_eq!(outputs(&repo, true), outputs(&repo, false));
    repo.git(&["mv", "plans/raj.md", "plans/raj-2026.md"]);
    repo.commit_as("raj", "rename", "2026-06-10");
    assert_eq!(outputs(&repo, true), outputs(&repo, false));
    repo.git(&["reset", "-q", "--hard", "HEAD~2"]);
    check_in(&repo, "2026-06-12 [14%] solved 7 of 50");
    repo.commit("rewritten", "2026-06-12");
    assert_eq!(outputs(&repo, true), outputs(&repo, false));
}
