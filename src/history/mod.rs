//! Git history as the audit trail: every commit that touched a plan, parsed and diffed
//! semantically against the previous version into [`Event`]s.
//!
//! [`walk`] finds the changes and turns them into events; [`diff`] compares two versions
//! of a plan; [`facts`] derives what the history rules and the report need (when a goal last
//! moved, which entries were backdated, which goalposts moved).

pub mod diff;
pub mod event;
pub mod facts;
mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use git2::{Oid, Repository};
use globset::GlobSet;

pub use event::{CommitInfo, Event, EventKind, UNCOMMITTED};

/// Why there is no history.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("not in a git repository: history needs the plans' git repository (run it inside one, or use `growth lint`, which works without)")]
    NotARepository,
    #[error("git: {0}")]
    Git(#[from] git2::Error),
    #[error("`{0}` is neither a date (YYYY-MM-DD) nor a revision of this repository")]
    BadBound(String),
}

/// A bound of `--since` / `--until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    Date(NaiveDate),
    /// A revision: `--since` excludes what it reaches, `--until` keeps only what it reaches.
    Revision(String),
}

impl Bound {
    pub fn parse(s: &str) -> Bound {
        match crate::decode::parse_date(s) {
            Ok(d) => Bound::Date(d),
            Err(_) => Bound::Revision(s.to_string()),
        }
    }
}

/// What to walk.
pub struct Options<'a> {
    /// Where to look for the repository (a directory inside it).
    pub start: &'a Path,
    /// The directory the plan globs are relative to.
    pub root: &'a Path,
    /// Directories named on the command line: as in plan discovery, the globs are also tried
    /// relative to each of them and to its parent.
    pub dirs: &'a [PathBuf],
    pub globs: &'a GlobSet,
    /// "Now", for the uncommitted pseudo-commit.
    pub now: DateTime<FixedOffset>,
    pub since: Option<Bound>,
    pub until: Option<Bound>,
    /// Show a progress bar on a terminal when the walk takes a while.
    pub progress: bool,
}

/// The events of every plan, oldest first, and what the reader should know about them.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub events: Vec<Event>,
    /// Notes for the reader: a shallow clone, no commits yet.
    pub notes: Vec<String>,
    pub commits: usize,
    /// The repository's work tree, if it has one.
    pub workdir: Option<PathBuf>,
    /// The directory of the plan paths in events, as seen from the current directory.
    pub base: PathBuf,
    /// Each plan's events (indices into `events`), by the plan's absolute path now: looking
    /// up the events of hundreds of plans must not scan every event for each.
    by_plan: HashMap<PathBuf, Vec<usize>>,
}

impl History {
    /// The events of one plan, by its path now as the user or the linter names it (relative
    /// to the current directory, or absolute).
    pub fn of_plan<'h>(&'h self, path: &'h Path) -> impl Iterator<Item = &'h Event> + 'h {
        let indices = self
            .by_plan
            .get(&absolute(path))
            .map_or(&[][..], Vec::as_slice);
        indices.iter().map(|&i| &self.events[i])
    }

    /// Whether an event's plan is `path` or lies under the directory `path` (by its path now
    /// or at the time of the event).
    pub fn is_under(&self, event: &Event, path: &Path) -> bool {
        let wanted = absolute(path);
        let then = match &self.workdir {
            Some(top) => absolute(&top.join(&event.path)),
            None => event.path.clone(),
        };
        self.absolute_plan(event).starts_with(&wanted) || then.starts_with(&wanted)
    }

    fn absolute_plan(&self, event: &Event) -> PathBuf {
        match &self.workdir {
            Some(top) => absolute(&top.join(&event.plan)),
            None => event.plan.clone(),
        }
    }
}

/// Walks the repository that contains `options.start`.
pub fn load(options: &Options) -> Result<History, HistoryError> {
    // Objects are read once each for a diff; checking every object's hash on read (which git
    // itself does not do) costs a sixth of a long walk.
    git2::opts::strict_hash_verification(false);
    // libgit2's object cache keeps every tree and commit the walk has read (up to 256 MB) and
    // buys nothing here: each object is read about twice, in consecutive commits. Measured
    // on the 10,000-commit bench repo: the same time, 80 MB instead of 135 MB peak.
    git2::opts::enable_caching(false);
    let repo = Repository::discover(options.start).map_err(|e| match e.code() {
        git2::ErrorCode::NotFound => HistoryError::NotARepository,
        _ => HistoryError::Git(e),
    })?;
    let workdir = repo.workdir().map(Path::to_path_buf);
    let top = workdir.clone().unwrap_or_else(|| repo.path().to_path_buf());
    // Globs are relative to the config's directory (and the directories named, as discovery
    // does); tree paths are relative to the repository's top.
    let mut prefixes: Vec<PathBuf> = relative(options.root, &top).into_iter().collect();
    for dir in options.dirs.iter().filter(|d| d.is_dir()) {
        let parent = dir.join("..");
        prefixes.extend(
            [dir.as_path(), parent.as_path()]
                .iter()
                .filter_map(|d| relative(d, &top)),
        );
    }
    let globs = options.globs;
    let is_plan = move |path: &str| {
        prefixes.iter().any(|prefix| {
            Path::new(path)
                .strip_prefix(prefix)
                .is_ok_and(|rel| globs.is_match(rel) && !crate::discover::is_document(rel))
        })
    };
    let mut history = History {
        workdir: workdir.clone(),
        base: relative_from_cwd(&top),
        ..History::default()
    };
    let head = match repo.head() {
        Ok(head) => Some(head.peel_to_tree()?),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
            ) =>
        {
            history
                .notes
                .push("the repository has no commits yet".into());
            None
        }
        Err(e) => return Err(e.into()),
    };
    let boundary = shallow_boundary(&repo);
    let mut walker = walk::Walker::new(&repo, &is_plan);
    if head.is_some() {
        let bar = options.progress.then(progress_bar);
        let mut tick = |n: usize| {
            if let Some(bar) = &bar {
                if n % 256 == 0 {
                    bar.set_position(n as u64);
                }
            }
        };
        walker.walk(&boundary, &mut tick)?;
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    }
    if let Some(dir) = &workdir {
        let files = worktree_plans(dir, &is_plan);
        walker.worktree(head.as_ref(), dir, &files, options.now)?;
    }
    walker.resolve_renames();
    history.commits = walker.commits_seen;
    if !boundary.is_empty() {
        history.notes.push(
            "this is a shallow clone: history starts at the clone's boundary; run `git fetch --unshallow` for all of it"
                .into(),
        );
    }
    history.events = filter(&repo, walker.events, options)?;
    for (i, event) in history.events.iter().enumerate() {
        let plan = history.absolute_plan(event);
        history.by_plan.entry(plan).or_default().push(i);
    }
    Ok(history)
}

