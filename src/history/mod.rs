//! Git history as the audit trail: every commit that touched a plan, parsed and diffed
//! semantically against the previous version into [`Event`]s.
//!
//! [`walk`] finds the changes and turns them into events; [`diff`] compares two versions
//! of a plan; [`facts`] derives what the history rules and the report need (when a goal last
//! moved, which entries were backdated, which goalposts moved); [`agreement`] reads who
//! agreed to a plan (commit trailers, review tags) and [`since`] what changed after.

pub mod agreement;
pub mod cache;
pub mod diff;
pub mod event;
pub mod facts;
mod graph;
mod name;
pub mod since;
pub mod time;
mod trailer;
mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use git2::{Oid, Repository};

pub use event::{CommitInfo, Event, EventKind, FieldChange, UNCOMMITTED};

pub use time::author_day;

/// Why there is no history.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("not in a git repository: history needs the plans' git repository (run it inside one, or use `growth lint`, which works without)")]
    NotARepository,
    /// libgit2's message alone: its class and code say nothing to a reader.
    #[error("git: {}", .0.message())]
    Git(git2::Error),
    #[error("the repository uses SHA-256 object ids, which libgit2 (the git library growth is built on) cannot read yet; `growth lint` still works, judging plans by their own dates")]
    Sha256,
    #[error("HEAD's commit {id} cannot be read ({message}); history is unavailable until it is fixed (`git fsck` says more)")]
    UnreadableHead { id: String, message: String },
    #[error("`{0}` is neither a date (YYYY-MM-DD) nor a revision of this repository")]
    BadBound(String),
    #[error("{}: this version is over the size limit of {} bytes", .0.display(), crate::source::MAX_FILE_BYTES)]
    TooLarge(PathBuf),
}

impl From<git2::Error> for HistoryError {
    fn from(err: git2::Error) -> Self {
        HistoryError::Git(err)
    }
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
    /// Whether the file at an absolute path is a plan: the workspace's one definition, so
    /// history and discovery cannot disagree.
    pub is_plan: &'a dyn Fn(&Path) -> bool,
    /// "Now", for the uncommitted pseudo-commit.
    pub now: DateTime<FixedOffset>,
    pub since: Option<Bound>,
    pub until: Option<Bound>,
    /// Show a progress bar on a terminal when the walk takes a while.
    pub progress: bool,
    /// Globs of the tags that mark an agreed commit (`review_tags`).
    pub review_tags: &'a [String],
}

/// A plan's content at one commit: what `--until` shows.
#[derive(Debug, Clone)]
pub struct PlanVersion {
    pub commit: Arc<CommitInfo>,
    /// The plan's path then, relative to the repository's top.
    pub path: PathBuf,
    /// The plan's path now, after later renames.
    pub plan: PathBuf,
    /// The blob; `None` when the commit removed the plan.
    pub blob: Option<Oid>,
}

/// How much of history to read, beyond [`Options`].
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Walk only the commits from this day on, starting from the plans as they were before
    /// it (see [`History::bounded`]); `None` walks all of history.
    pub from: Option<NaiveDate>,
    /// Whether agreements made before `from` matter (lint's GR505): a bounded walk then also
    /// reads the half-year before it, and walks in full the plans whose goals are older.
    pub agreements: bool,
    /// Where to keep walks for the next run; `None` walks every time.
    pub cache: Option<cache::Settings>,
}

impl Scope {
    /// What tells one stored walk from another of the same repository.
    fn walk_key(&self) -> String {
        format!("{:?} {}", self.from, self.agreements)
    }
}

/// A plan as it was where a bounded walk started.
#[derive(Debug, Clone)]
pub struct PlanStart {
    /// The plan's path then, relative to the repository's top.
    pub path: PathBuf,
    /// The plan's path now, after later renames.
    pub plan: PathBuf,
    /// Its entries; `None` when that version did not parse or had no goals: what facts make
    /// of the plan then depends on the history before it.
    pub start: Option<facts::Start>,
}

/// Where to find one plan's events, versions and start.
#[derive(Debug, Clone, Default)]
struct PlanIndex {
    events: Vec<usize>,
    versions: Vec<usize>,
    start: Option<usize>,
}

/// The events of every plan, oldest first, and what the reader should know about them.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub events: Vec<Event>,
    /// Notes for the reader: a shallow clone, no commits yet.
    pub notes: Vec<String>,
    pub commits: usize,
    /// The repository's top (its work tree, or the git directory of a bare repository),
    /// canonical: event paths are relative to it.
    pub top: PathBuf,
    git_dir: PathBuf,
    versions: Vec<PlanVersion>,
    starts: Vec<PlanStart>,
    /// The day a bounded walk started from, when it skipped older commits.
    bounded: Option<NaiveDate>,
    /// Plans (paths then and now) whose events a bounded walk cannot vouch for.
    unsure: Vec<PathBuf>,
    /// Each plan's events, versions and start (indices), by the plan's absolute path now:
    /// looking up hundreds of plans must not scan every event for each.
    by_plan: HashMap<PathBuf, PlanIndex>,
}

