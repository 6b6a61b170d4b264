//! `growth server`: a scripted LSP client drives the real binary over standard input and
//! output. Every read has a timeout, so a server that hangs fails the test instead of
//! stalling it. Plans are fixtures written here; the clock is `GROWTH_TODAY`.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tempfile::TempDir;

#[allow(dead_code)]
#[path = "history/support.rs"]
mod support;

/// How long any one answer may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(20);

const TODAY: &str = "2026-03-01";

const CONFIG: &str = "ladder: ladder.yaml\n";

const LADDER: &str = "levels:
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
const PLAN: &str = "---
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
const PLAN_FINDINGS: [&str; 3] = [
    "GR201 7:9-7:36 2 the goal is vague: \"get better at\" with nothing concrete\nhelp: say what you will be able to do, deliver or show, e.g. a number or a deliverable",
    "GR002 11:0-11:6 1 unknown goal key `mesure`\nhelp: did you mean `measure`?",
    "GR004 12:5-12:15 1 `2026/05/31` is not a date in the form YYYY-MM-DD\nhelp: write dates as YYYY-MM-DD, e.g. 2026-06-30",
];

/// A directory (not in git) with a config, a ladder and `plans/jane.md`; it is HOME too,
/// so nothing outside it is read.
struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = TempDir::new().expect("a temporary directory");
        std::fs::create_dir(dir.path().join("plans")).expect("plans/");
        std::fs::write(dir.path().join("growth.yaml"), CONFIG).expect("the config");
        std::fs::write(dir.path().join("ladder.yaml"), LADDER).expect("the ladder");
        std::fs::write(dir.path().join("plans/jane.md"), PLAN).expect("the plan");
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn uri(&self, rel: &str) -> String {
        uri_of(&self.path(rel))
    }

    fn server(&self) -> Server {
        Server::start(self.dir.path(), self.dir.path(), TODAY)
    }

    fn growth(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("growth").expect("the growth binary");
        cmd.current_dir(self.dir.path())
            .env("HOME", self.dir.path())
            .env("GROWTH_TODAY", TODAY)
            .env("NO_COLOR", "1");
        cmd
    }
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// `growth server` and the frames it has sent that no one has looked at yet.
struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    frames: Receiver<Value>,
    unread: VecDeque<Value>,
}

impl Server {
    fn start(dir: &Path, home: &Path, today: &str) -> Server {
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

    fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("standard input still open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("a header");
        stdin.write_all(body).expect("a body");
        stdin.flush().expect("flushed");
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(body.to_string().as_bytes());
    }

    /// Sends a request and returns the whole response to it.
    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(body.to_string().as_bytes());
        self.expect(|f| f.get("id") == Some(&json!(id)) && f.get("method").is_none())
    }

