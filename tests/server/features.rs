//! What an editor shows: findings at `lint`'s positions, hover, code actions, completion.

use serde_json::{json, Value};

use crate::client::*;

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
            "evidence",
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
    assert_eq!(keys[7]["insertText"], "measure: ");
    assert_eq!(keys[6]["kind"], 10);
    // In the front matter: the front matter's keys.
    let top = server.result(3, "textDocument/completion", position_params(&uri, 1, 1));
    assert_eq!(
        labels(&top),
        [
            "aliases",
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
fn a_wording_rule_of_the_config_is_a_finding_with_its_explanation_on_hover() {
    let fixture = Fixture::new();
    std::fs::write(
        fixture.path("growth.yaml"),
        "ladder: ladder.yaml\nwording:\n  - code: GW001\n    name: no-get-better\n    phrase: get better\n    message: say where you stop\n    fields: [title]\n",
    )
    .expect("the config");
    let mut server = fixture.server();
    server.initialize();
    let uri = fixture.uri("plans/jane.md");
    let published = server.open(&uri, PLAN);
    let wording: Vec<String> = findings(&published)
        .into_iter()
        .filter(|f| f.starts_with("GW"))
        .collect();
    assert_eq!(
        wording,
        ["GW001 7:9-7:19 2 say where you stop (\"Get better\" in the title)"]
    );
    let explain = fixture
        .growth()
        .args(["explain", "GW001"])
        .output()
        .expect("explain runs");
    let explanation = String::from_utf8(explain.stdout).expect("UTF-8");
    // The editor does not say which file defined it; the rest is what `explain` prints.
    let (shown, _) = explanation
        .split_once("\nA wording rule of this repository")
        .expect("explain names the config");
    let hover = server.result(2, "textDocument/hover", position_params(&uri, 7, 10));
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.contains(shown), "{value}\n---\n{shown}");
    assert!(value.starts_with("GR201 vague-goal"), "{value}");
}
