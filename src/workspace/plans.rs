//! Which files are plans, and which of them the command line asked for.
//!
//! One predicate, [`PlanSet::is_plan`], decides what a plan is, for the files found by walking
//! a directory and for the paths seen in git trees alike, so `lint`, `report` and `history`
//! cannot disagree. A file is a plan when its path relative to a *base* matches the plan
//! globs (by default `plans/**/*.{md,yaml,yml}` and `**/*.plan.{md,yaml,yml}`) and it is not
//! a document such as README.md:
//!
//! - the config's root (the directory of `growth.yaml`; without one, the git root);
//! - without a config, a directory named on the command line and each of its ancestors, so
//!   `growth lint examples/personal` finds `examples/personal/plans/…` and, outside git,
//!   `growth lint plans/team-a` finds the plans in it, wherever it is run from; the same for
//!   a named directory outside the config's root;
//! - with no config and no git at all, the ancestors of the root (the current directory);
//! - a file named on the command line is taken as it is.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::paths;

/// Files that are documentation, not plans, even where the globs match them.
const NOT_PLANS: &[&str] = &[
    "readme",
    "changelog",
    "contributing",
    "license",
    "code_of_conduct",
    "security",
];

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
    #[error("{0}: a symbolic link that leads nowhere (a loop, or its target is missing)")]
    BrokenLink(PathBuf),
    #[error("invalid plan glob `{glob}`: {source}")]
    Glob {
        glob: String,
        source: globset::Error,
    },
    #[error("cannot list {path}: {source}")]
    Walk {
        path: PathBuf,
        source: ignore::Error,
    },
}

/// What a search found: the plan files, and the places it could not read (each reported,
/// none stopping the run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub files: Vec<PlanFile>,
    pub unreadable: Vec<Unreadable>,
}

/// A directory or file the search could not read, and why, in a few words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Shown relative to the current directory.
    pub shown: PathBuf,
    pub reason: String,
}

/// A plan file: where it is, and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlanFile {
    /// Relative to the current directory (see [`crate::paths`]); also the path to read.
    pub shown: PathBuf,
    /// Absolute and canonical: the key history and selection use.
    pub path: PathBuf,
}

/// The plans of one workspace and the selection the command line made.
#[derive(Debug, Clone)]
pub struct PlanSet {
    globs: GlobSet,
    /// The config's root, canonical.
    root: PathBuf,
    /// No config file: named directories are bases too.
    defaults: bool,
    /// No config and no git: the root's ancestors are bases too.
    loose_root: bool,
    /// Directories named on the command line, canonical.
    dirs: Vec<PathBuf>,
    /// Files named on the command line, canonical.
    files: Vec<PathBuf>,
    /// The same files as given (made absolute, links kept), for showing them as named.
    named_files: Vec<PathBuf>,
}

impl PlanSet {
    /// What decides [`PlanSet::is_plan`], given the globs it was made from: cached history
    /// walks are keyed by it.
    pub fn plan_key(&self, globs: &[String]) -> String {
        format!(
            "{globs:?}\n{}\n{}\n{:?}",
            self.root.display(),
            self.loose_root,
            self.files
        )
    }

    /// The plan set for `globs` under `root`, selecting `named` (every plan when empty).
    /// A named path that does not exist is an error.
    pub fn new(
        globs: &[String],
        root: &Path,
        (defaults, loose_root): (bool, bool),
        named: &[PathBuf],
    ) -> Result<PlanSet, DiscoverError> {
        let mut set = PlanSet {
            globs: compile(globs)?,
            root: paths::canonical(root),
            defaults,
            loose_root,
            dirs: Vec::new(),
            files: Vec::new(),
            named_files: Vec::new(),
        };
        for path in named {
            if path.is_dir() {
                set.dirs.push(paths::canonical(path));
            } else if path.exists() {
                // Files, and anything else that can be read (a FIFO, a device).
                set.files.push(paths::canonical(path));
                set.named_files.push(paths::absolute(path));
            } else if path.symlink_metadata().is_ok() {
                return Err(DiscoverError::BrokenLink(path.clone()));
            } else {
                return Err(DiscoverError::NotFound(path.clone()));
            }
        }
        Ok(set)
    }

