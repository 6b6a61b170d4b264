//! The protocol: initialize, broken and unknown messages, debouncing, and how the server ends.

use serde_json::{json, Value};

use crate::client::*;

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
fn a_burst_of_changes_is_linted_once_for_the_final_text() {
    let fixture = Fixture::new();
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    server.open(&uri, PLAN);
    // The key fixed, then the date typed anew a character at a time: every text but the
    // last has a GR004 of its own.
    // (The measure names no end state, so the title stays vague: a concrete measure would
    // make it a name.)
    let fixed_key = PLAN.replace(
        "mesure: I review 3 designs",
        "measure: people ask me to review",
    );
    let date = "2026-05-31";
    let mut version = 1;
    for typed in 0..=date.len() {
        version += 1;
        let text = fixed_key.replace("2026/05/31", &date[..typed]);
        server.change(&uri, version, &text);
    }
    let published = server.next_diagnostics(&uri);
    assert_eq!(published["version"], version);
    assert_eq!(
        findings(&published),
        [
            PLAN_FINDINGS[0],
            "GR203 11:9-11:32 2 the measure has no number, count, frequency or date, nor an end state to check\nhelp: say how many, how often, how much or by when, or what will be shipped, passed or accepted",
        ]
    );
    // Nothing else was pending: the next frame answers the next request.
    let response = server.request(9, "shutdown", Value::Null);
    assert_eq!(response, json!({"jsonrpc": "2.0", "id": 9, "result": null}));
    assert!(server.unread.is_empty(), "{:?}", server.unread);
    server.notify("exit", Value::Null);
    assert_eq!(server.status(), 0);
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
fn a_client_that_closes_the_servers_output_ends_it_with_status_1() {
    let fixture = Fixture::new();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("growth"))
        .arg("server")
        .current_dir(fixture.dir.path())
        .env("HOME", fixture.dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("growth server starts");
    drop(child.stdout.take());
    let body =
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
            .to_string();
    let mut stdin = child.stdin.take().expect("its standard input");
    std::io::Write::write_all(
        &mut stdin,
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes(),
    )
    .expect("the request is written");
    let deadline = std::time::Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("a status") {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the server did not exit"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
}
