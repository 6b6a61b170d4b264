//! Which files are plans.
//!
//! With no paths: every file under the config's directory matching the plan globs (by default
//! `plans/**/*.{md,yaml,yml}` and `**/*.plan.{md,yaml,yml}`), honouring `.gitignore`, skipping
//! hidden files and documents such as README.md. A directory given on the command line is
//! searched the same way; a file given on the command line is taken as it is.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::config::Config;

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

/// The plan files for `paths` (or the config's directory when empty), sorted and deduplicated.
pub fn plan_files(config: &Config, paths: &[PathBuf]) -> Result<Vec<PathBuf>, DiscoverError> {
    let globs = compile(&config.plans)?;
    let mut files = Vec::new();
    let roots: Vec<PathBuf> = if paths.is_empty() {
        vec![config.root.clone()]
    } else {
        paths.to_vec()
    };
    for root in &roots {
        if root.is_dir() {
            walk(root, config, &globs, &mut files)?;
        } else if root.exists() {
            // Files, and anything else that can be read (a FIFO, a device): taken as given.
            files.push(root.clone());
        } else {
            return Err(DiscoverError::NotFound(root.clone()));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
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

fn walk(
    dir: &Path,
    config: &Config,
    globs: &GlobSet,
    files: &mut Vec<PathBuf>,
) -> Result<(), DiscoverError> {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = entry.map_err(|source| DiscoverError::Walk {
            path: dir.to_path_buf(),
            source,
        })?;
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        // Globs are relative to the config's directory when the file is under it, else to
        // the directory being searched.
        // Globs are relative to the config's directory; a directory searched below or beside
        // it is also tried as a root of its own (`growth lint some/other/repo`), and as the
        // `plans/` directory itself (`growth lint plans/` where there is no config or git).
        let from_root = relative_to(path, &config.root);
        let from_dir = path.strip_prefix(dir).ok();
        let from_parent = dir.parent().and_then(|p| path.strip_prefix(p).ok());
        let matches = from_root.is_some_and(|r| globs.is_match(r))
            || from_dir.is_some_and(|r| globs.is_match(r))
            || from_parent.is_some_and(|r| globs.is_match(r));
        if matches && !is_document(path) {
            files.push(clean(path));
        }
    }
    Ok(())
}

fn relative_to(path: &Path, root: &Path) -> Option<PathBuf> {
    if let Ok(rel) = path.strip_prefix(root) {
        return Some(rel.to_path_buf());
    }
    let abs_path = std::path::absolute(path).ok()?;
    let abs_root = std::path::absolute(root).ok()?;
    abs_path.strip_prefix(abs_root).ok().map(Path::to_path_buf)
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

/// `./plans/a.md` → `plans/a.md`, for shorter and stable output.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