    /// The config's root, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the file at `path` (absolute) is a plan of this workspace.
    pub fn is_plan(&self, path: &Path) -> bool {
        if self.files.iter().any(|f| f == path) {
            return true;
        }
        if is_document(path) {
            return false;
        }
        let matches_from = |base: &Path| {
            path.strip_prefix(base)
                .is_ok_and(|rel| self.globs.is_match(rel))
        };
        let below_root = path.starts_with(&self.root);
        if below_root
            && (matches_from(&self.root)
                || (self.loose_root && self.root.ancestors().skip(1).any(matches_from)))
        {
            return true;
        }
        self.dirs
            .iter()
            .filter(|d| path.starts_with(d) && (self.defaults || !d.starts_with(&self.root)))
            .any(|d| d.ancestors().any(matches_from))
    }

    /// Whether the command line asked for the plan at `path` (absolute): every plan when it
    /// named nothing, else the plans under a named directory and the named files.
    pub fn selects(&self, path: &Path) -> bool {
        (self.dirs.is_empty() && self.files.is_empty())
            || self.dirs.iter().any(|d| path.starts_with(d))
            || self.files.iter().any(|f| f == path)
    }

    /// The selected plan files, sorted and deduplicated, and what could not be read.
    pub fn files(&self) -> Found {
        let mut found = Vec::new();
        let mut unreadable = Vec::new();
        if self.dirs.is_empty() && self.files.is_empty() {
            self.walk(&self.root, &mut found, &mut unreadable);
        }
        for dir in &self.dirs {
            self.walk(dir, &mut found, &mut unreadable);
        }
        let named = self.files.iter().zip(&self.named_files);
        let mut found: Vec<PlanFile> = found
            .into_iter()
            .filter(|path| !self.files.contains(path))
            .map(|path| PlanFile {
                shown: paths::shown(&path),
                path,
            })
            .chain(named.map(|(path, given)| PlanFile {
                shown: paths::shown(given),
                path: path.clone(),
            }))
            .collect();
        found.sort();
        found.dedup();
        unreadable.sort_by(|a: &Unreadable, b| a.shown.cmp(&b.shown));
        unreadable.dedup();
        Found {
            files: found,
            unreadable,
        }
    }

    /// A description of what was searched, for "no plan files found under …".
    pub fn searched(&self) -> String {
        let dirs: Vec<String> = if self.dirs.is_empty() {
            vec![paths::shown(&self.root).display().to_string()]
        } else {
            self.dirs
                .iter()
                .map(|d| paths::shown(d).display().to_string())
                .collect()
        };
        dirs.join(", ")
    }

    /// Walks `dir`; a directory that cannot be read (permissions, a loop of links, a path
    /// too long for the system) is noted and the walk goes on. Links are followed, so a
    /// `plans/` that is a link to the real directory is searched.
    fn walk(&self, dir: &Path, found: &mut Vec<PathBuf>, unreadable: &mut Vec<Unreadable>) {
        let walker = ignore::WalkBuilder::new(dir)
            .hidden(true)
            .require_git(false)
            .follow_links(true)
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    if entry.file_type().is_some_and(|t| t.is_file()) && self.is_plan(entry.path())
                    {
                        found.push(entry.into_path());
                    }
                }
                Err(err) => unreadable.push(unreadable_entry(dir, &err)),
            }
        }
    }
}

/// Where a walk error happened and why, short: the path and the operating system's reason,
/// not the error's whole chain (which repeats a path that may be thousands of bytes long).
fn unreadable_entry(dir: &Path, err: &ignore::Error) -> Unreadable {
    fn parts(err: &ignore::Error) -> (Option<&Path>, String) {
        match err {
            ignore::Error::WithPath { path, err } => (Some(path.as_path()), parts(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                parts(err)
            }
            ignore::Error::Loop { child, .. } => (
                Some(child.as_path()),
                "a loop of symbolic links".to_string(),
            ),
            ignore::Error::Io(io) => (None, io_reason(io)),
            other => (None, other.to_string()),
        }
    }
    let (path, reason) = parts(err);
    Unreadable {
        shown: paths::shown(path.unwrap_or(dir)),
        reason,
    }
}

/// The operating system's reason in a few words.
fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::InvalidFilename => "the path is longer than the system allows".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        kind => kind.to_string(),
    }
}

