//! One rule for paths, inside and out.
//!
//! Inside, every path is absolute and canonical (symbolic links resolved where the file
//! exists), so that a plan found by walking a directory, a plan named on the command line and
//! a plan seen in a git tree compare equal whatever directory `growth` runs from. Outside,
//! every path is shown relative to the current directory, as ripgrep and ruff show them: a
//! file below it as `plans/jane.md`, a file elsewhere in the same tree as `../bob/plan.md`,
//! and a file with nothing in common but `/` absolute.

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// An absolute path with `.` and `..` resolved lexically, without touching the file system
/// (the file may no longer exist, as a plan's path at an old commit).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The canonical form of an existing path; the lexical [`absolute`] form otherwise.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| absolute(path))
}

/// How to show an absolute path to the person running `growth`: relative to the current
/// directory (`.` for the directory itself).
pub fn shown(path: &Path) -> PathBuf {
    shown_from(path, cwd())
}

/// [`shown`], from a given directory (for tests and for callers with their own base).
pub fn shown_from(path: &Path, base: &Path) -> PathBuf {
    if !path.is_absolute() {
        return path.to_path_buf();
    }
    if let Ok(rel) = path.strip_prefix(base) {
        return if rel.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            rel.to_path_buf()
        };
    }
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    // Sharing only the file-system root says nothing: `../../../tmp/x` reads worse than `/tmp/x`.
    if common <= 1 {
        return path.to_path_buf();
    }
    let ups = base.components().count() - common;
    let mut out: PathBuf = std::iter::repeat_n("..", ups).collect();
    out.extend(path.components().skip(common));
    out
}

/// The current directory, canonical, read once: every path of a run is shown from the same
/// place.
fn cwd() -> &'static Path {
    static CWD: OnceLock<PathBuf> = OnceLock::new();
    CWD.get_or_init(|| {
        std::env::current_dir()
            .and_then(std::fs::canonicalize)
            .unwrap_or_else(|_| PathBuf::from("/"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_relative_to_the_base() {
        let base = Path::new("/repo/plans/alice");
        let show = |p: &str| shown_from(Path::new(p), base);
        assert_eq!(show("/repo/plans/alice/2026.md"), Path::new("2026.md"));
        assert_eq!(show("/repo/plans/alice"), Path::new("."));
        assert_eq!(show("/repo/plans/bob/2026.md"), Path::new("../bob/2026.md"));
        assert_eq!(show("/repo/growth.yaml"), Path::new("../../growth.yaml"));
        assert_eq!(show("/tmp/x.md"), Path::new("/tmp/x.md"));
        assert_eq!(show("rel/x.md"), Path::new("rel/x.md"));
    }

    #[test]
    fn absolute_resolves_dots_lexically() {
        assert_eq!(
            absolute(Path::new("/repo/plans/alice/../../growth.yaml")),
            Path::new("/repo/growth.yaml")
        );
        assert_eq!(
            absolute(Path::new("/repo/./plans/")),
            Path::new("/repo/plans")
        );
    }
}
