//! The harness of the hostile battery: build a case (files, a command), run the real `growth`
//! binary on it under a wall-time and a memory bound, and check what every run must satisfy
//! whatever the input:
//!
//! - it ends by itself within the time bound, with exit status 0, 1 or 2: never a signal
//!   (an abort on allocation failure, a crash), never a Rust panic on standard error;
//! - it stays within the memory bound (`prlimit --as`, from util-linux; without it the
//!   bound is skipped and one note says so);
//! - each output stream stays within the output bound;
//! - text meant for a terminal (standard error always, standard output in the human
//!   formats) carries no raw ESC, BEL or C1 control (U+0080–U+009F).
//!
//! A case is a [`Case`], built step by step:
//!
//! ```ignore
//! let out = Case::new("lint-overwrites-nothing")
//!     .file("plans/jane.md", JANE)
//!     .args(["lint", "-o", "plans/jane.md", "plans/jane.md"])
//!     .code(2)
//!     .run();
//! assert_eq!(out.read("plans/jane.md"), JANE.as_bytes());
//! ```
//!
//! [`Case::run`] checks the invariants and returns an [`Outcome`] for the case's own
//! assertions. Everything happens in a fresh temporary directory that is also `HOME`, so no
//! user config leaks in; `GROWTH_TODAY` is fixed.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// `GROWTH_TODAY` of every run.
pub const TODAY: &str = "2026-03-01";

/// The bounds a case runs under unless it says otherwise.
pub const TIME: Duration = Duration::from_secs(20);
pub const MEMORY: u64 = 1 << 30;
pub const OUTPUT: usize = 1 << 20;

type Setup = Box<dyn FnOnce(&Path)>;

/// One hostile case: the files of its directory and the command to run in it.
pub struct Case {
    name: String,
    files: Vec<(OsString, Vec<u8>)>,
    fifos: Vec<OsString>,
    setups: Vec<Setup>,
    git: bool,
    args: Vec<OsString>,
    cwd: PathBuf,
    env: Vec<(OsString, OsString)>,
    time: Duration,
    memory: u64,
    output: usize,
    code: Option<i32>,
    /// Whether standard output is terminal text (checked for control characters).
    terminal_stdout: Option<bool>,
}

impl Case {
    pub fn new(name: &str) -> Case {
        Case {
            name: name.to_string(),
            files: Vec::new(),
            fifos: Vec::new(),
            setups: Vec::new(),
            git: false,
            args: Vec::new(),
            cwd: PathBuf::new(),
            env: Vec::new(),
            time: TIME,
            memory: MEMORY,
            output: OUTPUT,
            code: None,
            terminal_stdout: None,
        }
    }

    /// A file (directories are made as needed). The path may be any bytes: on Unix, pass an
    /// `OsStr` made with `OsStrExt::from_bytes` for a name that is not UTF-8.
    pub fn file(mut self, path: impl AsRef<OsStr>, content: impl AsRef<[u8]>) -> Case {
        self.files
            .push((path.as_ref().to_os_string(), content.as_ref().to_vec()));
        self
    }

    /// A named pipe nobody writes to: reading it blocks forever.
    pub fn fifo(mut self, path: impl AsRef<OsStr>) -> Case {
        self.fifos.push(path.as_ref().to_os_string());
        self
    }

    /// Anything else to prepare (symbolic links, permissions, repositories), run in the
    /// case's directory after the files are written and before the command.
    pub fn setup(mut self, f: impl FnOnce(&Path) + 'static) -> Case {
        self.setups.push(Box::new(f));
        self
    }