    /// The result of a request that must succeed.
    fn result(&mut self, id: i64, method: &str, params: Value) -> Value {
        let response = self.request(id, method, params);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The first frame (sent earlier or still to come) that `wanted` accepts.
    fn expect(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
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
    fn next_diagnostics(&mut self, uri: &str) -> Value {
        assert!(self.unread.is_empty(), "frames before: {:?}", self.unread);
        let frame = self.expect(|_| true);
        assert_eq!(
            frame["method"], "textDocument/publishDiagnostics",
            "{frame}"
        );
        assert_eq!(frame["params"]["uri"], uri, "{frame}");
        frame["params"].clone()
    }

    fn initialize(&mut self) -> Value {
        let result = self.result(1, "initialize", json!({"capabilities": {}}));
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
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

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Closes standard input after the last message and waits for the exit status.
    fn status(mut self) -> i32 {
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

fn read_frame(out: &mut impl BufRead) -> Option<Value> {
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
fn findings(params: &Value) -> Vec<String> {
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

fn codes(params: &Value) -> Vec<String> {
    findings(params)
        .iter()
        .map(|f| f.split(' ').next().expect("a code").to_string())
        .collect()
}

fn at(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn position_params(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": at(line, character)})
}

/// The text with LSP text edits applied (ASCII text: characters are bytes).
fn apply(text: &str, edits: &[Value]) -> String {
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

// ------------------------------------------------------------------------ the session

#[test]
fn initialize_announces_what_the_server_does() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    assert_eq!(
        server.initialize(),
        json!({
            "capabilities": {
                "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": true}},
                "hoverProvider": true,
                "codeActionProvider": {"codeActionKinds": ["quickfix"]},
                "completionProvider": {"triggerCharacters": [":", " "]},
            },
            "serverInfo": {"name": "growth", "version": env!("CARGO_PKG_VERSION")},
        })
    );
    server.request(2, "shutdown", Value::Null);
    server.notify("exit", Value::Null);
    assert_eq!(server.status(), 0);
}

#[test]
fn did_open_publishes_lints_findings_at_lints_positions() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    let published = server.open(&uri, PLAN);
    assert_eq!(published["version"], 1);
    assert_eq!(findings(&published), PLAN_FINDINGS);
    // The same findings, at the same places, as `growth lint` (1-based there).
    let out = fixture
        .growth()
        .args(["lint", "--format", "json"])
        .output()
        .expect("lint runs");
    let lint: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let from_lint: Vec<String> = lint["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}-{}:{}",
                d["code"].as_str().unwrap(),
                d["start"]["line"].as_u64().unwrap() - 1,
                d["start"]["column"].as_u64().unwrap() - 1,
                d["end"]["line"].as_u64().unwrap() - 1,
                d["end"]["column"].as_u64().unwrap() - 1,
            )
        })
        .collect();
    let from_server: Vec<String> = findings(&published)
        .iter()
        .map(|f| f.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(from_server, from_lint);
}

#[test]
fn positions_count_utf16_units_after_wide_characters() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    // 😀 is two UTF-16 units (four bytes, one character for `growth lint`).
    let text = PLAN.replace("## Goal: Get", "## Goal: 😀 Get");
    let published = server.open(&uri, &text);
    assert_eq!(
        findings(&published)[0],
        "GR201 7:9-7:39 2 the goal is vague: \"get better at\" with nothing concrete\nhelp: say what you will be able to do, deliver or show, e.g. a number or a deliverable"
    );
}

#[test]
fn hover_shows_the_rules_explanation_and_a_keys_meaning() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    server.open(&uri, PLAN);
    let explain = fixture
        .growth()
        .args(["explain", "GR201"])
        .output()
        .expect("explain runs");
    let explanation = String::from_utf8(explain.stdout).expect("UTF-8");
    assert!(explanation.starts_with("GR201 vague-goal (default: warning)\n\nFires when: "));
    assert_eq!(
        server.result(2, "textDocument/hover", position_params(&uri, 7, 12)),
        json!({
            "contents": {"kind": "markdown", "value": explanation},
            "range": {"start": at(7, 9), "end": at(7, 36)},
        })
    );
    assert_eq!(
        server.result(3, "textDocument/hover", position_params(&uri, 13, 3)),
        json!({
            "contents": {"kind": "markdown", "value": "`competency`: The career ladder competency id this goal builds, e.g. `incident-response`. Checked against `ladder.yaml` (GR402)."},
            "range": {"start": at(13, 0), "end": at(13, 10)},
        })
    );
    assert_eq!(
        server.result(4, "textDocument/hover", position_params(&uri, 2, 1)),
        json!({
            "contents": {"kind": "markdown", "value": "`role`: The career ladder level id the owner is at now, e.g. `senior-engineer`. Checked against `ladder.yaml` (GR401)."},
            "range": {"start": at(2, 0), "end": at(2, 4)},
        })
    );
    // Prose is neither a finding nor a key.
    assert_eq!(
        server.result(5, "textDocument/hover", position_params(&uri, 18, 8)),
        Value::Null
    );
}

#[test]
fn code_actions_offer_lints_fixes_and_a_suppression_and_write_nothing() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    server.open(&uri, PLAN);
    let actions = server.result(
        2,
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": at(11, 0), "end": at(12, 8)},
            "context": {"diagnostics": []},
        }),
    );
    let summary: Vec<Value> = actions
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| {
            assert_eq!(a["kind"], "quickfix");
            assert_eq!(a["diagnostics"].as_array().map(Vec::len), Some(1));
            json!([
                a["title"],
                a["isPreferred"],
                a["diagnostics"][0]["code"],
                a["edit"]["changes"][&uri]
            ])
        })
        .collect();
    let reason = "<why this finding does not apply here>";
    assert_eq!(
        summary,
        [
            json!(["Replace `mesure` with `measure`", true, "GR002",
                [{"range": {"start": at(11, 0), "end": at(11, 6)}, "newText": "measure"}]]),
            json!(["Suppress GR002 on this line (add the reason)", false, "GR002",
                [{"range": {"start": at(11, 0), "end": at(11, 0)},
                  "newText": format!("# growth-disable-next-line GR002 -- {reason}\n")}]]),
            json!(["Replace `2026/05/31` with `2026-05-31`", true, "GR004",
                [{"range": {"start": at(12, 5), "end": at(12, 15)}, "newText": "2026-05-31"}]]),
            json!(["Suppress GR004 on this line (add the reason)", false, "GR004",
                [{"range": {"start": at(12, 0), "end": at(12, 0)},
                  "newText": format!("# growth-disable-next-line GR004 -- {reason}\n")}]]),
        ]
    );
    // In Markdown prose the suppression is an HTML comment.
    let on_title = server.result(
        3,
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": at(7, 12), "end": at(7, 12)},
            "context": {"diagnostics": []},
        }),
    );
    assert_eq!(
        on_title[0]["edit"]["changes"][&uri],
        json!([{"range": {"start": at(7, 0), "end": at(7, 0)},
                "newText": format!("<!-- growth-disable-next-line GR201 -- {reason} -->\n")}])
    );
    assert_eq!(on_title.as_array().map(Vec::len), Some(1));
    // The server wrote nothing: the edits are the client's to make.
    assert_eq!(
        std::fs::read_to_string(fixture.path("plans/jane.md")).unwrap(),
        PLAN
    );

    // The two fixes are what `growth lint --fix` writes.
    let fixes: Vec<Value> = [&summary[0], &summary[2]]
        .iter()
        .flat_map(|s| s[3].as_array().unwrap().clone())
        .collect();
    let fixed = apply(PLAN, &fixes);
    let copy = Fixture::new();
    copy.growth()
        .args(["lint", "--fix"])
        .output()
        .expect("lint --fix runs");
    assert_eq!(
        std::fs::read_to_string(copy.path("plans/jane.md")).unwrap(),
        fixed
    );

    // Each suppression, applied by the client, hides its finding and only that one.
    let suppressions = [
        summary[1][3][0].clone(),
        on_title[0]["edit"]["changes"][&uri][0].clone(),
    ];
    let suppressed = apply(PLAN, &suppressions);
    server.change(&uri, 2, &suppressed);
    assert_eq!(codes(&server.next_diagnostics(&uri)), ["GR004"]);
}