/// Keeps the events inside `--since` / `--until`.
fn filter(
    repo: &Repository,
    events: Vec<Event>,
    options: &Options,
) -> Result<Vec<Event>, HistoryError> {
    let reach = |rev: &str| -> Result<HashSet<String>, HistoryError> {
        let object = repo
            .revparse_single(rev)
            .map_err(|_| HistoryError::BadBound(rev.to_string()))?;
        let mut walk = repo.revwalk()?;
        walk.push(object.peel_to_commit()?.id())?;
        Ok(walk
            .filter_map(Result::ok)
            .map(|o: Oid| o.to_string())
            .collect())
    };
    let since = match &options.since {
        Some(Bound::Revision(rev)) => Some(reach(rev)?),
        _ => None,
    };
    let until = match &options.until {
        Some(Bound::Revision(rev)) => Some(reach(rev)?),
        _ => None,
    };
    Ok(events
        .into_iter()
        .filter(|e| {
            let date = e.commit.date();
            let after = match &options.since {
                Some(Bound::Date(d)) => date >= *d,
                _ => since.as_ref().is_none_or(|s| !s.contains(&e.commit.id)),
            };
            let before = match &options.until {
                Some(Bound::Date(d)) => date <= *d,
                Some(Bound::Revision(_)) => {
                    until.as_ref().is_some_and(|u| u.contains(&e.commit.id))
                }
                None => true,
            };
            after && before
        })
        .collect())
}

/// The commits a shallow clone ends at (`.git/shallow`).
fn shallow_boundary(repo: &Repository) -> HashSet<Oid> {
    if !repo.is_shallow() {
        return HashSet::new();
    }
    std::fs::read_to_string(repo.path().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

/// Plan files in the work tree, as paths relative to its top.
fn worktree_plans(dir: &Path, is_plan: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .require_git(false)
        .build();
    for entry in walker.flatten() {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if let Ok(rel) = entry.path().strip_prefix(dir) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            if is_plan(&rel) {
                files.push(rel);
            }
        }
    }
    files.sort();
    files
}

fn progress_bar() -> indicatif::ProgressBar {
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} reading history: {pos} commits ({elapsed})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar
}

/// An absolute path with `.` and `..` resolved, without touching the file system (the file
/// may no longer exist).
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base`, when it is inside it.
fn relative(path: &Path, base: &Path) -> Option<PathBuf> {
    let path = std::fs::canonicalize(path).ok()?;
    let base = std::fs::canonicalize(base).ok()?;
    path.strip_prefix(base).ok().map(Path::to_path_buf)
}

/// How the current directory reaches `top`: `""` when it is the top, `../..` from inside.
fn relative_from_cwd(top: &Path) -> PathBuf {
    let Ok(cwd) = std::env::current_dir() else {
        return top.to_path_buf();
    };
    let (Ok(cwd), Ok(top)) = (std::fs::canonicalize(cwd), std::fs::canonicalize(top)) else {
        return top.to_path_buf();
    };
    if let Ok(down) = top.strip_prefix(&cwd) {
        return down.to_path_buf();
    }
    match cwd.strip_prefix(&top) {
        Ok(up) => up.components().map(|_| "..").collect(),
        Err(_) => top,
    }
}

/// The author date of a revision, for `--since REV` in reports.
pub fn revision_date(start: &Path, rev: &str) -> Result<NaiveDate, HistoryError> {
    let repo = Repository::discover(start).map_err(|_| HistoryError::NotARepository)?;
    let commit = repo
        .revparse_single(rev)
        .and_then(|o| o.peel_to_commit())
        .map_err(|_| HistoryError::BadBound(rev.to_string()))?;
    let when = commit.author().when();
    Ok(DateTime::from_timestamp(when.seconds(), 0)
        .unwrap_or_default()
        .date_naive())
}
