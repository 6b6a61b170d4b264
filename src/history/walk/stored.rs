//! A walk stored in the history cache and taken up again: the walker's findings in a form
//! that can be written and read back (see `history::cache`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use git2::Oid;

use super::super::cache::Walked;
use super::super::event::EventKind;
use super::super::event::{CommitInfo, Event};
use super::super::{name, PlanStart, PlanVersion};
use super::Walker;

impl Walker<'_> {
    /// What the walk found so far, to store in the cache (after [`Walker::walk`], before the
    /// work tree is read).
    pub fn saved(&self, state: String) -> Walked {
        let mut commits: Vec<CommitInfo> = Vec::new();
        let mut index: HashMap<*const CommitInfo, u32> = HashMap::new();
        let mut id_of = |info: &Arc<CommitInfo>| {
            *index.entry(Arc::as_ptr(info)).or_insert_with(|| {
                commits.push(CommitInfo::clone(info));
                (commits.len() - 1) as u32
            })
        };
        let path = |p: &Path| name::of_path(p);
        let events = self
            .events
            .iter()
            .map(|e| {
                (
                    id_of(&e.commit),
                    path(&e.path),
                    e.goal.clone(),
                    stored_kind(&e.kind, |from| PathBuf::from(name::of_path(from))),
                )
            })
            .collect();
        let versions = self
            .versions
            .iter()
            .map(|v| {
                (
                    id_of(&v.commit),
                    path(&v.path),
                    v.blob.map(|b| b.to_string()),
                )
            })
            .collect();
        // Sorted: the same walk is stored as the same bytes.
        let mut renames: Vec<(String, String)> = self
            .renames
            .iter()
            .map(|(a, b)| (a.clone(), b.clone()))
            .collect();
        renames.sort();
        let mut good_before: Vec<(String, Option<String>)> = self
            .good_before
            .iter()
            .map(|(a, b)| (a.to_string(), b.map(|b| b.to_string())))
            .collect();
        good_before.sort();
        Walked {
            state,
            commits,
            events,
            versions,
            starts: self
                .starts
                .iter()
                .map(|s| (path(&s.path), s.start.clone()))
                .collect(),
            renames,
            good_before,
            skipped: self.skipped.clone(),
            boundary_date: self.boundary_date,
            commits_seen: self.commits_seen,
            bounded: self.bounded,
            unsure: {
                let mut unsure: Vec<String> = self.unsure.iter().cloned().collect();
                unsure.sort();
                unsure
            },
        }
    }

    /// Takes up a stored walk as if it had just been made; `None` (and nothing changed) when
    /// it does not hold together.
    pub fn restore(&mut self, walked: Walked) -> Option<()> {
        let commits: Vec<Arc<CommitInfo>> = walked.commits.into_iter().map(Arc::new).collect();
        let commit = |i: u32| commits.get(i as usize).cloned();
        let oid = |s: &str| Oid::from_str(s).ok();
        let mut events = Vec::with_capacity(walked.events.len());
        for (c, path, goal, kind) in walked.events {
            events.push(Event {
                commit: commit(c)?,
                plan: name::path(&path),
                path: name::path(&path),
                goal,
                kind: stored_kind(&kind, |from| name::path(&from.to_string_lossy())),
            });
        }
        let mut versions = Vec::with_capacity(walked.versions.len());
        for (c, path, blob) in walked.versions {
            let blob = match blob {
                Some(b) => Some(oid(&b)?),
                None => None,
            };
            versions.push(PlanVersion {
                commit: commit(c)?,
                plan: name::path(&path),
                path: name::path(&path),
                blob,
            });
        }
        let mut good_before = HashMap::new();
        for (a, b) in walked.good_before {
            let b = match b {
                Some(b) => Some(oid(&b)?),
                None => None,
            };
            good_before.insert(oid(&a)?, b);
        }
        self.events = events;
        self.versions = versions;
        self.good_before = good_before;
        self.starts = walked
            .starts
            .into_iter()
            .map(|(path, start)| PlanStart {
                plan: name::path(&path),
                path: name::path(&path),
                start,
            })
            .collect();
        self.renames = walked.renames.into_iter().collect();
        self.skipped = walked.skipped;
        self.boundary_date = walked.boundary_date;
        self.commits_seen = walked.commits_seen;
        self.bounded = walked.bounded;
        self.unsure = walked.unsure.into_iter().collect();
        Some(())
    }
}

/// A kind as stored, or as taken up: a renamed plan's `from` is a path like the others, kept
/// in the escaped text of [`name`] in the file (JSON would make a name that is not UTF-8
/// lossy) and turned back into the real name when read.
fn stored_kind(kind: &EventKind, map: impl Fn(&Path) -> PathBuf) -> EventKind {
    match kind {
        EventKind::PlanRenamed { from } => EventKind::PlanRenamed { from: map(from) },
        kind => kind.clone(),
    }
}