#[test]
fn a_burst_of_changes_is_linted_once_for_the_final_text() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    server.open(&uri, PLAN);
    // The key fixed, then the date typed anew a character at a time: every text but the
    // last has a GR004 of its own.
    let fixed_key = PLAN.replace("mesure", "measure");
    let date = "2026-05-31";
    let mut version = 1;
    for typed in 0..=date.len() {
        version += 1;
        let text = fixed_key.replace("2026/05/31", &date[..typed]);
        server.change(&uri, version, &text);
    }
    let published = server.next_diagnostics(&uri);
    assert_eq!(published["version"], version);
    assert_eq!(findings(&published), &PLAN_FINDINGS[..1]);
    // Nothing else was pending: the next frame answers the next request.
    let response = server.request(9, "shutdown", Value::Null);
    assert_eq!(response, json!({"jsonrpc": "2.0", "id": 9, "result": null}));
    assert!(server.unread.is_empty(), "{:?}", server.unread);
    server.notify("exit", Value::Null);
    assert_eq!(server.status(), 0);
}

#[test]
fn completion_offers_keys_statuses_levels_and_competencies() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    server.open(&uri, PLAN);
    let labels = |result: &Value| -> Vec<String> {
        result
            .as_array()
            .expect("a list")
            .iter()
            .map(|i| i["label"].as_str().expect("a label").to_string())
            .collect()
    };
    // A key being typed in a goal block: the goal keys (a Markdown goal has no `title`).
    let keys = server.result(2, "textDocument/completion", position_params(&uri, 11, 2));
    assert_eq!(
        labels(&keys),
        [
            "baseline",
            "cadence",
            "competency",
            "due",
            "focus",
            "id",
            "measure",
            "obstacles",
            "relevance",
            "resources",
            "status",
            "target",
            "type",
            "why"
        ]
    );
    assert_eq!(keys[6]["insertText"], "measure: ");
    assert_eq!(keys[6]["kind"], 10);
    // In the front matter: the front matter's keys.
    let top = server.result(3, "textDocument/completion", position_params(&uri, 1, 1));
    assert_eq!(
        labels(&top),
        [
            "cadence",
            "north_star",
            "not_willing",
            "owner",
            "period",
            "review",
            "role",
            "target_role"
        ]
    );
    let statuses = server.result(4, "textDocument/completion", position_params(&uri, 15, 8));
    assert_eq!(
        labels(&statuses),
        ["planned", "active", "done", "dropped", "blocked"]
    );
    let levels = server.result(5, "textDocument/completion", position_params(&uri, 2, 6));
    assert_eq!(
        levels,
        json!([
            {"label": "engineer", "kind": 20, "detail": "Engineer"},
            {"label": "senior-engineer", "kind": 20, "detail": "Senior Engineer"},
        ])
    );
    let competencies = server.result(6, "textDocument/completion", position_params(&uri, 13, 12));
    assert_eq!(
        competencies,
        json!([{"label": "incident-response", "kind": 20, "detail": "operations"}])
    );
    // Prose completes nothing.
    let prose = server.result(7, "textDocument/completion", position_params(&uri, 18, 4));
    assert_eq!(prose, json!([]));
}

