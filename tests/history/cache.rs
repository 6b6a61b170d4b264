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
