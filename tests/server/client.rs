//! The scripted client: `growth server` started in a fixture directory, framed JSON written
//! to it, and its frames read back with a timeout, so a server that hangs fails the test.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tempfile::TempDir;

/// How long any one answer may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub const TODAY: &str = "2026-03-01";

pub const CONFIG: &str = "ladder: ladder.yaml\n";

pub const LADDER: &str = "levels:
  - { id: engineer, name: Engineer }
  - { id: senior-engineer, name: Senior Engineer }
competencies:
  - id: incident-response
    area: operations
    expectations:
      engineer: joins incidents
      senior-engineer: leads incidents
";

/// A plan with a vague title (GR201), a misspelt key (GR002) and a slash date (GR004).
pub const PLAN: &str = "---
owner: Jane Doe
role: engineer
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: A calm on-call for the whole team
---

## Goal: Get better at system design

```yaml
id: design
mesure: I review 3 designs
due: 2026/05/31
competency: incident-response
why: the team needs reviewers
status: active
```

### Actions
- [ ] Review the billing design

### Check-ins
- 2026-02-20 reviewed the billing design
";

/// The findings of [`PLAN`] as `CODE start-end severity`, positions 0-based (LSP's).
pub const PLAN_FINDINGS: [&str; 3] = [
    "GR201 7:9-7:36 2 the goal is vague: \"get better at\" with nothing concrete\nhelp: say what you will be able to do, deliver or show, e.g. a number or a deliverable",
    "GR002 11:0-11:6 1 unknown goal key `mesure`\nhelp: did you mean `measure`?",
    "GR004 12:5-12:15 1 `2026/05/31` is not a date in the form YYYY-MM-DD\nhelp: write dates as YYYY-MM-DD, e.g. 2026-06-30",
];

/// A directory (not in git) with a config, a ladder and `plans/jane.md`; it is HOME too,
/// so nothing outside it is read.
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = TempDir::new().expect("a temporary directory");
        std::fs::create_dir(dir.path().join("plans")).expect("plans/");
        std::fs::write(dir.path().join("growth.yaml"), CONFIG).expect("the config");
        std::fs::write(dir.path().join("ladder.yaml"), LADDER).expect("the ladder");
        std::fs::write(dir.path().join("plans/jane.md"), PLAN).expect("the plan");
        Fixture { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn uri(&self, rel: &str) -> String {
        uri_of(&self.path(rel))
    }

    pub fn server(&self) -> Server {
        Server::start(self.dir.path(), self.dir.path(), TODAY)
    }

    pub fn growth(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("growth").expect("the growth binary");
        cmd.current_dir(self.dir.path())
            .env("HOME", self.dir.path())
            .env("GROWTH_TODAY", TODAY)
            .env("NO_COLOR", "1");
        cmd
    }
}

pub fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// `growth server` and the frames it has sent that no one has looked at yet.
pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    frames: Receiver<Value>,
    pub unread: VecDeque<Value>,
}

impl Server {
    pub fn start(dir: &Path, home: &Path, today: &str) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("growth"))
            .arg("server")
            .current_dir(dir)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home)
            .env("GROWTH_CACHE_DIR", home.join("cache"))
            .env("GROWTH_TODAY", today)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("growth server starts");
        let stdout = child.stdout.take().expect("its standard output");
        let (tx, frames) = mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(frame) = read_frame(&mut out) {
                if tx.send(frame).is_err() {
                    break;
                }
            }
        });
        Server {
            stdin: child.stdin.take(),
            child,
            frames,
            unread: VecDeque::new(),
        }
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("standard input still open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("a header");
        stdin.write_all(body).expect("a body");
        stdin.flush().expect("flushed");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(body.to_string().as_bytes());
    }

    /// Sends a request and returns the whole response to it.
    pub fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(body.to_string().as_bytes());
        self.expect(|f| f.get("id") == Some(&json!(id)) && f.get("method").is_none())
    }

    /// The result of a request that must succeed.
    pub fn result(&mut self, id: i64, method: &str, params: Value) -> Value {
        let response = self.request(id, method, params);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The first frame (sent earlier or still to come) that `wanted` accepts.
    pub fn expect(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unread.iter().position(&wanted) {
            return self.unread.remove(i).expect("the frame");
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let frame = self.frames.recv_timeout(left).unwrap_or_else(|_| {
                panic!("no answer within {PATIENCE:?}; unread: {:?}", self.unread)
            });
            if wanted(&frame) {
                return frame;
            }
            self.unread.push_back(frame);
        }
    }

    /// The next frame, which must be a publishDiagnostics for `uri`.
    pub fn next_diagnostics(&mut self, uri: &str) -> Value {
        assert!(self.unread.is_empty(), "frames before: {:?}", self.unread);
        let frame = self.expect(|_| true);
        assert_eq!(
            frame["method"], "textDocument/publishDiagnostics",
            "{frame}"
        );
        assert_eq!(frame["params"]["uri"], uri, "{frame}");
        frame["params"].clone()
    }

    pub fn initialize(&mut self) -> Value {
        let result = self.result(1, "initialize", json!({"capabilities": {}}));
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, uri: &str, text: &str) -> Value {
        let language = if uri.ends_with(".md") {
            "markdown"
        } else {
            "yaml"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.next_diagnostics(uri)
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Closes standard input after the last message and waits for the exit status.
    pub fn status(mut self) -> i32 {
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("a status") {
                return status.code().expect("an exit code");
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn read_frame(out: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    out.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("the server sends JSON"))
}

/// Published diagnostics as `CODE line:char-line:char severity message`.
pub fn findings(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            assert_eq!(d["source"], "growth");
            let r = &d["range"];
            format!(
                "{} {}:{}-{}:{} {} {}",
                d["code"].as_str().expect("a code"),
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"],
                d["severity"],
                d["message"].as_str().expect("a message"),
            )
        })
        .collect()
}

pub fn codes(params: &Value) -> Vec<String> {
    findings(params)
        .iter()
        .map(|f| f.split(' ').next().expect("a code").to_string())
        .collect()
}

pub fn at(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

pub fn position_params(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": at(line, character)})
}

/// The text with LSP text edits applied (ASCII text: characters are bytes).
pub fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().expect("a line") as usize;
        let character = p["character"].as_u64().expect("a character") as usize;
        text.split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + character
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("new text"),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}