#[test]
fn broken_messages_get_json_rpc_errors_and_the_server_carries_on() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    server.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\"");
    let error = server.expect(|_| true);
    assert_eq!(error["id"], Value::Null);
    assert_eq!(error["error"]["code"], -32700);
    assert_eq!(
        error["error"]["message"],
        "the message is not JSON: EOF while parsing an object at line 1 column 36"
    );
    server.send_raw(b"[1, 2]");
    let error = server.expect(|_| true);
    assert_eq!(error["id"], Value::Null);
    assert_eq!(error["error"]["code"], -32600);
    let unknown = server.request(6, "growth/unknown", json!({}));
    assert_eq!(
        unknown,
        json!({"jsonrpc": "2.0", "id": 6, "error": {"code": -32601, "message": "growth server does not handle `growth/unknown`"}})
    );
    let bad_params = server.request(7, "textDocument/hover", json!({"nope": 1}));
    assert_eq!(bad_params["error"]["code"], -32602);
    // Still answering: a document opens and gets its findings.
    let uri = fixture.uri("plans/jane.md");
    assert_eq!(findings(&server.open(&uri, PLAN)), PLAN_FINDINGS);
    server.request(8, "shutdown", Value::Null);
    let after = server.request(9, "textDocument/hover", position_params(&uri, 0, 0));
    assert_eq!(after["error"]["code"], -32600);
    server.notify("exit", Value::Null);
    assert_eq!(server.status(), 0);
}

