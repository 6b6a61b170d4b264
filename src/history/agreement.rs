//! Agreement: a plan's content at a commit that someone agreed to, read from git and never
//! written to it.
//!
//! Two ways say so. A commit message's `Agreed-by:` or `Reviewed-by:` trailer (git's trailer
//! rules, read by libgit2) agrees with the plans that commit changed or merged in, at the
//! commit's committer date. A tag matching `review_tags` agrees with the plans as they are in
//! the tagged commit, at the tagger's date (annotated) or the commit's committer date
//! (lightweight); a tag whose last segment names plans (`review/2026-h1/alice`: a directory
//! or file stem `alice`) agrees with those alone. Each becomes an [`EventKind::Agreed`] event placed right after the events
//! of the commit it agrees with, so everything later in a plan's events happened after it.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use git2::{Oid, Repository};

pub use super::event::Agreement;
use super::event::{CommitInfo, Event, EventKind};
use super::PlanVersion;

/// A tag that agrees with the commit it points at.
struct Tag {
    name: String,
    commit: Oid,
    info: Arc<CommitInfo>,
    agreement: Agreement,
}

/// The tags whose names match `globs`, peeled to commits; unreadable tags are left out.
fn review_tags(repo: &Repository, globs: &[String]) -> Vec<Tag> {
    let mut set = globset::GlobSetBuilder::new();
    for glob in globs {
        if let Ok(glob) = globset::Glob::new(glob) {
            set.add(glob);
        }
    }
    let Ok(set) = set.build() else {
        return Vec::new();
    };
    if set.is_empty() {
        return Vec::new();
    }
    let mut tags = Vec::new();
    let Ok(names) = repo.tag_names(None) else {
        return tags;
    };
    for name in names.iter().flatten().filter(|n| set.is_match(n)) {
        let Ok(reference) = repo.find_reference(&format!("refs/tags/{name}")) else {
            continue;
        };
        let Ok(commit) = reference.peel_to_commit() else {
            continue;
        };
        let annotated = reference.peel_to_tag().ok();
        let signature = annotated
            .as_ref()
            .and_then(|t| t.tagger().map(|s| s.to_owned()))
            .unwrap_or_else(|| commit.committer().to_owned());
        let name_of = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        let email = name_of(signature.email_bytes());
        tags.push(Tag {
            name: name.to_string(),
            commit: commit.id(),
            info: Arc::new(super::walk::commit_info(&commit)),
            agreement: Agreement {
                by: name_of(signature.name_bytes()),
                email: (!email.is_empty()).then_some(email),
                on: super::time::commit_time(&signature.when()).date_naive(),
                via: format!("tag {name}"),
            },
        });
    }
    tags.sort_by(|a, b| a.agreement.via.cmp(&b.agreement.via));
    tags
}

/// Adds the agreements to `events` (in walk order, as are `versions`): trailers of the
/// commits that brought a version, and review tags. Returns the plans (paths now) a tag
/// agreed with at a commit a bounded walk did not read: only a full walk can place those.
pub fn place(
    repo: &Repository,
    events: &mut Vec<Event>,
    versions: &[PlanVersion],
    globs: &[String],
    bounded: bool,
) -> Vec<PathBuf> {
    // Every event's commit brought a version, in the same order: a version's position in
    // the commits of `versions` says where its commit's events end.
    let mut position: HashMap<&str, usize> = HashMap::new();
    for v in versions {
        let next = position.len();
        position.entry(v.commit.id.as_str()).or_insert(next);
    }
    let mut found: Vec<(usize, Event)> = Vec::new();
    for v in versions.iter().filter(|v| v.blob.is_some()) {
        for agreement in &v.commit.agreed {
            found.push((
                position[v.commit.id.as_str()],
                agreed(v, &v.commit, agreement),
            ));
        }
    }
    let mut unsure = Vec::new();
    for tag in review_tags(repo, globs) {
        let (placed, missed) = tag_versions(repo, versions, &tag);
        for v in placed {
            let at = position[v.commit.id.as_str()];
            found.push((at, agreed(v, &tag.info, &tag.agreement)));
        }
        if bounded {
            unsure.extend(missed);
        }
    }
    if found.is_empty() {
        return unsure;
    }
    let at_of = |e: &Event| position.get(e.commit.id.as_str()).copied().unwrap_or(0);
    let mut out = Vec::with_capacity(events.len() + found.len());
    found.sort_by_key(|(at, _)| *at);
    let mut found = found.into_iter().peekable();
    for event in events.drain(..) {
        let at = at_of(&event);
        while let Some((_, agreed)) = found.next_if(|(a, _)| *a < at) {
            out.push(agreed);
        }
        out.push(event);
    }
    out.extend(found.map(|(_, e)| e));
    *events = out;
    unsure
}

