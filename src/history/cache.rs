//! A persistent cache of history walks, outside the repository: a repeated run on an
//! unchanged repository reads one file instead of walking every commit.
//!
//! One file per repository, plan globs and walk start (their hash names it), holding what a
//! walk found up to HEAD; it is used as it is when HEAD (and a shallow clone's boundary) is
//! the same and growth's version is the one that wrote it, and taken on through the new
//! commits when every one of them descends from the stored HEAD (see `Walker::walk_after`). The work tree is never cached: its
//! changes are read on every run. A file that is truncated, corrupt, from another version
//! or another program fails its header or checksum and is walked again and rewritten, never
//! trusted. Files are written to a temporary name and renamed into place, so a concurrent
//! run reads the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use git2::{ObjectType, Oid};
use serde::{Deserialize, Serialize};

use super::event::{CommitInfo, EventKind};
use super::facts::Start;

/// Where the cache lives and what, besides the repository, decides what a walk finds.
#[derive(Debug, Clone)]
pub struct Settings {
    pub dir: PathBuf,
    /// Everything that changes the events: the plan globs and how they are matched.
    pub key: String,
}

impl Settings {
    /// `GROWTH_CACHE_DIR`, else the user's cache directory (`$XDG_CACHE_HOME/growth`, else
    /// `~/.cache/growth`); `None` when there is neither.
    pub fn dir_from_env() -> Option<PathBuf> {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        if let Some(dir) = var("GROWTH_CACHE_DIR") {
            return Some(PathBuf::from(dir));
        }
        if let Some(dir) = var("XDG_CACHE_HOME") {
            return Some(Path::new(&dir).join("growth"));
        }
        var("HOME").map(|home| Path::new(&home).join(".cache").join("growth"))
    }
}

/// The first line of every cache file; the second is `<format> <version> <checksum>`.
const MAGIC: &str = "growth history cache";
/// Bumped whenever what is stored, or what a walk makes of history, changes shape.
const FORMAT: u32 = 3;

/// What a walk found, in a form that can be written and read back.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Walked {
    /// HEAD and the shallow boundary the walk saw.
    pub state: String,
    pub commits: Vec<CommitInfo>,
    /// (commit, path, goal, kind).
    pub events: Vec<(u32, String, Option<String>, EventKind)>,
    /// (commit, path, blob).
    pub versions: Vec<(u32, String, Option<String>)>,
    pub starts: Vec<(String, Option<Start>)>,
    pub renames: Vec<(String, String)>,
    pub good_before: Vec<(String, Option<String>)>,
    pub skipped: Vec<(String, String)>,
    pub boundary_date: Option<NaiveDate>,
    pub commits_seen: usize,
    pub bounded: bool,
    pub unsure: Vec<String>,
}

/// What identifies the history a walk read: HEAD and a shallow clone's boundary.
pub(super) fn state(head: Oid, boundary: &std::collections::HashSet<Oid>) -> String {
    let mut ids: Vec<String> = boundary.iter().map(Oid::to_string).collect();
    ids.sort();
    format!("{head} {}", ids.join(","))
}

/// The cache file of a walk of the repository at `top` that starts as `walk` says
/// ([`super::Scope::walk_key`]).
fn file(settings: &Settings, top: &Path, walk: &str) -> Option<PathBuf> {
    let name = format!(
        "{FORMAT}\n{}\n{}\n{}\n{}\n{walk}",
        env!("CARGO_PKG_VERSION"),
        build(),
        top.display(),
        settings.key
    );
    let id = Oid::hash_object(ObjectType::Blob, name.as_bytes()).ok()?;
    Some(settings.dir.join(format!("history-{id}.json")))
}

/// The running binary's size and time: two builds of one version (while growth is being
/// worked on) may read history differently, and must not share walks.
fn build() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
        .unwrap_or_default()
}

fn header(payload: &[u8]) -> Option<String> {
    let sum = Oid::hash_object(ObjectType::Blob, payload).ok()?;
    Some(format!(
        "{MAGIC}\n{FORMAT} {} {sum}\n",
        env!("CARGO_PKG_VERSION")
    ))
}

/// The walk stored for this repository, if there is a sound one: made at `state` (its
/// `Walked::state`), or at an older HEAD that the caller may take on from.
pub(super) fn load(settings: &Settings, top: &Path, walk: &str) -> Option<Walked> {
    let bytes = std::fs::read(file(settings, top, walk)?).ok()?;
    let split = |b: &[u8]| b.iter().position(|&c| c == b'\n').map(|i| i + 1);
    let first = split(&bytes)?;
    let second = first + split(&bytes[first..])?;
    let payload = &bytes[second..];
    if header(payload)?.as_bytes() != &bytes[..second] {
        return None;
    }
    serde_json::from_slice(payload).ok()
}

/// The HEAD a stored walk of `stored` state can be taken on from to reach `current`: the
/// same shallow boundary (none), and the new HEAD descends from the stored one.
pub(super) fn base_of(repo: &git2::Repository, stored: &str, current: &str) -> Option<Oid> {
    let (old_head, old_boundary) = stored.split_once(' ')?;
    let (new_head, new_boundary) = current.split_once(' ')?;
    if old_boundary != new_boundary || !new_boundary.is_empty() {
        return None;
    }
    let (old_head, new_head) = (Oid::from_str(old_head).ok()?, Oid::from_str(new_head).ok()?);
    repo.graph_descendant_of(new_head, old_head)
        .ok()?
        .then_some(old_head)
}

/// Stores a walk; a cache that cannot be written is no error (the next run walks again).
pub(super) fn store(settings: &Settings, top: &Path, walk: &str, walked: &Walked) {
    let _ = try_store(settings, top, walk, walked);
}

fn try_store(settings: &Settings, top: &Path, walk: &str, walked: &Walked) -> Option<()> {
    let path = file(settings, top, walk)?;
    let payload = serde_json::to_vec(walked).ok()?;
    if !settings.dir.exists() {
        std::fs::create_dir_all(&settings.dir).ok()?;
        // The cache holds what the plans say: private to its user, like the plans' clone.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o700);
            std::fs::set_permissions(&settings.dir, private).ok()?;
        }
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temp = settings
        .dir
        .join(format!(".history-{}-{nanos}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut out = options.open(&temp)?;
        out.write_all(header(&payload).unwrap_or_default().as_bytes())?;
        out.write_all(&payload)?;
        out.sync_all()?;
        std::fs::rename(&temp, &path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written.ok()
}
