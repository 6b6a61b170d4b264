//! Plan versions read and parsed on other threads while the walk compares the next commits'
//! trees: the walk is a pipeline, not a tree diff waiting on a parse waiting on a tree diff.
//!
//! Each worker opens the repository for itself (a libgit2 repository is not shared between
//! threads) and answers jobs of blob ids with parsed versions. A blob a worker cannot read is
//! answered as unreadable, and the commit that needs it reads it itself, so it is skipped and
//! named exactly as without workers.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Mutex;

use git2::{Oid, Repository};

use crate::plan::{self, Plan};
use crate::problem::ProblemKind;
use crate::source;

/// Blobs to read and parse, for the chunk of commits `chunk`.
pub(super) struct Job {
    pub chunk: usize,
    pub blobs: Vec<(Oid, String)>,
}

/// A job's answer: each version it could read, with its size in bytes.
pub(super) struct Done {
    pub chunk: usize,
    pub versions: Vec<(Oid, Result<Plan, String>, usize)>,
}

/// Answers jobs until there are no more.
pub(super) fn work(git_dir: &Path, jobs: &Mutex<Receiver<Job>>, done: &Sender<Done>) {
    let repo = Repository::open(git_dir).ok();
    loop {
        let job = match jobs.lock() {
            Ok(jobs) => jobs.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        let chunk = job.chunk;
        // A parse that panics answers nothing: the walk then parses that version itself, on
        // its own thread, where the panic is reported as every other one is.
        let versions = match &repo {
            Some(repo) => {
                catch_unwind(AssertUnwindSafe(|| read(repo, job.blobs))).unwrap_or_default()
            }
            None => Vec::new(),
        };
        if done.send(Done { chunk, versions }).is_err() {
            return;
        }
    }
}

fn read(repo: &Repository, blobs: Vec<(Oid, String)>) -> Vec<(Oid, Result<Plan, String>, usize)> {
    blobs
        .into_iter()
        .filter_map(|(oid, path)| match blob(repo, oid) {
            Ok(Ok(bytes)) => {
                let size = bytes.len();
                Some((oid, parse_blob(&path, bytes), size))
            }
            Ok(Err(too_large)) => Some((oid, Err(too_large), 0)),
            Err(_) => None,
        })
        .collect()
}

/// A blob's bytes, or why they are not read: its size comes from the object header first,
/// so a huge (or a small but highly compressed) blob is never inflated.
pub(super) fn blob(repo: &Repository, oid: Oid) -> Result<Result<Vec<u8>, String>, git2::Error> {
    let (size, _) = repo.odb()?.read_header(oid)?;
    if size as u64 > source::MAX_FILE_BYTES {
        return Ok(Err(too_large(size as u64)));
    }
    Ok(Ok(repo.find_blob(oid)?.content().to_vec()))
}

pub(super) fn too_large(size: u64) -> String {
    format!(
        "{size} bytes, over the size limit of {} bytes",
        source::MAX_FILE_BYTES
    )
}

/// A plan version, or why it does not parse.
pub(super) fn parse_blob(path: &str, bytes: Vec<u8>) -> Result<Plan, String> {
    if bytes.len() as u64 > source::MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    // The same reading as a file's: binary, not UTF-8, an LFS pointer, each said as such.
    let parsed = plan::parse_bytes(Path::new(path), bytes);
    let fatal = parsed
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::Syntax | ProblemKind::Unreadable));
    match (fatal, parsed.plan) {
        (None, Some(plan)) => Ok(plan),
        (Some(p), _) => {
            let at = parsed.file.position(p.span.start);
            Err(format!(
                "{} at line {}, column {}",
                p.message, at.line, at.column
            ))
        }
        (None, None) => Err("unreadable".into()),
    }
}
