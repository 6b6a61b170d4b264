//! Fixture repositories built with the `git` command line (fixed names, emails and dates, no
//! user config), the `growth` binary run in them, and a compact projection of its events.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Git, Output};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// `GROWTH_TODAY` of every run: "now" for the rules and the uncommitted pseudo-commit.
pub const TODAY: &str = "2026-06-01";

/// Jane's plan: one goal, one open action, one check-in.
pub const JANE: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
---

# Growth plan, first half of 2026

## Goal: Solve production issues on my own

```yaml
id: prod
measure: I solve 25% of the team's production issues
target: 25%
due: 2026-05-31
```

### Actions
- [ ] Take four shadow shifts

### Check-ins
- 2026-01-20 [5%] solved 1 of 20
";

/// Raj's plan: another owner, another goal.
pub const RAJ: &str = "---
owner: Raj Patel
period: { start: 2026-01-01, end: 2026-12-31 }
---

## Goal: Lead the billing retry design review

```yaml
id: billing
measure: the design review ends with 3 agreed decisions
```

### Actions
- [ ] Write the review agenda
";

/// A git repository in `<home>/repo`; `<home>` is HOME for every git and growth run, so no
/// user or system config leaks in, and holds clones next to the repository.
pub struct Repo {
    home: TempDir,
    pub dir: PathBuf,
}

impl Repo {
    pub fn new() -> Repo {
        let repo = Repo::without_git();
        repo.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
        repo
    }

    /// A plain directory, not a git repository (nor inside one).
    pub fn without_git() -> Repo {
        let home = TempDir::new().expect("a temporary directory");
        let dir = home.path().join("repo");
        fs::create_dir(&dir).expect("the directory");
        Repo { home, dir }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// A path next to the repository, for clones.
    pub fn beside(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    pub fn write(&self, path: &str, text: &str) {
        let path = self.dir.join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
        fs::write(path, text).expect("a written file");
    }

    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.dir.join(path)).expect("a readable file")
    }

    /// Replaces `from`, which must occur in the file, with `to`.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    /// Runs git in the repository as jane on 2026-01-01; returns its standard output.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_as(&self.dir, "jane", "2026-01-01", args)
    }

    /// Runs git in `dir` with this author and author/committer date; asserts it succeeds.
    pub fn git_as(&self, dir: &Path, author: &str, date: &str, args: &[&str]) -> String {
        let out = self.run_git(dir, author, date, args);
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs git in the repository and asserts it fails (a merge that conflicts).
    pub fn git_fails(&self, args: &[&str]) {
        let out = self.run_git(&self.dir, "jane", "2026-01-01", args);
        assert!(!out.status.success(), "git {args:?} succeeded");
    }

    fn run_git(&self, dir: &Path, author: &str, date: &str, args: &[&str]) -> Output {
        let stamp = timestamp(date);
        Git::new("git")
            .current_dir(dir)
            .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
            .args(args)
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", "dev@example.com")
            .env("GIT_COMMITTER_NAME", "ci")
            .env("GIT_COMMITTER_EMAIL", "ci@example.com")
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .expect("git runs")
    }

    /// Commits everything in the work tree as jane; returns the commit id.
    pub fn commit(&self, message: &str, date: &str) -> String {
        self.commit_as("jane", message, date)
    }

    pub fn commit_as(&self, author: &str, message: &str, date: &str) -> String {
        self.git(&["add", "-A"]);
        self.git_as(
            &self.dir,
            author,
            date,
            &["commit", "-q", "--allow-empty", "-m", message],
        );
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    /// `growth` run in the repository.
    pub fn growth(&self) -> Command {
        self.growth_in(&self.dir)
    }

    /// `growth` run in `dir`, with this repository's HOME and `GROWTH_TODAY`.
    pub fn growth_in(&self, dir: &Path) -> Command {
        let mut cmd = Command::cargo_bin("growth").expect("the growth binary");
        cmd.current_dir(dir)
            .env("GROWTH_TODAY", TODAY)
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home())
            .env("GROWTH_CACHE_DIR", self.home().join("cache"))
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        cmd
    }

    /// `growth history --format json ARGS` in the repository, validated against the schema.
    pub fn history(&self, args: &[&str]) -> Value {
        history_in(self.growth(), args)
    }
}

/// `growth history --format json ARGS` with `cmd`: exit 0, a document valid against
/// `schema/history.schema.json`.
pub fn history_in(cmd: Command, args: &[&str]) -> Value {
    let doc = json_of(cmd, &[&["history", "--format", "json"], args].concat());
    assert_valid(&doc);
    doc
}