    /// Makes the directory a git repository with everything committed (as jane, on
    /// 2026-01-15), before the setups run.
    pub fn git(mut self) -> Case {
        self.git = true;
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Case
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    /// Runs in this subdirectory of the case's directory.
    pub fn cwd(mut self, dir: &str) -> Case {
        self.cwd = PathBuf::from(dir);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Case {
        self.env.push((key.into(), value.as_ref().to_os_string()));
        self
    }

    pub fn time(mut self, bound: Duration) -> Case {
        self.time = bound;
        self
    }

    /// The address-space bound, in bytes.
    pub fn memory(mut self, bytes: u64) -> Case {
        self.memory = bytes;
        self
    }

    /// The bound on each of standard output and standard error, in bytes.
    pub fn output(mut self, bytes: usize) -> Case {
        self.output = bytes;
        self
    }

    /// The exit status the run must have (any of 0, 1, 2 otherwise).
    pub fn code(mut self, code: i32) -> Case {
        self.code = Some(code);
        self
    }

    /// Says whether standard output is terminal text; by default it is unless `--format`
    /// names a machine format (json, sarif, junit, github, html, markdown).
    pub fn terminal_stdout(mut self, yes: bool) -> Case {
        self.terminal_stdout = Some(yes);
        self
    }

    /// Prepares the directory, runs `growth`, checks the invariants; fails the test with the
    /// case's name and what went wrong.
    pub fn run(self) -> Outcome {
        let home = TempDir::new().expect("a temporary directory");
        let dir = home.path().join("work");
        std::fs::create_dir(&dir).expect("the case directory");
        for (path, content) in &self.files {
            let path = dir.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("directories");
            }
            std::fs::write(&path, content).expect("a file");
        }
        for fifo in &self.fifos {
            let path = dir.join(fifo);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("directories");
            }
            let made = Command::new("mkfifo").arg(&path).status();
            assert!(made.is_ok_and(|s| s.success()), "{}: mkfifo", self.name);
        }
        if self.git {
            commit_all(home.path(), &dir);
        }
        for setup in self.setups {
            setup(&dir);
        }
        let terminal = self.terminal_stdout.unwrap_or_else(|| !machine(&self.args));
        let mut cmd = match memory_bound() {
            Some(prlimit) => {
                let mut cmd = Command::new(prlimit);
                cmd.arg(format!("--as={}", self.memory))
                    .arg("--")
                    .arg(env!("CARGO_BIN_EXE_growth"));
                cmd
            }
            None => Command::new(env!("CARGO_BIN_EXE_growth")),
        };
        cmd.args(&self.args)
            .current_dir(dir.join(&self.cwd))
            .env("GROWTH_TODAY", TODAY)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let started = Instant::now();
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("{}: cannot run growth: {e}", self.name));
        let stdout = drain(child.stdout.take().expect("a pipe"), self.output);
        let stderr = drain(child.stderr.take().expect("a pipe"), self.output);
        let status = loop {
            if let Some(status) = child.try_wait().expect("the child's status") {
                break status;
            }
            if started.elapsed() > self.time {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{}: still running after {:?}; killed (growth {:?})",
                    self.name, self.time, self.args
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let took = started.elapsed();
        let (stdout, stdout_over) = stdout.join().expect("the stdout reader");
        let (stderr, stderr_over) = stderr.join().expect("the stderr reader");
        let out = Outcome {
            name: self.name,
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
            took,
            dir,
            _home: home,
        };
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            status.code().is_some(),
            "{}: ended by a signal ({status}) after {took:?}; stderr:\n{err}",
            out.name
        );
        assert!(
            !err.contains("panicked"),
            "{}: growth panicked:\n{err}",
            out.name
        );
        assert!(
            matches!(out.code, 0..=2),
            "{}: exit status {}; stderr:\n{err}",
            out.name,
            out.code
        );
        if let Some(code) = self.code {
            assert_eq!(
                out.code, code,
                "{}: exit status {} instead of {code}; stderr:\n{err}",
                out.name, out.code
            );
        }
        for (stream, over) in [
            ("standard output", stdout_over),
            ("standard error", stderr_over),
        ] {
            assert!(
                !over,
                "{}: more than {} bytes on {stream}",
                out.name, self.output
            );
        }
        if let Some(at) = control(&out.stderr) {
            panic!("{}: a control character on standard error: {at}", out.name);
        }
        if terminal {
            if let Some(at) = control(&out.stdout) {
                panic!("{}: a control character on standard output: {at}", out.name);
            }
        }
        out
    }
}

/// What a run left: its exit status, its output and its directory (kept until dropped).
pub struct Outcome {
    pub name: String,
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub took: Duration,
    pub dir: PathBuf,
    _home: TempDir,
}

impl Outcome {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Standard output as one JSON document.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "{}: standard output is not JSON ({e}):\n{}",
                self.name,
                self.stdout()
            )
        })
    }

    /// A file of the case's directory, as bytes.
    pub fn read(&self, path: impl AsRef<OsStr>) -> Vec<u8> {
        let path = self.dir.join(path.as_ref());
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {}: {e}", self.name, path.display()))
    }

    /// The names in a directory of the case, sorted.
    pub fn names(&self, dir: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.join(dir))
            .expect("a directory")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

/// Whether the arguments ask for a machine format, whose standard output is not terminal
/// text.
fn machine(args: &[OsString]) -> bool {
    args.windows(2).any(|w| {
        w[0] == "--format"
            && ["json", "sarif", "junit", "github", "html", "markdown"]
                .iter()
                .any(|f| w[1] == *f)
    }) || args.iter().any(|a| {
        a.to_str().is_some_and(|a| {
            a.strip_prefix("--format=")
                .is_some_and(|f| f != "human" && f != "terminal" && f != "text")
        })
    })
}

/// Reads a stream to its end on a thread, keeping at most `cap` bytes; the flag says whether
/// there was more. Reading goes on past the cap, so the child never blocks on a full pipe.
fn drain(mut stream: impl Read + Send + 'static, cap: usize) -> JoinHandle<(Vec<u8>, bool)> {
    std::thread::spawn(move || {
        let (mut kept, mut over) = (Vec::new(), false);
        let mut buf = [0u8; 64 * 1024];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = cap.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                    over |= n > room;
                }
            }
        }
        (kept, over)
    })
}

/// The first raw ESC, BEL or C1 control (U+0080–U+009F, as UTF-8) in `bytes`, described with
/// its offset and what is around it.
fn control(bytes: &[u8]) -> Option<String> {
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        b == 0x1b
            || b == 0x07
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })?;
    let around = &bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())];
    Some(format!("byte {at}: {:?}", String::from_utf8_lossy(around)))
}

/// `prlimit`, when util-linux provides it; `None` (with one note) when not.
fn memory_bound() -> Option<&'static str> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let found = *FOUND.get_or_init(|| {
        let found = Command::new("prlimit")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            eprintln!(
                "hostile: prlimit (util-linux) not found; the cases run without a memory bound"
            );
        }
        found
    });
    found.then_some("prlimit")
}

/// `git init` and one commit of everything, as jane on 2026-01-15, with no user config.
pub fn commit_all(home: &Path, dir: &Path) {
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(dir)
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "jane")
            .env("GIT_AUTHOR_EMAIL", "jane@example.com")
            .env("GIT_COMMITTER_NAME", "jane")
            .env("GIT_COMMITTER_EMAIL", "jane@example.com")
            .env("GIT_AUTHOR_DATE", "2026-01-15T12:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-01-15T12:00:00Z")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "plans"]);
}
