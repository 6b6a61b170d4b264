//! Walking git history for plan changes, the way `git log --full-history -- plans/` does.
//!
//! For each commit, the trees are compared with the parents' recursively, skipping every
//! subtree whose id is unchanged, so a commit that touches no plan costs a few tree reads,
//! never a full-tree diff. Each distinct plan blob is parsed once (cached by blob id).
//! Nothing is written to the repository.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{mpsc, Arc, Mutex};

use chrono::{DateTime, FixedOffset, NaiveDate};
use git2::{ObjectType, Oid, Repository, Sort, Tree};

use super::name;
use super::time::commit_time;
use crate::parallel;
use crate::plan::Plan;
use crate::source;

use super::diff;
use super::event::{CommitInfo, Event, EventKind, UNCOMMITTED};
use super::facts::Start;
use super::graph::Graph;
use super::{PlanStart, PlanVersion};

mod bound;
mod parse;
mod stored;
mod trees;

use parse::{parse_blob, too_large};
use trees::blob_at;

/// How many parsed plan versions are kept, at the least: each plan's latest version (the next
/// change to it is compared with that one) and the versions parsed ahead for the chunks in
/// the pipeline. More is memory for nothing: with 2,048 kept, parsed plans were a third of a
/// 10,000-commit walk's peak memory and no faster (see [`Walker::cache_limit`]).
const CACHE_MIN: usize = 640;

/// The most blob bytes behind the cached versions, and read at once for a parallel parse:
/// memory follows this bound, not the length of history or the size of a chunk (140 versions
/// of a 1 MB plan would otherwise all be in memory together).
const CACHE_BYTES: usize = 64 * 1024 * 1024;
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// Past this many parents besides the first, a merge is read as an octopus (see
/// `Walker::octopus`).
const MAX_SIDES: usize = 8;

/// The index entry flag (in the extended flags) of a path outside a sparse checkout.
const SKIP_WORKTREE: u16 = 1 << 14;

/// How far before a bounded walk's first day agreements are looked for, when they matter:
/// a plan is agreed when it is written, and that is rarely more than a half-year before
/// its period (see `Walker::agreed_long_before`).
const AGREEMENT_REACH_DAYS: i64 = 183;

/// Commits handled together: their new plan versions are parsed in parallel.
const CHUNK: usize = 64;

/// What one commit did to the plans, found before the chunk's versions are parsed.
enum Step<'r> {
    /// A root or single-parent commit's changes; `true` for a shallow clone's boundary,
    /// whose plans are a starting snapshot.
    Changes(Vec<Change>, bool),
    /// A merge, handled against all its parents.
    Merge(Tree<'r>, Vec<Tree<'r>>),
}

/// A plan file that differs between two trees.
#[derive(Debug, Clone)]
struct Change {
    path: String,
    old: Option<Oid>,
    new: Option<Oid>,
}

/// A commit and what it did, waiting for its versions to be parsed.
type Stepped<'r> = (Arc<CommitInfo>, Step<'r>);

/// How many chunks of commits the walk runs ahead of the one it records, so the workers are
/// never idle while it compares trees.
const AHEAD: usize = 2;

/// The walk's side of the pipeline (see `Walker::walk_commits`).
struct Pipe<'r> {
    jobs: mpsc::Sender<parse::Job>,
    answers: mpsc::Receiver<parse::Done>,
    /// Chunks whose trees were compared, waiting to be recorded, oldest first.
    ahead: VecDeque<(usize, Vec<Stepped<'r>>)>,
    /// Jobs not answered yet, by chunk.
    open: HashMap<usize, usize>,
    /// Versions asked for and not answered yet.
    asked: HashSet<Oid>,
}

/// A plan version: the plan, or why it does not parse.
type Version = Rc<Result<Plan, String>>;

pub struct Walker<'r> {
    repo: &'r Repository,
    is_plan: &'r dyn Fn(&str) -> bool,
    cache: HashMap<Oid, Version>,
    /// Cached ids oldest first, with the size of their blobs.
    order: VecDeque<(Oid, usize)>,
    cached_bytes: usize,
    /// Every plan path a change was seen at: what sizes the cache.
    paths: HashSet<String>,
    /// For each unparsable version, the last version before it (in its own line of history)
    /// that parsed: what the next good version is compared with.
    good_before: HashMap<Oid, Option<Oid>>,
    /// Old path → new path, for every rename seen.
    renames: HashMap<String, String>,
    pub events: Vec<Event>,
    /// Every plan version the walk met, in walk order.
    pub versions: Vec<PlanVersion>,
    /// Every (path, blob) a non-merge commit brought: what an octopus merge's sides told.
    told: HashSet<(String, Oid)>,
    /// Commits that could not be read, by short id, with libgit2's reason.
    pub skipped: Vec<(String, String)>,
    /// The date of the earliest shallow boundary commit, in a shallow clone.
    pub boundary_date: Option<NaiveDate>,
    pub commits_seen: usize,
    /// Where a bounded walk started: the commits before it were not read.
    pub bounded: bool,
    /// The plans as they were where a bounded walk started.
    pub starts: Vec<PlanStart>,
    /// The plans (paths then) for which a bounded walk met something only the skipped
    /// history could settle (an unparsable version whose last good one is older, an octopus
    /// merge): their events may differ from a full walk's.
    unsure: HashSet<String>,
}

