//! `-o FILE`: where a command's output goes when it is not standard output.
//!
//! `growth` never changes a user's files except by the commands whose job is to write, so
//! `-o` refuses every file the run reads or could read as a plan: a plan being read, any other
//! existing plan of the workspace, the config and the ladder (compared as canonical paths and,
//! on Unix, as the same file, which catches hard links). It refuses anything that is not a
//! regular file too: writing a report "into" a FIFO or a device is never what was meant, and
//! replacing `/dev/null` with a file would be worse. The refusal comes before any work, so a
//! mistyped `-o` costs nothing.
//!
//! The output itself is written to a temporary file in the same directory and renamed over
//! the target, so a reader (or a crash) sees the old file or the new one, never half of one.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{bail, Context as _};

use crate::workspace::Workspace;

/// The target of `-o`, checked.
#[derive(Debug)]
pub struct Output {
    /// As given on the command line, for messages.
    given: PathBuf,
    /// Where the bytes go: the canonical path (a symbolic link is followed, and stays).
    target: PathBuf,
    /// The file that is there now, if any.
    existing: Option<fs::Metadata>,
}

impl Output {
    /// Checks that `path` can be written as an output file at all: an existing regular file
    /// (or a link to one), or a new name in an existing directory.
    pub fn new(path: &Path) -> anyhow::Result<Output> {
        let given = path.to_path_buf();
        match fs::metadata(path) {
            Ok(meta) => {
                if !meta.is_file() {
                    bail!(
                        "-o {} is {}, not a regular file; choose another file",
                        path.display(),
                        kind(&meta)
                    );
                }
                let target = fs::canonicalize(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(Output {
                    given,
                    target,
                    existing: Some(meta),
                })
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if fs::symlink_metadata(path).is_ok() {
                    bail!(
                        "-o {} is a symbolic link to nothing; choose another file",
                        path.display()
                    );
                }
                let Some(name) = path.file_name() else {
                    bail!("-o {} names no file; choose a file name", path.display());
                };
                let dir = match path.parent() {
                    Some(dir) if !dir.as_os_str().is_empty() => dir,
                    _ => Path::new("."),
                };
                let dir = fs::canonicalize(dir).with_context(|| {
                    format!(
                        "cannot write {}: the directory {} is not there",
                        path.display(),
                        dir.display()
                    )
                })?;
                Ok(Output {
                    given,
                    target: dir.join(name),
                    existing: None,
                })
            }
            Err(err) => {
                Err(anyhow::Error::new(err).context(format!("cannot write {}", path.display())))
            }
        }
    }

    /// Refuses the target when it is one of the files `ws` reads, or a plan of `ws`.
    pub fn check(&self, ws: &Workspace) -> anyhow::Result<()> {
        let Some(existing) = &self.existing else {
            // A file that is not there yet is no input and no plan.
            return Ok(());
        };
        let shown = self.given.display();
        if ws.plans.is_plan(&self.target) {
            if ws.plans.selects(&self.target) {
                bail!("-o {shown} is one of the plans being read; choose another file");
            }
            bail!("-o {shown} is an existing plan; choose another file");
        }
        let named = [
            (ws.config.path.as_deref(), "the config"),
            (ws.config.ladder.as_deref(), "the ladder"),
        ];
        for (path, what) in named {
            if path.is_some_and(|p| same_file(p, &self.target, existing)) {
                bail!("-o {shown} is {what} being read; choose another file");
            }
        }
        // Another name for a plan (a hard link) is only possible when the file has several.
        if links(existing) > 1 {
            for plan in ws.plan_files().files {
                if same_file(&plan.path, &self.target, existing) {
                    bail!(
                        "-o {shown} is the same file as the plan {}; choose another file",
                        plan.shown.display()
                    );
                }
            }
        }
        Ok(())
    }

    /// A new file for a command that never overwrites (`import -o NEW`): refused when
    /// anything is at `path` already.
    pub fn new_file(path: &Path) -> anyhow::Result<Output> {
        if fs::symlink_metadata(path).is_ok() {
            bail!(
                "{} already exists; growth never overwrites it: choose a new file",
                path.display()
            );
        }
        Output::new(path)
    }

    /// Writes `bytes` as a new file, atomically and without replacing one that appeared
    /// meanwhile: the complete temporary file is linked under the target's name, which fails
    /// if the name is taken.
    pub fn write_new(&self, bytes: &[u8]) -> anyhow::Result<()> {
        let context = || format!("cannot write {}", self.given.display());
        let temp = temp_path(&self.target);
        let written =
            write_temp(&temp, bytes, None).and_then(|()| fs::hard_link(&temp, &self.target));
        let _ = fs::remove_file(&temp);
        match written {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => bail!(
                "{} already exists; growth never overwrites it: choose a new file",
                self.given.display()
            ),
            Err(err) => Err(anyhow::Error::new(err).context(context())),
        }
    }

    /// Writes `bytes` to the target atomically: a temporary file in the same directory,
    /// renamed over the target once it is complete. The file keeps the permissions it had.
    pub fn write(&self, bytes: &[u8]) -> anyhow::Result<()> {
        let context = || format!("cannot write {}", self.given.display());
        let temp = temp_path(&self.target);
        let written = write_temp(&temp, bytes, self.existing.as_ref());
        if let Err(err) = written {
            let _ = fs::remove_file(&temp);
            return Err(anyhow::Error::new(err).context(context()));
        }
        // What is at the target now must still be a regular file (or nothing): it may have
        // changed while the report was being made.
        if let Ok(meta) = fs::symlink_metadata(&self.target) {
            if !meta.is_file() {
                let _ = fs::remove_file(&temp);
                bail!(
                    "-o {} became {} while growth ran; nothing written",
                    self.given.display(),
                    kind(&meta)
                );
            }
        }
        fs::rename(&temp, &self.target).map_err(|err| {
            let _ = fs::remove_file(&temp);
            anyhow::Error::new(err).context(context())
        })
    }
}

/// `.report.html.growth-1234-0.tmp` next to `report.html`: hidden, and unique within and
/// across runs.
/// Writes `bytes` to a new temporary file, synced to disk, with the permissions of the file
/// it will replace (if any), ready to be renamed or linked into place.
fn write_temp(temp: &Path, bytes: &[u8], replaces: Option<&fs::Metadata>) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    if let Some(existing) = replaces {
        fs::set_permissions(temp, existing.permissions())?;
    }
    Ok(())
}