#[test]
fn a_request_before_initialize_is_refused() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    let early = server.request(1, "shutdown", Value::Null);
    assert_eq!(early["error"]["code"], -32002);
    server.initialize();
}

#[test]
fn exit_without_shutdown_and_a_closed_input_end_with_status_1() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    server.notify("exit", Value::Null);
    assert_eq!(server.status(), 1);
    let mut server = fixture.server();
    server.initialize();
    assert_eq!(server.status(), 1);
}

#[test]
fn the_config_and_the_ladder_get_their_problems_and_other_files_none() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let config = fixture.uri("growth.yaml");
    let published = server.open(&config, "ladder: ladder.yaml\nfail_onn: warning\n");
    assert_eq!(
        findings(&published),
        ["GR002 1:0-1:8 1 unknown config key `fail_onn`\nhelp: did you mean `fail_on`?"]
    );
    let ladder = fixture.uri("ladder.yaml");
    let published = server.open(
        &ladder,
        &LADDER.replace("senior-engineer: leads", "senior-enginer: leads"),
    );
    assert_eq!(
        findings(&published),
        ["GR002 8:6-8:20 1 `senior-enginer` is not a level of this ladder\nhelp: did you mean `senior-engineer`?"]
    );
    // Hover on a ladder key says what it means.
    let hover = server.result(2, "textDocument/hover", position_params(&ladder, 5, 5));
    assert_eq!(
        hover["contents"]["value"]
            .as_str()
            .map(|s| s.starts_with("`area`: ")),
        Some(true)
    );
    // A Markdown file that is not a plan (outside the plan globs) gets no findings.
    std::fs::write(fixture.path("README.md"), "# Notes\n").unwrap();
    let readme = fixture.uri("README.md");
    assert_eq!(server.open(&readme, "# Notes\n")["diagnostics"], json!([]));
    // Closing a plan clears its findings.
    let uri = fixture.uri("plans/jane.md");
    server.open(&uri, PLAN);
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(server.next_diagnostics(&uri)["diagnostics"], json!([]));
}

// --------------------------------------------------------------------------- history

/// Jane's plan, committed with a target of 25% and then lowered to 20%.
fn moved_goalposts_repo() -> (support::Repo, String) {
    let repo = support::Repo::new();
    repo.write("plans/jane.md", support::JANE);
    repo.commit("plan", "2026-01-05");
    repo.edit("plans/jane.md", "target: 25%", "target: 20%");
    let moved = repo.commit("less target", "2026-02-10");
    (repo, moved)
}