impl<'r> Walker<'r> {
    pub fn new(repo: &'r Repository, is_plan: &'r dyn Fn(&str) -> bool) -> Self {
        Walker {
            repo,
            is_plan,
            cache: HashMap::new(),
            order: VecDeque::new(),
            cached_bytes: 0,
            paths: HashSet::new(),
            good_before: HashMap::new(),
            renames: HashMap::new(),
            events: Vec::new(),
            versions: Vec::new(),
            told: HashSet::new(),
            skipped: Vec::new(),
            boundary_date: None,
            commits_seen: 0,
            bounded: false,
            starts: Vec::new(),
            unsure: HashSet::new(),
        }
    }

    /// Walks every commit reachable from HEAD, oldest first. `tick` is called per commit.
    /// `boundary` holds a shallow clone's boundary commits: their plans are a starting
    /// snapshot, not additions.
    ///
    /// With `from`, the walk starts at the first commit (oldest first) dated `from` or later,
    /// and the plans as they were just before it are its starting snapshot ([`PlanStart`]).
    /// With `agreements`, agreements made before `from` are looked for too.
    pub fn walk(
        &mut self,
        boundary: &HashSet<Oid>,
        from: Option<NaiveDate>,
        agreements: bool,
        tick: &mut dyn FnMut(usize),
    ) -> Result<(), git2::Error> {
        // A shallow clone's history already starts at its boundary, with its own snapshot.
        let from = from.filter(|_| boundary.is_empty());
        if let Some(day) = from {
            if self.walk_from_graph(day, agreements, tick)? {
                return Ok(());
            }
        }
        let mut revwalk = self.repo.revwalk()?;
        revwalk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME | Sort::REVERSE)?;
        revwalk.push_head()?;
        let oids: Vec<Oid> = revwalk.collect::<Result<_, _>>()?;
        let skip = from.map_or(0, |day| self.dated_before(&oids, day));
        if skip > 0 {
            self.bounded = true;
            self.commits_seen = skip;
            self.start_at(oids[skip - 1])?;
            self.agreed_before(&oids[..skip])?;
        }
        self.walk_commits(&oids[skip..], boundary, tick);
        Ok(())
    }

    /// A bounded walk that leaves unread the commits git's commit-graph shows to be older
    /// than it needs (see `bound`); `false`, having read nothing, when there is no usable
    /// graph or it leaves nothing out: then every commit is read.
    fn walk_from_graph(
        &mut self,
        day: NaiveDate,
        agreements: bool,
        tick: &mut dyn FnMut(usize),
    ) -> Result<bool, git2::Error> {
        let Some(graph) = Graph::open(&self.repo.commondir().join("objects")) else {
            return Ok(false);
        };
        let Some(head) = self.repo.head()?.target() else {
            return Ok(false);
        };
        let reach = if agreements { AGREEMENT_REACH_DAYS } else { 0 };
        let threshold = bound::threshold(day, reach);
        let frontier = match bound::frontier(self.repo, &graph, head, threshold) {
            Some(frontier) if !frontier.hide.is_empty() => frontier,
            _ => return Ok(false),
        };
        let mut revwalk = self.repo.revwalk()?;
        revwalk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME | Sort::REVERSE)?;
        revwalk.push_head()?;
        for &old in &frontier.hide {
            revwalk.hide(old)?;
        }
        let oids: Vec<Oid> = revwalk.collect::<Result<_, _>>()?;
        let skip = self.dated_before(&oids, day);
        // The walk starts from the plans in the last commit it skips: the last old one it
        // read, or else the one commit everything older lies behind. Behind several, the
        // plans before the first commit read are not one tree: read it all.
        let last = match (skip, frontier.hide.as_slice()) {
            (0, [only]) => *only,
            (0, _) => return Ok(false),
            _ => oids[skip - 1],
        };
        self.bounded = true;
        self.commits_seen = frontier.behind + skip;
        let start = self.start_at(last)?;
        self.agreed_before(&oids[..skip])?;
        if agreements {
            self.agreed_long_before(&frontier.hide, last, &start)?;
        }
        self.walk_commits(&oids[skip..], &HashSet::new(), tick);
        Ok(true)
    }

    /// Takes a restored walk that ended at `old_head` on to HEAD, reading only the commits
    /// made since. It does so only when every one of them descends from `old_head`, so a
    /// full walk would put each after every commit already walked, in the same order; and
    /// none is an octopus merge, whose sides are judged by what earlier commits brought.
    /// `false` (and nothing changed) when that does not hold: walk from scratch instead.
    pub fn walk_after(
        &mut self,
        old_head: Oid,
        boundary: &HashSet<Oid>,
        tick: &mut dyn FnMut(usize),
    ) -> Result<bool, git2::Error> {
        let mut revwalk = self.repo.revwalk()?;
        revwalk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME | Sort::REVERSE)?;
        revwalk.push_head()?;
        revwalk.hide(old_head)?;
        let oids: Vec<Oid> = revwalk.collect::<Result<_, _>>()?;
        // Parents come first in this order, so whether a commit descends from `old_head` is
        // known from its parents in one pass: the cost follows the new commits.
        let mut descend: HashSet<Oid> = HashSet::with_capacity(oids.len() + 1);
        descend.insert(old_head);
        for &oid in &oids {
            let commit = self.repo.find_commit(oid)?;
            let descends = commit.parent_ids().any(|p| descend.contains(&p));
            if !descends || commit.parent_count() > MAX_SIDES + 1 {
                return Ok(false);
            }
            descend.insert(oid);
        }
        self.walk_commits(&oids, boundary, tick);
        Ok(true)
    }

    /// Walks `oids`, oldest first, after whatever was walked before.
    fn walk_commits(&mut self, oids: &[Oid], boundary: &HashSet<Oid>, tick: &mut dyn FnMut(usize)) {
        // In chunks, as a pipeline: this thread finds what each commit of a chunk changed and
        // hands the plan versions it brings to workers (see `parse`), then turns an earlier
        // chunk's changes into events, in order, once its versions are parsed. A commit whose
        // objects cannot be read (missing, corrupt) is skipped and named; the rest is walked.
        let git_dir = self.repo.path().to_path_buf();
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (jobs, job_queue) = mpsc::channel::<parse::Job>();
        let job_queue = Mutex::new(job_queue);
        let (answer, answers) = mpsc::channel::<parse::Done>();
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let (git_dir, job_queue, answer) = (&git_dir, &job_queue, answer.clone());
                scope.spawn(move || parse::work(git_dir, job_queue, &answer));
            }
            drop(answer);
            let mut pipe = Pipe {
                jobs,
                answers,
                ahead: VecDeque::new(),
                open: HashMap::new(),
                asked: HashSet::new(),
            };
            for (k, chunk) in oids.chunks(CHUNK).enumerate() {
                let mut steps = Vec::with_capacity(chunk.len());
                for &oid in chunk {
                    self.commits_seen += 1;
                    tick(self.commits_seen);
                    match self.step(oid, boundary) {
                        Ok(Some(step)) => steps.push(step),
                        Ok(None) => {}
                        Err(err) => self.skip(oid, &err),
                    }
                }
                self.ask(&mut pipe, k, &steps, workers);
                pipe.ahead.push_back((k, steps));
                if pipe.ahead.len() > AHEAD {
                    self.finish_chunk(&mut pipe);
                }
            }
            while !pipe.ahead.is_empty() {
                self.finish_chunk(&mut pipe);
            }
            // Dropping the pipe ends the workers: no more jobs will come.
        });
    }

    /// Hands the versions a chunk of commits brings that are neither parsed nor asked for
    /// to the workers, in one job for each.
    fn ask(&mut self, pipe: &mut Pipe<'r>, chunk: usize, steps: &[Stepped<'r>], workers: usize) {
        let mut wanted = Vec::new();
        for (_, step) in steps {
            let Step::Changes(changes, _) = step else {
                continue;
            };
            for change in changes {
                if !self.paths.contains(&change.path) {
                    self.paths.insert(change.path.clone());
                }
                for oid in [change.old, change.new].into_iter().flatten() {
                    if !self.cache.contains_key(&oid) && pipe.asked.insert(oid) {
                        wanted.push((oid, change.path.clone()));
                    }
                }
            }
        }
        if wanted.is_empty() {
            return;
        }
        let per_job = wanted.len().div_ceil(workers);
        let mut wanted = wanted.into_iter().peekable();
        while wanted.peek().is_some() {
            let blobs: Vec<_> = wanted.by_ref().take(per_job).collect();
            if pipe.jobs.send(parse::Job { chunk, blobs }).is_ok() {
                *pipe.open.entry(chunk).or_default() += 1;
            }
        }
    }

    /// Waits for the versions of the oldest chunk in the pipe, then records its commits.
    fn finish_chunk(&mut self, pipe: &mut Pipe<'r>) {
        let Some((chunk, steps)) = pipe.ahead.pop_front() else {
            return;
        };
        while pipe.open.get(&chunk).is_some_and(|&n| n > 0) {
            // No answer means the workers are gone: what is missing is read here instead.
            let Ok(done) = pipe.answers.recv() else { break };
            for (oid, version, size) in done.versions {
                pipe.asked.remove(&oid);
                if !self.cache.contains_key(&oid) {
                    self.remember(oid, Rc::new(version), size);
                }
            }
            if let Some(n) = pipe.open.get_mut(&done.chunk) {
                *n -= 1;
            }
        }
        pipe.open.remove(&chunk);
        for (info, step) in steps {
            let done = match step {
                Step::Changes(changes, snapshot) => self.record(&info, changes, snapshot),
                Step::Merge(tree, parents) => self.merge(&info, &tree, &parents[0], &parents[1..]),
            };
            if let Err(err) = done {
                // Events already recorded for this commit stay: they were read.
                self.skipped
                    .push((info.short.clone(), err.message().to_string()));
            }
        }
    }

    /// How many commits, from the oldest in walk order, are dated before `day`.
    ///
    /// Commit dates can be out of order (rebased and cherry-picked commits keep their author
    /// dates), so the walk does not stop at the first old commit met going back; it skips the
    /// longest run of old commits at the start of the topological order. That run holds
    /// every ancestor of each commit in it, so no skipped commit comes after a walked one, and
    /// every commit dated `day` or later is walked, wherever it sits.
    fn dated_before(&self, oids: &[Oid], day: NaiveDate) -> usize {
        oids.iter()
            .position(|&oid| {
                self.repo
                    .find_commit(oid)
                    .map_or(true, |c| author_date(&c) >= day)
            })
            .unwrap_or(oids.len())
    }

    /// The plans in the last skipped commit's tree: a bounded walk's starting snapshot. Their
    /// paths and blobs are returned.
    fn start_at(&mut self, oid: Oid) -> Result<HashMap<String, Oid>, git2::Error> {
        let commit = self.repo.find_commit(oid)?;
        let tree = commit.tree()?;
        // The snapshot stands for the plans then, not for what this one commit agreed to.
        let info = Arc::new(CommitInfo {
            agreed: Vec::new(),
            ..commit_info(&commit)
        });
        let changes = self.changes(None, Some(&tree))?;
        let wanted = changes
            .iter()
            .filter_map(|c| Some((c.new?, c.path.as_str())));
        self.prefetch_blobs(wanted.collect());
        let mut blobs = HashMap::new();
        for change in changes {
            let Some(blob) = change.new else { continue };
            blobs.insert(change.path.clone(), blob);
            self.record_version(&info, &change.path, Some(blob));
            let start = match self.version(blob, &change.path)?.as_ref() {
                Ok(plan) if !plan.goals.is_empty() => Some(Start::of(plan)),
                // What a full walk makes of a later version depends on versions before this
                // one (the last that parsed, whether any had goals): facts cannot start here.
                _ => None,
            };
            self.starts.push(PlanStart {
                path: name::path(&change.path),
                plan: name::path(&change.path),
                start,
            });
        }
        Ok(blobs)
    }

    /// A plan agreed to by a trailer in a commit a bounded walk skips: what changed since
    /// then is partly in the skipped history, so only a full walk can tell.
    fn agreed_before(&mut self, skipped: &[Oid]) -> Result<(), git2::Error> {
        for &oid in skipped {
            let commit = self.repo.find_commit(oid)?;
            let message = String::from_utf8_lossy(commit.message_bytes());
            if super::trailer::from_message(&message, NaiveDate::MIN).is_empty() {
                continue;
            }
            let parent = commit.parents().next().map(|p| p.tree()).transpose()?;
            let changes = self.changes(parent.as_ref(), Some(&commit.tree()?))?;
            self.unsure.extend(changes.into_iter().map(|c| c.path));
        }
        Ok(())
    }

    /// Agreements older than everything a bounded walk read (the commits behind `old`, which
    /// it never opens). One can matter only to a goal that was already there: a plan whose
    /// version in one of those commits shares a goal with its version at the walk's start
    /// (`start`: the plans' blobs by path in commit `at`) is left to a full walk. A plan
    /// begun since, or rewritten with new goals since (a new half in the same file), is not.
    fn agreed_long_before(
        &mut self,
        old: &[Oid],
        at: Oid,
        start: &HashMap<String, Oid>,
    ) -> Result<(), git2::Error> {
        let now = self.repo.find_commit(at)?.tree()?;
        for &oid in old {
            let then = self.repo.find_commit(oid)?.tree()?;
            // Only what differs is listed (unchanged subtrees are not opened): a plan not
            // listed is the same file then and now.
            let changed: HashMap<String, Option<Oid>> = self
                .changes(Some(&then), Some(&now))?
                .into_iter()
                .map(|c| (c.path, c.old))
                .collect();
            // Both versions of each plan that changed are compared below: parse them first,
            // on all cores, not one by one here.
            let both = start.iter().filter_map(|(path, &blob)| {
                let before = changed.get(path).copied().flatten()?;
                Some([(before, path.as_str()), (blob, path.as_str())])
            });
            self.prefetch_blobs(both.flatten().collect());
            for (path, &blob) in start {
                let shares = match changed.get(path) {
                    None => true,
                    Some(None) => false,
                    Some(&Some(before)) => {
                        let before = self.version(before, path)?;
                        let after = self.version(blob, path)?;
                        match (before.as_ref(), after.as_ref()) {
                            (Ok(before), Ok(after)) => before
                                .goals
                                .iter()
                                .any(|g| after.goals.iter().any(|a| a.id.value == g.id.value)),
                            // A version that does not parse could hold anything.
                            _ => true,
                        }
                    }
                };
                if shares {
                    self.unsure.insert(path.clone());
                }
            }
        }
        Ok(())
    }

    /// The last version before the unparsable `oid` that parsed. In a bounded walk it may be
    /// older than the walk's start, and then only a full walk knows it.
    fn good_before(&mut self, oid: Oid, path: &str) -> Option<Oid> {
        match self.good_before.get(&oid) {
            Some(before) => *before,
            None => {
                if self.bounded {
                    self.unsure.insert(path.to_string());
                }
                None
            }
        }
    }

    /// The plans a bounded walk cannot vouch for, by their paths then and now.
    pub fn unsure_plans(&self) -> Vec<PathBuf> {
        let mut plans: Vec<PathBuf> = self.unsure.iter().map(|p| name::path(p)).collect();
        plans.extend(self.unsure.iter().map(|p| self.latest(&name::path(p))));
        plans.sort();
        plans.dedup();
        plans
    }

    /// What one commit changed, before its versions are parsed; `None` when nothing did.
    fn step(
        &mut self,
        oid: Oid,
        boundary: &HashSet<Oid>,
    ) -> Result<Option<(Arc<CommitInfo>, Step<'r>)>, git2::Error> {
        let commit = self.repo.find_commit(oid)?;
        let tree = commit.tree()?;
        let parents: Vec<Tree> = commit
            .parents()
            .map(|p| p.tree())
            .collect::<Result<_, _>>()?;
        let info = Arc::new(commit_info(&commit));
        let step = match parents.as_slice() {
            [] => {
                let snapshot = boundary.contains(&oid);
                if snapshot {
                    let day = info.date();
                    self.boundary_date = Some(self.boundary_date.map_or(day, |d| d.min(day)));
                }
                Step::Changes(self.changes(None, Some(&tree))?, snapshot)
            }
            [parent] if parent.id() == tree.id() => return Ok(None),
            [parent] => Step::Changes(self.changes(Some(parent), Some(&tree))?, false),
            _ => Step::Merge(tree, parents),
        };
        Ok(Some((info, step)))
    }

    fn skip(&mut self, oid: Oid, err: &git2::Error) {
        let id = oid.to_string();
        self.skipped
            .push((id[..7.min(id.len())].to_string(), err.message().to_string()));
    }

    /// Parses, on all cores, the blobs (with the paths they are read as) that are not cached.
    /// A blob that cannot be read is left out: the commit that needs it says so.
    fn prefetch_blobs(&mut self, wanted: Vec<(Oid, &str)>) {
        let mut seen = HashSet::new();
        for &(_, path) in &wanted {
            // The cache is sized by the plans it may be asked for (see `cache_limit`).
            if !self.paths.contains(path) {
                self.paths.insert(path.to_string());
            }
        }
        let wanted: Vec<_> = wanted
            .into_iter()
            .filter(|(oid, _)| !self.cache.contains_key(oid) && seen.insert(*oid))
            .collect();
        let mut wanted = wanted.into_iter().peekable();
        while wanted.peek().is_some() {
            let mut blobs = Vec::new();
            let mut bytes_read = 0;
            for (oid, path) in wanted.by_ref() {
                match parse::blob(self.repo, oid) {
                    Ok(Ok(bytes)) => {
                        bytes_read += bytes.len();
                        blobs.push((oid, path, bytes));
                    }
                    Ok(Err(too_large)) => self.remember(oid, Rc::new(Err(too_large)), 0),
                    Err(_) => {}
                }
                if bytes_read >= BATCH_BYTES {
                    break;
                }
            }
            let versions =
                parallel::map(&blobs, |(_, path, bytes)| parse_blob(path, bytes.clone()));
            for ((oid, _, bytes), version) in blobs.into_iter().zip(versions) {
                self.remember(oid, Rc::new(version), bytes.len());
            }
        }
    }

    /// A merge's events are the changes it makes relative to *every* parent: taking one
    /// side's version adds nothing (its commits already told), a conflict resolution does.
    fn merge(
        &mut self,
        info: &Arc<CommitInfo>,
        tree: &Tree,
        first: &Tree,
        rest: &[Tree],
    ) -> Result<(), git2::Error> {
        if first.id() == tree.id() || rest.iter().any(|p| p.id() == tree.id()) {
            // The merge's tree is one parent's: on the other line the plans changed to it.
            let other = if first.id() == tree.id() {
                &rest[0]
            } else {
                first
            };
            for change in self.changes(Some(other), Some(tree))? {
                self.record_version(info, &change.path, change.new);
            }
            return Ok(());
        }
        let changes = self.changes(Some(first), Some(tree))?;
        if rest.len() > MAX_SIDES {
            return self.octopus(info, changes);
        }
        // The version a plan has after the merge, whichever parent it differs from.
        let mut versioned = HashSet::new();
        for parent in std::iter::once(first).chain(rest) {
            for change in self.changes(Some(parent), Some(tree))? {
                if versioned.insert(change.path.clone()) {
                    self.record_version(info, &change.path, change.new);
                }
            }
        }
        let mut kept = Vec::new();
        for change in changes {
            let mut took_a_side = false;
            let mut per_parent = Vec::new();
            for parent in rest {
                let old = blob_at(parent, &change.path);
                if old == change.new {
                    took_a_side = true;
                    break;
                }
                per_parent.push(old);
            }
            if !took_a_side {
                kept.push((change, per_parent));
            }
        }
        for (change, others) in kept {
            let mut events = self.change_events(&change)?;
            for old in others {
                let alt = Change {
                    old,
                    ..change.clone()
                };
                let alt_events = self.change_events(&alt)?;
                // Compare what each change leads to, not where it came from: a resolution
                // to a third value is `20% → 22%` against one side and `30% → 22%` against
                // the other, and is one event of the merge.
                events.retain(|(goal, kind)| {
                    alt_events
                        .iter()
                        .any(|(g, k)| g == goal && k.outcome() == kind.outcome())
                });
            }
            self.push(info, &change.path, events);
        }
        Ok(())
    }

    /// A merge of many branches at once (git's octopus strategy, which stops at any
    /// conflict): comparing every change with every parent would be quadratic, so a version
    /// some commit already brought is taken as that side's, and only what no commit told
    /// (a resolution written into the merge) is an event of the merge, against the first
    /// parent.
    fn octopus(&mut self, info: &Arc<CommitInfo>, changes: Vec<Change>) -> Result<(), git2::Error> {
        // Which versions the sides told may be in the history a bounded walk skipped.
        if self.bounded {
            self.unsure.extend(changes.iter().map(|c| c.path.clone()));
        }
        for change in changes {
            self.record_version(info, &change.path, change.new);
            let told = change
                .new
                .is_some_and(|blob| self.told.contains(&(change.path.clone(), blob)));
            if !told {
                let events = self.change_events(&change)?;
                self.push(info, &change.path, events);
            }
        }
        Ok(())
    }

    /// Records the events of a non-merge commit, pairing added and deleted plans as renames.
    fn record(
        &mut self,
        info: &Arc<CommitInfo>,
        changes: Vec<Change>,
        snapshot: bool,
    ) -> Result<(), git2::Error> {
        for change in &changes {
            self.record_version(info, &change.path, change.new);
            if let Some(blob) = change.new {
                self.told.insert((change.path.clone(), blob));
            }
        }
        let (mut added, mut rest): (Vec<Change>, Vec<Change>) =
            changes.into_iter().partition(|c| c.old.is_none());
        let deleted: Vec<Change> = rest.iter().filter(|c| c.new.is_none()).cloned().collect();
        rest.retain(|c| c.new.is_some());
        let mut used = HashSet::new();
        if !added.is_empty() && !deleted.is_empty() {
            for add in added.iter_mut() {
                if let Some(del) = self.rename_source(add, &deleted, &used)? {
                    used.insert(del.path.clone());
                    self.renames.insert(del.path.clone(), add.path.clone());
                    let mut events = vec![(
                        None,
                        EventKind::PlanRenamed {
                            from: name::path(&del.path),
                        },
                    )];
                    add.old = del.old;
                    events.extend(
                        self.change_events(add)?
                            .into_iter()
                            .filter(|(_, k)| !matches!(k, EventKind::PlanAdded)),
                    );
                    self.push(info, &add.path, events);
                    add.path.clear();
                }
            }
        }
        for change in added.into_iter().filter(|c| !c.path.is_empty()) {
            let events = if snapshot {
                vec![(None, self.snapshot(&change)?)]
            } else {
                self.change_events(&change)?
            };
            self.push(info, &change.path, events);
        }
        for change in rest
            .into_iter()
            .chain(deleted.into_iter().filter(|d| !used.contains(&d.path)))
        {
            let events = self.change_events(&change)?;
            self.push(info, &change.path, events);
        }
        Ok(())
    }

    /// The deleted plan an added plan was renamed from: the same blob, else the same owner
    /// with at least half of the goal ids in common.
    fn rename_source<'c>(
        &mut self,
        add: &Change,
        deleted: &'c [Change],
        used: &HashSet<String>,
    ) -> Result<Option<&'c Change>, git2::Error> {
        let free = |d: &&Change| !used.contains(&d.path);
        if let Some(d) = deleted.iter().filter(free).find(|d| d.old == add.new) {
            return Ok(Some(d));
        }
        let Some(new) = add.new else { return Ok(None) };
        let new = self.version(new, &add.path)?;
        let Ok(new) = new.as_ref() else {
            return Ok(None);
        };
        for d in deleted.iter().filter(free) {
            let Some(old) = d.old else { continue };
            let old = self.version(old, &d.path)?;
            if let Ok(old) = old.as_ref() {
                if similar(old, new) {
                    return Ok(Some(d));
                }
            }
        }
        Ok(None)
    }

    /// A plan as found at a shallow boundary, with the latest date each goal states.
    fn snapshot(&mut self, change: &Change) -> Result<EventKind, git2::Error> {
        let mut stated = BTreeMap::new();
        if let Some(oid) = change.new {
            if let Ok(plan) = self.version(oid, &change.path)?.as_ref() {
                for goal in &plan.goals {
                    let dates = goal.checkins.iter().map(|c| c.date.value).chain(
                        goal.actions
                            .iter()
                            .filter_map(|a| a.done_on.as_ref().map(|d| d.value)),
                    );
                    if let Some(last) = dates.max() {
                        stated.insert(goal.id.value.clone(), last);
                    }
                }
            }
        }
        Ok(EventKind::PlanSnapshot { stated })
    }

    fn record_version(&mut self, info: &Arc<CommitInfo>, path: &str, blob: Option<Oid>) {
        self.versions.push(PlanVersion {
            commit: Arc::clone(info),
            path: name::path(path),
            plan: name::path(path),
            blob,
        });
    }

    fn push(
        &mut self,
        info: &Arc<CommitInfo>,
        path: &str,
        events: Vec<(Option<String>, EventKind)>,
    ) {
        for (goal, kind) in events {
            self.events.push(Event {
                commit: Arc::clone(info),
                path: name::path(path),
                plan: name::path(path),
                goal,
                kind,
            });
        }
    }

    /// The events of one plan file's change.
    fn change_events(
        &mut self,
        change: &Change,
    ) -> Result<Vec<(Option<String>, EventKind)>, git2::Error> {
        let Some(new_oid) = change.new else {
            return Ok(vec![(None, EventKind::PlanRemoved)]);
        };
        let new = self.version(new_oid, &change.path)?;
        let new = match new.as_ref() {
            Ok(plan) => plan,
            Err(message) => {
                let unparsable = (
                    None,
                    EventKind::Unparsable {
                        message: message.clone(),
                    },
                );
                let before = match change.old {
                    Some(old) if self.version(old, &change.path)?.is_ok() => Some(old),
                    Some(old) => self.good_before(old, &change.path),
                    None => None,
                };
                self.good_before.insert(new_oid, before);
                return Ok(match change.old {
                    None => vec![(None, EventKind::PlanAdded), unparsable],
                    Some(_) => vec![unparsable],
                });
            }
        };
        // Diff against the parent's version, or the last one before it that parsed.
        let mut old_oid = change.old;
        if let Some(oid) = old_oid {
            if self.version(oid, &change.path)?.is_err() {
                old_oid = self.good_before(oid, &change.path);
            }
        }
        let events = match old_oid {
            None if change.old.is_none() => {
                let mut events = vec![(None, EventKind::PlanAdded)];
                events.extend(diff::added(new));
                events
            }
            None => diff::added(new),
            Some(oid) => {
                let old = self.version(oid, &change.path)?;
                match old.as_ref() {
                    Ok(old) => diff::diff(old, new),
                    Err(_) => diff::added(new),
                }
            }
        };
        Ok(events)
    }

    /// A blob parsed as a plan, once per blob id.
    fn version(&mut self, oid: Oid, path: &str) -> Result<Version, git2::Error> {
        if let Some(v) = self.cache.get(&oid) {
            return Ok(Rc::clone(v));
        }
        let (version, size) = match parse::blob(self.repo, oid)? {
            Ok(bytes) => {
                let size = bytes.len();
                (parse_blob(path, bytes), size)
            }
            Err(too_large) => (Err(too_large), 0),
        };
        let version = Rc::new(version);
        self.remember(oid, Rc::clone(&version), size);
        Ok(version)
    }

    /// How many versions the cache keeps: one per plan path seen, plus what the pipeline
    /// parses ahead, so a thousand plans do not evict each other's latest version.
    fn cache_limit(&self) -> usize {
        CACHE_MIN.max(self.paths.len() + 2 * CHUNK * (AHEAD + 1))
    }

    /// Caches a parsed version, forgetting the oldest when full.
    fn remember(&mut self, oid: Oid, version: Version, size: usize) {
        let limit = self.cache_limit();
        while self.order.len() >= limit
            || (self.cached_bytes + size > CACHE_BYTES && !self.order.is_empty())
        {
            if let Some((old, old_size)) = self.order.pop_front() {
                self.cache.remove(&old);
                self.cached_bytes -= old_size;
            }
        }
        self.order.push_back((oid, size));
        self.cached_bytes += size;
        self.cache.insert(oid, version);
    }

    /// Plan files that differ between two trees (see `trees`).
    fn changes(&self, old: Option<&Tree>, new: Option<&Tree>) -> Result<Vec<Change>, git2::Error> {
        trees::changes(self.repo, self.is_plan, old, new)
    }

    /// Adds work-tree changes as events of the "uncommitted" pseudo-commit.
    pub fn worktree(
        &mut self,
        head: Option<&Tree>,
        workdir: &Path,
        files: &[String],
        now: DateTime<FixedOffset>,
    ) -> Result<(), git2::Error> {
        let info = Arc::new(CommitInfo {
            id: UNCOMMITTED.into(),
            short: UNCOMMITTED.into(),
            author: "(work tree)".into(),
            email: String::new(),
            time: now,
            summary: "changes not committed yet".into(),
            agreed: Vec::new(),
        });
        let mut changes = Vec::new();
        let mut seen = HashSet::new();
        for path in files {
            seen.insert(path.clone());
            let old = head.and_then(|t| blob_at(t, path));
            // Read no further than the size limit: a 700 MB file in the work tree is a
            // version that is too large, not 700 MB of memory.
            let (new, version) = match source::read_limited(&workdir.join(name::path(path))) {
                Ok(bytes) => (Oid::hash_object(ObjectType::Blob, &bytes)?, Ok(bytes)),
                Err(source::ReadError::TooLarge { size, .. }) => {
                    let stand_in = format!("growth: {path} over the size limit, {size} bytes");
                    let id = Oid::hash_object(ObjectType::Blob, stand_in.as_bytes())?;
                    (id, Err(too_large(size)))
                }
                Err(_) => continue,
            };
            if old != Some(new) {
                if !self.repo.odb()?.exists(new) {
                    // Not in the object database: parse from the bytes and cache by id.
                    let version = version.and_then(|bytes| parse_blob(path, bytes));
                    self.cache.insert(new, Rc::new(version));
                }
                changes.push(Change {
                    path: path.clone(),
                    old,
                    new: Some(new),
                });
            }
        }
        if let Some(head) = head {
            let all = self.changes(None, Some(head))?;
            // Outside a sparse checkout's set, a file is absent from the work tree on purpose
            // (its index entry says skip-worktree): not removed.
            let index = self.repo.index().ok();
            let sparse = |path: &str| {
                index
                    .as_ref()
                    .and_then(|i| i.get_path(&name::path(path), 0))
                    .is_some_and(|e| e.flags_extended & SKIP_WORKTREE != 0)
            };
            for c in all.into_iter().filter(|c| {
                !seen.contains(&c.path)
                    && !workdir.join(name::path(&c.path)).exists()
                    && !sparse(&c.path)
            }) {
                changes.push(Change {
                    path: c.path,
                    old: c.new,
                    new: None,
                });
            }
        }
        self.record(&info, changes, false)
    }

    /// Rewrites every event's and version's `plan` to the plan's latest path, following
    /// renames.
    pub fn resolve_renames(&mut self) {
        let mut events = std::mem::take(&mut self.events);
        for event in &mut events {
            event.plan = self.latest(&event.path);
        }
        self.events = events;
        let mut versions = std::mem::take(&mut self.versions);
        for version in &mut versions {
            version.plan = self.latest(&version.path);
        }
        self.versions = versions;
        let mut starts = std::mem::take(&mut self.starts);
        for start in &mut starts {
            start.plan = self.latest(&start.path);
        }
        self.starts = starts;
    }

    /// A plan's latest path, following renames from its path `then`.
    fn latest(&self, then: &Path) -> PathBuf {
        let mut path = name::of_path(then);
        let mut hops = 0;
        while let Some(next) = self.renames.get(&path) {
            path = next.clone();
            hops += 1;
            if hops > self.renames.len() {
                break;
            }
        }
        name::path(&path)
    }
}

/// Two versions of a plan are the same plan when they have the same owner and share at
/// least half of their goal ids.
fn similar(old: &Plan, new: &Plan) -> bool {
    let owner = |p: &Plan| p.owner.as_ref().map(|o| o.value.clone());
    if owner(old) != owner(new) || old.goals.is_empty() {
        return false;
    }
    let shared = old
        .goals
        .iter()
        .filter(|g| new.goals.iter().any(|n| n.id.value == g.id.value))
        .count();
    shared * 2 >= old.goals.len().max(new.goals.len())
}

/// The day of a commit's author date in the author's time zone: what events are dated by.
fn author_date(commit: &git2::Commit) -> NaiveDate {
    commit_time(&commit.author().when()).date_naive()
}

pub(super) fn commit_info(commit: &git2::Commit) -> CommitInfo {
    let author = commit.author();
    let committed = commit_time(&commit.committer().when()).date_naive();
    let message = String::from_utf8_lossy(commit.message_bytes());
    let time = commit_time(&author.when());
    let id = commit.id().to_string();
    CommitInfo {
        short: id[..7.min(id.len())].to_string(),
        id,
        author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
        email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        time,
        summary: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned(),
        agreed: super::trailer::from_message(&message, committed),
    }
}