/// The JSON document `cmd ARGS` prints; the run must exit 0.
pub fn json_of(mut cmd: Command, args: &[&str]) -> Value {
    let out = cmd.args(args).output().expect("growth runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "growth {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("growth prints JSON")
}

/// `growth lint --format json --exit-zero ARGS` run in `dir`.
pub fn lint_in(repo: &Repo, dir: &Path, args: &[&str]) -> Value {
    json_of(
        repo.growth_in(dir),
        &[&["lint", "--format", "json", "--exit-zero"], args].concat(),
    )
}

impl Repo {
    /// `growth ARGS` in the repository with its address space capped at `bytes` (by
    /// util-linux's `prlimit`), so a run that would allocate without bound fails instead of
    /// taking the machine; `None` where there is no `prlimit`.
    pub fn growth_capped(&self, bytes: u64, args: &[&str]) -> Option<Output> {
        let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"]
            .into_iter()
            .find(|p| Path::new(p).exists())?;
        let out = Git::new(prlimit)
            .arg(format!("--as={bytes}"))
            .arg("--")
            .arg(assert_cmd::cargo::cargo_bin("growth"))
            .args(args)
            .current_dir(&self.dir)
            .env("GROWTH_TODAY", TODAY)
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home())
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("prlimit runs growth");
        Some(out)
    }
}

/// `2026-01-20` → `2026-01-20T10:00:00+00:00`; full timestamps stay as they are.
fn timestamp(date: &str) -> String {
    if date.len() == 10 {
        format!("{date}T10:00:00+00:00")
    } else {
        date.to_string()
    }
}

// ----------------------------------------------------------------------- the projection

/// One event as a line: `date author path goal event key=value…`, the date in the author's
/// time zone, `-` for no goal, the kind's own fields sorted by name, and `plan=` only when
/// the plan's path now differs from its path at the time.
pub fn line(event: &Value) -> String {
    let commit = &event["commit"];
    let time = commit["time"].as_str().expect("a commit time");
    let mut out = format!(
        "{} {} {} {} {}",
        &time[..10],
        commit["author"].as_str().expect("an author"),
        event["path"].as_str().expect("a path"),
        event["goal"].as_str().unwrap_or("-"),
        event["event"].as_str().expect("an event kind"),
    );
    let mut fields: Vec<(&String, &Value)> = event
        .as_object()
        .expect("an event object")
        .iter()
        .filter(|(k, v)| match k.as_str() {
            "commit" | "path" | "goal" | "event" => false,
            "plan" => *v != &event["path"],
            _ => true,
        })
        .collect();
    fields.sort_by_key(|(k, _)| k.as_str());
    for (key, value) in fields {
        match value.as_str() {
            Some(s) => out.push_str(&format!(" {key}={s}")),
            None => out.push_str(&format!(" {key}={value}")),
        }
    }
    out
}

pub fn events(doc: &Value) -> &Vec<Value> {
    doc["events"].as_array().expect("an events array")
}

pub fn lines(doc: &Value) -> Vec<String> {
    events(doc).iter().map(line).collect()
}

/// The events, projected, are exactly `expected`, in order.
#[track_caller]
pub fn assert_events(doc: &Value, expected: &[&str]) {
    let actual = lines(doc);
    if actual != expected {
        panic!(
            "the events differ\n--- expected\n{}\n--- actual\n{}\n",
            expected.join("\n"),
            actual.join("\n")
        );
    }
}

// ------------------------------------------------------------------------------ schema

pub fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/history.schema.json");
    let text = fs::read_to_string(&path).expect("schema/history.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The document validates against `schema/history.schema.json` (formats included); on
/// failure, names each event that does not.
#[track_caller]
pub fn assert_valid(doc: &Value) {
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles");
    if validator.is_valid(doc) {
        return;
    }
    let mut failures: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("at {}: {e}", e.instance_path().as_str()))
        .collect();
    for event in events(doc) {
        let single =
            serde_json::json!({"version": 1, "commits": 0, "notes": [], "events": [event]});
        if !validator.is_valid(&single) {
            failures.push(format!("invalid event: {event}"));
        }
    }
    panic!(
        "the history does not match its schema:\n{}",
        failures.join("\n")
    );
}

/// The findings of `growth lint --format json --exit-zero ARGS` run in `dir` whose code
/// starts with `prefix`, as `CODE line:column message`.
pub fn findings_in(repo: &Repo, dir: &Path, prefix: &str, args: &[&str]) -> Vec<String> {
    lint_in(repo, dir, args)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with(prefix)))
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d["code"].as_str().unwrap_or(""),
                d["start"]["line"],
                d["start"]["column"],
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Adds `entry` as the first check-in of `plans/jane.md`.
pub fn check_in(repo: &Repo, entry: &str) {
    repo.edit(
        "plans/jane.md",
        "### Check-ins\n",
        &format!("### Check-ins\n- {entry}\n"),
    );
}

/// `line:column` (1-based) of the first `needle` in `text`.
pub fn position(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
    format!("{line}:{column}")
}

/// The abbreviated commit id growth shows.
pub fn short(id: &str) -> &str {
    &id[..7]
}