impl History {
    /// The events of one plan, by its absolute path now.
    pub fn of_plan<'h>(&'h self, path: &Path) -> impl Iterator<Item = &'h Event> + 'h {
        let indices = self
            .by_plan
            .get(path)
            .map_or(&[][..], |i| i.events.as_slice());
        indices.iter().map(|&i| &self.events[i])
    }

    /// The day a bounded walk started from: commits dated before it (at the start of the
    /// topological order) were not read, and each plan's state then is its [`start`].
    ///
    /// [`start`]: History::start
    pub fn bounded(&self) -> Option<NaiveDate> {
        self.bounded
    }

    /// Whether a bounded walk met something only the skipped history could settle for one
    /// of the plans kept (an unparsable version, an octopus merge across its start), so their
    /// events may differ from a full walk's: the caller should walk all of history.
    pub fn unsure(&self) -> bool {
        !self.unsure.is_empty()
    }

    /// The plan at `path` (absolute, its path now) as it was where a bounded walk started;
    /// `None` when it did not exist then (or the walk was not bounded).
    pub fn start(&self, path: &Path) -> Option<&facts::Start> {
        let i = self.by_plan.get(path)?.start?;
        self.starts[i].start.as_ref()
    }

    /// Whether history knows the plan at `path` (absolute) at all.
    pub fn knows(&self, path: &Path) -> bool {
        self.by_plan.contains_key(path)
    }

    /// The absolute path of a path in an event (relative to the repository's top).
    pub fn absolute(&self, rel: &Path) -> PathBuf {
        self.top.join(rel)
    }

    /// Keeps the events (and versions) whose plan, now or then, `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&Path) -> bool) {
        let top = self.top.clone();
        let wanted = |plan: &Path, then: &Path| keep(&top.join(plan)) || keep(&top.join(then));
        self.events.retain(|e| wanted(&e.plan, &e.path));
        self.versions.retain(|v| wanted(&v.plan, &v.path));
        self.starts.retain(|s| wanted(&s.plan, &s.path));
        self.unsure.retain(|p| keep(&top.join(p)));
        self.index();
    }

    /// The last committed version of the plan at `path` (absolute, its path now) dated on or
    /// before `day`, in the order history was walked.
    pub fn version_at(&self, path: &Path, day: NaiveDate) -> Option<&PlanVersion> {
        let indices = self
            .by_plan
            .get(path)
            .map_or(&[][..], |i| i.versions.as_slice());
        indices
            .iter()
            .map(|&i| &self.versions[i])
            .rfind(|v| !v.commit.is_uncommitted() && v.commit.date() <= day)
    }

    /// The bytes of a version's blob (`None` for a removal).
    pub fn read(&self, version: &PlanVersion) -> Result<Option<Vec<u8>>, HistoryError> {
        let Some(oid) = version.blob else {
            return Ok(None);
        };
        let repo = Repository::open(&self.git_dir)?;
        // The size from the object header: a huge blob is refused before it is inflated.
        let (size, _) = repo.odb()?.read_header(oid)?;
        if size as u64 > crate::source::MAX_FILE_BYTES {
            return Err(HistoryError::TooLarge(version.path.clone()));
        }
        let bytes = repo.find_blob(oid)?.content().to_vec();
        Ok(Some(bytes))
    }

    fn index(&mut self) {
        self.by_plan.clear();
        for (i, event) in self.events.iter().enumerate() {
            let plan = self.top.join(&event.plan);
            self.by_plan.entry(plan).or_default().events.push(i);
        }
        for (i, version) in self.versions.iter().enumerate() {
            let plan = self.top.join(&version.plan);
            self.by_plan.entry(plan).or_default().versions.push(i);
        }
        for (i, start) in self.starts.iter().enumerate() {
            let plan = self.top.join(&start.plan);
            self.by_plan.entry(plan).or_default().start = Some(i);
        }
    }
}

/// libgit2's pack window size and the most it keeps mapped at once (see [`load_with`]).
const MWINDOW_SIZE: usize = 32 << 20;
const MWINDOW_LIMIT: usize = 64 << 20;

/// Walks the repository that contains `options.start`.
pub fn load(options: &Options) -> Result<History, HistoryError> {
    load_with(options, &Scope::default())
}