#[test]
fn a_saved_plan_gets_history_findings_and_unsaved_edits_only_the_texts() {
    let (repo, moved) = moved_goalposts_repo();
    let moved = support::short(&moved);
    let path = repo.dir.join("plans/jane.md");
    let uri = uri_of(&path);
    let text = repo.read("plans/jane.md");
    let observe = || {
        (
            repo.git(&["for-each-ref"]),
            repo.git(&["count-objects", "-v"]),
            repo.git(&["hash-object", ".git/index"]),
            repo.git(&["status", "--porcelain"]),
        )
    };
    let before = observe();
    let mut server = Server::start(&repo.dir, repo.home(), support::TODAY);
    server.initialize();
    let saved = server.open(&uri, &text);
    let target_at = support::position(&text, "20%\ndue");
    assert_eq!(target_at, "13:9");
    // Lint reads the same history and says the same, one line and column further on.
    assert_eq!(
        support::findings_in(&repo, &repo.dir, "GR503", &[]),
        [format!(
            "GR503 13:9 target 25% → 20% in {moved} on 2026-02-10"
        )]
    );
    let gr503: Vec<String> = findings(&saved)
        .into_iter()
        .filter(|f| f.starts_with("GR5"))
        .collect();
    assert_eq!(
        gr503,
        [
            "GR501 7:9-7:42 2 no progress on `prod` for 147 days (in git history, last on 2026-01-05)\nhelp: add a check-in, take a small next step, or mark it `blocked` or `dropped`".to_string(),
            format!("GR503 12:8-12:11 3 target 25% → 20% in {moved} on 2026-02-10\nhelp: fine if agreed; say why at the review"),
        ]
    );
    // Unsaved: history speaks of another text, so its findings go.
    let edited = text.replace(
        "- [ ] Take four shadow shifts",
        "- [ ] Take five shadow shifts",
    );
    server.change(&uri, 2, &edited);
    let unsaved = server.next_diagnostics(&uri);
    let unsaved: Vec<String> = findings(&unsaved)
        .into_iter()
        .filter(|f| f.starts_with("GR5"))
        .collect();
    assert_eq!(
        unsaved,
        ["GR501 7:9-7:42 2 no progress on `prod` for 132 days (by its dates, last on 2026-01-20)\nhelp: add a check-in, take a small next step, or mark it `blocked` or `dropped`"]
    );
    // Saved (the editor wrote the file): they are back.
    std::fs::write(&path, &edited).unwrap();
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}, "text": edited}),
    );
    let resaved: Vec<String> = findings(&server.next_diagnostics(&uri))
        .into_iter()
        .filter(|f| f.starts_with("GR5"))
        .collect();
    assert_eq!(resaved, gr503);
    server.request(3, "shutdown", Value::Null);
    server.notify("exit", Value::Null);
    assert_eq!(server.status(), 0);
    std::fs::write(&path, &text).unwrap();
    assert_eq!(observe(), before, "the server changed the repository");
}

// ------------------------------------------------------------------------ other forms

/// A YAML plan with a misspelt goal key and a level one typo from the ladder's.
const YAML_PLAN: &str = "owner: Raj Patel
role: enginer
period: { start: 2026-01-01, end: 2026-12-31 }
north_star: Make the platform boring, in the best sense
goals:
  - title: Run the Q3 incident review
    id: incident-review
    measure: I facilitate 3 incident reviews that end with owners for every action
    competency: incident-response
    why: the team asked for it
    due: 2026-09-30
    statuss: active
    actions:
      - text: Draft the agenda template
        due: 2026-07-15
    checkins:
      - { date: 2026-02-20, note: first review planned }
";

#[test]
fn a_yaml_plan_gets_findings_fixes_and_completion_by_its_nesting() {
    let fixture = Fixture::new();
    std::fs::write(fixture.path("plans/raj.plan.yaml"), YAML_PLAN).unwrap();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/raj.plan.yaml");
    let published = server.open(&uri, YAML_PLAN);
    assert_eq!(
        findings(&published),
        [
            "GR401 1:6-1:13 1 `role: enginer` is not a level of the ladder\nhelp: did you mean `engineer`?",
            "GR002 11:4-11:11 1 unknown goal key `statuss`\nhelp: did you mean `status`?",
        ]
    );
    let actions = server.result(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at(1, 8), "end": at(1, 8)}, "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{"range": {"start": at(1, 6), "end": at(1, 13)}, "newText": "engineer"}])
    );
    assert_eq!(
        actions[1]["edit"]["changes"][&uri],
        json!([{"range": {"start": at(1, 0), "end": at(1, 0)}, "newText": "# growth-disable-next-line GR401 -- <why this finding does not apply here>\n"}])
    );
    let labels = |result: Value| -> Vec<String> {
        result
            .as_array()
            .expect("a list")
            .iter()
            .map(|i| i["label"].as_str().expect("a label").to_string())
            .collect()
    };
    // A goal of a YAML plan has its title, actions and check-ins as keys too.
    assert_eq!(
        labels(server.result(3, "textDocument/completion", position_params(&uri, 11, 6))),
        [
            "actions",
            "baseline",
            "cadence",
            "checkins",
            "competency",
            "due",
            "focus",
            "id",
            "measure",
            "obstacles",
            "relevance",
            "resources",
            "status",
            "target",
            "title",
            "type",
            "why"
        ]
    );
    // Under `actions`, an action's keys.
    assert_eq!(
        labels(server.result(4, "textDocument/completion", position_params(&uri, 14, 10))),
        ["done", "due", "text"]
    );
    let hover = server.result(5, "textDocument/hover", position_params(&uri, 14, 9));
    assert_eq!(
        hover["contents"]["value"],
        "`due`: The date the action should be done by (YYYY-MM-DD) (GR208)."
    );
}