fn temp_path(target: &Path) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.growth-{}-{n}.tmp", std::process::id()))
}

/// What a file that is not a regular one is, for messages.
fn kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// Whether `path` is the target: the same canonical path or, on Unix, the same file.
fn same_file(path: &Path, target: &Path, target_meta: &fs::Metadata) -> bool {
    if crate::paths::canonical(path) == target {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let Ok(meta) = fs::metadata(path) {
            return meta.dev() == target_meta.dev() && meta.ino() == target_meta.ino();
        }
    }
    let _ = target_meta;
    false
}

/// How many names the file has (1 where that cannot be known).
fn links(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_file_whole_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        fs::write(&path, "old, and longer than the new").unwrap();
        Output::new(&path).unwrap().write(b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["report.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_permissions_of_the_file_are_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        Output::new(&path).unwrap().write(b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        Output::new(&link).unwrap().write(b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn only_regular_files_and_new_names_in_existing_directories() {
        let dir = tempfile::tempdir().unwrap();
        let err = Output::new(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("is a directory, not a regular file; choose another file"),
            "{err}"
        );
        let missing = dir.path().join("no/such/dir/report.md");
        let err = format!("{:#}", Output::new(&missing).unwrap_err());
        assert!(err.contains("is not there"), "{err}");
        assert!(Output::new(&dir.path().join("new.md")).is_ok());
        #[cfg(unix)]
        {
            let err = Output::new(Path::new("/dev/null")).unwrap_err().to_string();
            assert_eq!(
                err,
                "-o /dev/null is a device, not a regular file; choose another file"
            );
            let dangling = dir.path().join("dangling");
            std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).unwrap();
            let err = Output::new(&dangling).unwrap_err().to_string();
            assert!(
                err.ends_with("is a symbolic link to nothing; choose another file"),
                "{err}"
            );
        }
    }
}