fn agreed(version: &PlanVersion, commit: &Arc<CommitInfo>, agreement: &Agreement) -> Event {
    Event {
        commit: Arc::clone(commit),
        path: version.path.clone(),
        plan: version.plan.clone(),
        goal: None,
        kind: EventKind::Agreed(agreement.clone()),
    }
}

/// Per plan, the last version the tag's commit holds: the version its commit brought, or
/// an earlier one with the same content that it descends from. Also the plans in the
/// tagged tree that no version read matches (paths now).
///
/// A tag whose last segment names plans (`review/2026-h1/alice`: a directory or file stem
/// `alice`) agrees with those alone; any other tag with every plan in the commit.
fn tag_versions<'v>(
    repo: &Repository,
    versions: &'v [PlanVersion],
    tag: &Tag,
) -> (Vec<&'v PlanVersion>, Vec<PathBuf>) {
    let Ok(tree) = repo.find_commit(tag.commit).and_then(|c| c.tree()) else {
        return (Vec::new(), Vec::new());
    };
    let mut by_plan: HashMap<&PathBuf, Vec<&PlanVersion>> = HashMap::new();
    for v in versions {
        by_plan.entry(&v.plan).or_default().push(v);
    }
    let mut plans: Vec<_> = by_plan.into_iter().collect();
    plans.sort_by(|a, b| a.0.cmp(b.0));
    let segment = tag.name.rsplit('/').next().unwrap_or("").to_lowercase();
    let names = |path: &PathBuf| {
        let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase());
        let dirs = (path.parent().into_iter())
            .flat_map(|p| p.iter())
            .map(|c| c.to_string_lossy().to_lowercase());
        stem.into_iter().chain(dirs).any(|n| n == segment)
    };
    if plans.iter().any(|(plan, _)| names(plan)) {
        plans.retain(|(plan, _)| names(plan));
    }
    let tag_id = tag.commit.to_string();
    // The tagged commit's ancestors, read once (commit ids only, no trees), when needed.
    let mut ancestors: Option<HashSet<String>> = None;
    let ancestors_of = || -> Result<HashSet<String>, git2::Error> {
        let mut walk = repo.revwalk()?;
        walk.push(tag.commit)?;
        walk.map(|id| id.map(|id| id.to_string())).collect()
    };
    let mut blobs: HashMap<&PathBuf, Option<Oid>> = HashMap::new();
    let mut placed = Vec::new();
    let mut missed = Vec::new();
    for (plan, list) in plans {
        let mut hit = None;
        let mut in_tree = false;
        for v in list.iter().rev() {
            if v.commit.is_uncommitted() {
                continue;
            }
            let blob = *blobs
                .entry(&v.path)
                .or_insert_with(|| tree.get_path(&v.path).ok().map(|e| e.id()));
            in_tree |= blob.is_some();
            if v.commit.id == tag_id {
                hit = v.blob.is_some().then_some(*v);
                break;
            }
            if blob.is_none() || blob != v.blob {
                continue;
            }
            if ancestors.is_none() {
                ancestors = Some(ancestors_of().unwrap_or_default());
            }
            if ancestors.as_ref().is_some_and(|a| a.contains(&v.commit.id)) {
                hit = Some(*v);
                break;
            }
        }
        match hit {
            Some(v) => placed.push(v),
            None if in_tree => missed.push(plan.clone()),
            None => {}
        }
    }
    (placed, missed)
}