/// [`load`], reading only as much history as `scope` says.
pub fn load_with(options: &Options, scope: &Scope) -> Result<History, HistoryError> {
    // Objects are read once each for a diff; checking every object's hash on read (which git
    // itself does not do) costs a sixth of a long walk.
    git2::opts::strict_hash_verification(false);
    // libgit2's object cache keeps every tree and commit the walk has read (up to 256 MB) and
    // buys nothing here: each object is read about twice, in consecutive commits. Measured
    // on the 10,000-commit bench repo: the same time, 80 MB instead of 135 MB peak.
    git2::opts::enable_caching(false);
    // libgit2 maps pack files in windows of up to 1 GB and keeps up to 8 GB mapped; each page
    // it touched stays resident, so a walk of a large pack held most of it in memory. Small
    // windows and a low limit let it unmap what the walk has passed.
    // SAFETY: libgit2's global options are set before any other libgit2 call of this run
    // and from one thread (the walk's parallel parsing starts later and reads no options).
    unsafe {
        let _ = git2::opts::set_mwindow_size(MWINDOW_SIZE);
        let _ = git2::opts::set_mwindow_mapped_limit(MWINDOW_LIMIT);
    }
    let repo = Repository::discover(options.start).map_err(|e| match e.code() {
        git2::ErrorCode::NotFound => HistoryError::NotARepository,
        _ if e.message().contains("object format") => HistoryError::Sha256,
        _ => HistoryError::Git(e),
    })?;
    // Most of a plan's YAML is the same text from one version to the next (see `yaml::memo`).
    let _memo = crate::yaml::memo::remembering();
    let workdir = repo.workdir().map(crate::paths::canonical);
    let top = workdir
        .clone()
        .unwrap_or_else(|| crate::paths::canonical(repo.path()));
    // Tree paths are relative to the repository's top; the workspace judges absolute paths.
    let is_plan = |rel: &str| (options.is_plan)(&top.join(name::path(rel)));
    let mut history = History {
        top: top.clone(),
        git_dir: repo.path().to_path_buf(),
        ..History::default()
    };
    let head = match repo.head() {
        Ok(head) => Some(head.peel_to_tree().map_err(|peel| {
            // The commit's own parse error says what is wrong; the peel error only that
            // something is.
            let target = head.target();
            let why = target
                .and_then(|id| repo.find_commit(id).err())
                .unwrap_or(peel);
            HistoryError::UnreadableHead {
                id: target.map_or_else(|| "(unknown)".into(), |id| id.to_string()[..7].to_string()),
                message: why.message().to_string(),
            }
        })?),
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
    let state = repo
        .head()
        .ok()
        .and_then(|h| h.target())
        .map(|id| cache::state(id, &boundary));
    let stored = match (&scope.cache, &state) {
        (Some(settings), Some(_)) => cache::load(settings, &top, &scope.walk_key()),
        _ => None,
    };
    // The stored walk as it is (HEAD has not moved), or taken on through the commits made
    // since (the cost follows them, not the repository's age), or none: walk it all.
    let walked = match (stored, &state) {
        (Some(stored), Some(state)) if stored.state == *state => {
            walker.restore(stored).map(|()| false)
        }
        (Some(stored), Some(state)) => match cache::base_of(&repo, &stored.state, state) {
            Some(base) if walker.restore(stored).is_some() => {
                let taken_on = with_progress(options.progress, |tick| {
                    walker.walk_after(base, &boundary, tick)
                });
                match taken_on {
                    Ok(true) => Some(true),
                    // Not a straight continuation, or unreadable: the whole walk, afresh.
                    _ => {
                        walker = walk::Walker::new(&repo, &is_plan);
                        None
                    }
                }
            }
            _ => None,
        },
        _ => None,
    };
    let fresh = head.is_some() && walked.is_none();
    if fresh {
        with_progress(options.progress, |tick| {
            walker.walk(&boundary, scope.from, scope.agreements, tick)
        })?;
    }
    if fresh || walked == Some(true) {
        if let (Some(settings), Some(state)) = (&scope.cache, state) {
            cache::store(settings, &top, &scope.walk_key(), &walker.saved(state));
        }
    }
    if let Some(dir) = &workdir {
        let files = worktree_plans(dir, &is_plan);
        walker.worktree(head.as_ref(), dir, &files, options.now)?;
    }
    walker.resolve_renames();
    history.commits = walker.commits_seen;
    if let Some((first, why)) = walker.skipped.first() {
        let more = match walker.skipped.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        history.notes.push(format!(
            "commit {first} could not be read ({why}){more}: skipped, the rest of history is used; `git fsck` says more"
        ));
    }
    if let Some(date) = walker.boundary_date {
        history.notes.push(format!(
            "this is a shallow clone: history starts at {date}; for what the plans held then, \
             staleness (GR501) uses their own dates, backdating (GR502) is not judged and moved \
             goalposts (GR503) cannot be seen; run `git fetch --unshallow` for all of it"
        ));
    }
    history.versions = std::mem::take(&mut walker.versions);
    history.starts = std::mem::take(&mut walker.starts);
    history.bounded = scope.from.filter(|_| walker.bounded);
    history.unsure = walker.unsure_plans();
    let mut events = walker.events;
    let untold = agreement::place(
        &repo,
        &mut events,
        &history.versions,
        options.review_tags,
        history.bounded.is_some(),
    );
    history.unsure.extend(untold);
    history.events = filter(&repo, events, options)?;
    history.index();
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
/// Runs a walk with a progress bar on a terminal, ticked every 256 commits.
fn with_progress<T>(progress: bool, walk: impl FnOnce(&mut dyn FnMut(usize)) -> T) -> T {
    let bar = progress.then(progress_bar);
    let mut tick = |n: usize| {
        if let Some(bar) = &bar {
            if n % 256 == 0 {
                bar.set_position(n as u64);
            }
        }
    };
    let result = walk(&mut tick);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result
}

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
            let rel = name::of_path(rel);
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
