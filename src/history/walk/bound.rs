//! Where a bounded walk may stop without reading older commits, decided from git's
//! commit-graph (see [`crate::history::graph`]).
//!
//! Going back from HEAD, a commit whose corrected commit date is before the threshold has
//! only ancestors committed before it: it and everything behind it can be left unread. The
//! threshold sits [`SKEW`] before the walk's first day, because events are dated by author
//! date and an author date can be later than the commit date (a commit amended or applied
//! later keeps it the other way round, which the corrected date already covers). The
//! commits between the threshold and the first day are read, and the usual rule (the
//! longest run of old commits at the start of the walk is skipped) applies to them, so the
//! walk is the one a walk of all history would bound.

use std::collections::HashSet;

use chrono::NaiveDate;
use git2::{Oid, Repository};

use crate::history::graph::Graph;

/// How much later than its commit date an author date may be and still be walked.
const SKEW: i64 = 30 * 86_400;

/// Where a bounded walk can stop: the newest commits that are certainly older than the
/// threshold, and how many commits lie behind them (themselves included).
pub(super) struct Frontier {
    pub hide: Vec<Oid>,
    pub behind: usize,
}

/// The seconds before which a commit's ancestors cannot hold a commit authored `from` or
/// later; `reach` more days back when the caller wants older commits read too.
pub(super) fn threshold(from: NaiveDate, reach_days: i64) -> i64 {
    let midnight = from.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    // A day in the author's own time zone starts up to 14 hours before it does in UTC.
    midnight.timestamp() - 14 * 3600 - SKEW - reach_days * 86_400
}

/// The frontier of the commits reachable from `head` whose corrected dates are at or after
/// `threshold`; `None` when the graph cannot tell (then every commit is read). Commits
/// newer than the graph file are read as objects; the frontier's own commits are checked
/// against their objects, so a graph that disagrees with the repository is not used.
pub(super) fn frontier(
    repo: &Repository,
    graph: &Graph,
    head: Oid,
    threshold: i64,
) -> Option<Frontier> {
    let mut seen: HashSet<Oid> = HashSet::new();
    let mut stack = vec![head];
    let mut hide: Vec<(Oid, u32)> = Vec::new();
    while let Some(oid) = stack.pop() {
        if !seen.insert(oid) {
            continue;
        }
        match graph.find(oid) {
            Some(pos) => {
                let entry = graph.entry(pos)?;
                if entry.corrected < threshold {
                    hide.push((oid, pos));
                } else {
                    for parent in entry.parents {
                        stack.push(graph.oid(parent)?);
                    }
                }
            }
            // Written after the graph was: read it.
            None => stack.extend(repo.find_commit(oid).ok()?.parent_ids()),
        }
    }
    for &(oid, pos) in &hide {
        let entry = graph.entry(pos)?;
        let commit = repo.find_commit(oid).ok()?;
        let parents: Option<Vec<Oid>> = entry.parents.iter().map(|&p| graph.oid(p)).collect();
        if commit.committer().when().seconds() != entry.time
            || commit.parent_ids().collect::<Vec<_>>() != parents?
        {
            return None;
        }
    }
    let positions: Vec<u32> = hide.iter().map(|&(_, pos)| pos).collect();
    Some(Frontier {
        behind: graph.reachable(&positions)?,
        hide: hide.into_iter().map(|(oid, _)| oid).collect(),
    })
}