#[test]
fn crlf_plans_keep_their_line_ends_in_edits() {
    let fixture = Fixture::new();
    let crlf = PLAN.replace('\n', "\r\n");
    std::fs::write(fixture.path("plans/jane.md"), &crlf).unwrap();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    assert_eq!(findings(&server.open(&uri, &crlf)), PLAN_FINDINGS);
    let actions = server.result(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at(7, 12), "end": at(7, 12)}, "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions[0]["edit"]["changes"][&uri][0]["newText"],
        "<!-- growth-disable-next-line GR201 -- <why this finding does not apply here> -->\r\n"
    );
}

#[test]
fn a_plan_whose_config_or_ladder_does_not_read_says_so_on_its_first_line() {
    let fixture = Fixture::new();
    std::fs::write(fixture.path("ladder.yaml"), "levels: [engineer\n").unwrap();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    assert_eq!(
        findings(&server.open(&uri, PLAN)),
        ["GR001 0:0-0:0 1 cannot use the ladder ladder.yaml, so this plan is not linted:\nladder.yaml:1:9: not valid YAML: a `[ … ]` list is never closed (close it with `]`; put an item containing `,`, `[` or `: ` in quotes)"]
    );
    std::fs::write(
        fixture.path("growth.yaml"),
        "ladder: ladder.yaml\nfail_onn: warning\n",
    )
    .unwrap();
    assert_eq!(
        findings(&server.open(&uri, PLAN)),
        ["GR002 0:0-0:0 1 cannot use the config growth.yaml, so this plan is not linted:\ngrowth.yaml:2:1: unknown config key `fail_onn` (did you mean `fail_on`?)"]
    );
    // No fix or suppression on the plan stands in for fixing the config.
    let actions = server.result(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at(0, 0), "end": at(0, 0)}, "context": {"diagnostics": []}}),
    );
    assert_eq!(actions, json!([]));
    // A file the default globs do not take for a plan still gets nothing.
    let readme = fixture.uri("README.md");
    std::fs::write(fixture.path("README.md"), "# Notes\n").unwrap();
    assert_eq!(server.open(&readme, "# Notes\n")["diagnostics"], json!([]));
}

#[test]
fn saving_the_ladder_relints_the_open_plans() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let plan = fixture.uri("plans/jane.md");
    assert_eq!(findings(&server.open(&plan, PLAN)), PLAN_FINDINGS);
    let ladder = fixture.uri("ladder.yaml");
    assert_eq!(server.open(&ladder, LADDER)["diagnostics"], json!([]));
    // `engineer` renamed: the plan's `role: engineer` is no longer a level.
    let renamed = LADDER
        .replace("{ id: engineer,", "{ id: junior-engineer,")
        .replace(" engineer: joins", " junior-engineer: joins");
    std::fs::write(fixture.path("ladder.yaml"), &renamed).unwrap();
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": ladder}, "text": renamed}),
    );
    assert_eq!(server.next_diagnostics(&ladder)["diagnostics"], json!([]));
    let relinted = findings(&server.next_diagnostics(&plan));
    assert_eq!(
        relinted[0],
        "GR401 2:6-2:14 1 `role: engineer` is not a level of the ladder\nhelp: the ladder's levels are: junior-engineer, senior-engineer"
    );
    assert_eq!(relinted[1..], PLAN_FINDINGS);
}
