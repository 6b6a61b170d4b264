//! The other growth files (the config, the ladder, YAML plans, CRLF text) and history for
//! saved plans.

use serde_json::{json, Value};

use crate::client::*;

use crate::support;

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
            "evidence",
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
        ["done", "due", "evidence", "text"]
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

#[test]
fn a_saved_plan_gets_the_same_evidence_findings_as_lint() {
    let repo = support::Repo::new();
    let plan = support::JANE.replace(
        "- [ ] Take four shadow shifts",
        "- [x] Take four shadow shifts (done 2026-01-20) (evidence 0123456789abcdef)",
    );
    repo.write("plans/jane.md", &plan);
    repo.commit("plan", "2026-01-05");
    let from_lint = support::findings_in(&repo, &repo.dir, "GR506", &[]);
    assert_eq!(from_lint.len(), 1, "{from_lint:?}");
    let uri = uri_of(&repo.dir.join("plans/jane.md"));
    let mut server = Server::start(&repo.dir, repo.home(), support::TODAY);
    server.initialize();
    let published = server.open(&uri, &plan);
    let in_editor: Vec<String> = findings(&published)
        .into_iter()
        .filter(|f| f.starts_with("GR506"))
        .collect();
    assert_eq!(in_editor.len(), 1, "{in_editor:?}");
    // The same message as lint's (positions differ by one, LSP counting from 0).
    let message = |f: &str| f.split_once(' ').map(|(_, rest)| rest.to_string());
    let lint_message = message(&from_lint[0]).and_then(|m| message(&m));
    assert!(
        in_editor[0].contains(lint_message.as_deref().unwrap_or("?")),
        "{in_editor:?} vs {from_lint:?}"
    );
}