/// The plan globs as one matcher (`*` does not cross `/`).
pub fn compile(globs: &[String]) -> Result<GlobSet, DiscoverError> {
    let mut set = GlobSetBuilder::new();
    for glob in globs {
        let compiled = GlobBuilder::new(glob)
            .literal_separator(true)
            .build()
            .map_err(|source| DiscoverError::Glob {
                glob: glob.clone(),
                source,
            })?;
        set.add(compiled);
    }
    set.build().map_err(|source| DiscoverError::Glob {
        glob: globs.join(", "),
        source,
    })
}

/// Whether a file is documentation (README, CHANGELOG, …) rather than a plan.
pub fn is_document(path: &Path) -> bool {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .unwrap_or("")
        .to_ascii_lowercase();
    NOT_PLANS.contains(&stem.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(root: &str, loose: bool, dirs: &[&str]) -> PlanSet {
        set_with(root, loose, loose, dirs)
    }

    fn set_with(root: &str, defaults: bool, loose: bool, dirs: &[&str]) -> PlanSet {
        let globs: Vec<String> = crate::config::DEFAULT_PLAN_GLOBS
            .iter()
            .map(|s| s.to_string())
            .collect();
        PlanSet {
            globs: compile(&globs).unwrap(),
            root: PathBuf::from(root),
            defaults,
            loose_root: loose,
            dirs: dirs.iter().map(PathBuf::from).collect(),
            files: Vec::new(),
            named_files: Vec::new(),
        }
    }

    #[test]
    fn plans_relative_to_the_root() {
        let s = set("/repo", false, &[]);
        assert!(s.is_plan(Path::new("/repo/plans/alice/2026.md")));
        assert!(s.is_plan(Path::new("/repo/team/raj.plan.yaml")));
        assert!(!s.is_plan(Path::new("/repo/plans/README.md")));
        assert!(!s.is_plan(Path::new("/repo/docs/notes.md")));
        // Strict below a config: a `plans/` directory deeper down is not the plans directory.
        assert!(!s.is_plan(Path::new("/repo/docs/plans/x.md")));
    }

    #[test]
    fn loose_roots_try_every_ancestor() {
        let s = set("/tmp/x/plans/team-a", true, &[]);
        assert!(s.is_plan(Path::new("/tmp/x/plans/team-a/alice.md")));
        assert!(s.is_plan(Path::new("/tmp/x/plans/team-a/alice/2026.yaml")));
        assert!(!s.is_plan(Path::new("/tmp/x/plans/team-a/notes.txt")));
    }

    #[test]
    fn without_a_config_a_named_directory_is_a_base() {
        let plan = Path::new("/repo/examples/personal/plans/2026-h1.md");
        assert!(set_with("/repo", true, false, &["/repo/examples/personal"]).is_plan(plan));
        assert!(!set_with("/repo", true, false, &[]).is_plan(plan));
        // A config says what a plan is: below its root, named directories add nothing.
        assert!(!set_with("/repo", false, false, &["/repo/examples/personal"]).is_plan(plan));
        // …but a directory outside its root is searched on its own terms.
        assert!(set_with("/cfg", false, false, &["/repo/examples/personal"]).is_plan(plan));
    }

    #[test]
    fn selection_follows_the_named_directories() {
        let s = set("/repo", false, &["/repo/plans/alice"]);
        assert!(s.selects(Path::new("/repo/plans/alice/2026.md")));
        assert!(!s.selects(Path::new("/repo/plans/alicia/2026.md")));
        assert!(s.is_plan(Path::new("/repo/plans/bob/2026.md")));
    }
}
