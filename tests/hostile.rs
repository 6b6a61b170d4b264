//! The hostile battery: inputs made to break `growth` (huge numbers, huge plans and ladders,
//! `-o` aimed at what is being read, odd markup, placeholder-looking names, file names that
//! are not UTF-8), each run through the real binary under a time and a memory bound by the
//! harness in `hostile/harness.rs`, which also checks what must hold for every input: an exit
//! status of 0, 1 or 2, no panic, bounded output, no raw control characters on a terminal.
//!
//! One `#[test]` per case, so a failure names the case. Add one with [`Case`]: files, a
//! command, maybe tighter bounds, then assertions on the [`harness::Outcome`].

#[path = "hostile/harness.rs"]
mod harness;

use std::time::Duration;

use harness::Case;
use serde_json::Value;

/// A Markdown plan of Ann's for the first half of 2026 with `body` after the front matter
/// (which ends on line 4, so the body starts on line 5).
fn plan(body: &str) -> String {
    format!("---\nowner: Ann Lee\nperiod: {{ start: 2026-01-01, end: 2026-06-30 }}\n---\n{body}")
}

/// Jane's plan: one goal that lints clean but for infos.
const JANE: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: calm on-call
---

## Goal: Solve 25% of production issues on my own

```yaml
measure: I solve 25% of the team's production issues
target: 25%
due: 2026-05-31
why: I already solve some
relevance: the team has a low bus factor
```

### Actions
- [ ] Take four shadow shifts (due 2026-04-30)
";

/// Every `(code, "line:column")` of a lint JSON document, in order.
fn positions(doc: &Value) -> Vec<(String, String)> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("a code").to_string(),
                format!("{}:{}", d["start"]["line"], d["start"]["column"]),
            )
        })
        .collect()
}

/// The diagnostics of a lint JSON document with `code`: `("line:column", message, help)`.
fn findings(doc: &Value, code: &str) -> Vec<(String, String, String)> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                format!("{}:{}", d["start"]["line"], d["start"]["column"]),
                d["message"].as_str().unwrap_or("").to_string(),
                d["help"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Item 1: one number must not make the HTML report allocate without bound.

/// The page of a report with one huge value must stay small.
const PAGE: usize = 200_000;

#[test]
fn html_report_with_a_thirty_digit_checkin_value() {
    let body = "## Goal: Ship things\n\n### Actions\n- [ ] ship\n\n### Check-ins\n\
                - 2026-02-01 [1000000000000000000000000000000] huge\n";
    let out = Case::new("html-1e30")
        .file("plans/ann.md", plan(body))
        .args(["report", "--format", "html"])
        .time(Duration::from_secs(10))
        .memory(256 << 20)
        .output(PAGE)
        .code(0)
        .run();
    let page = out.stdout();
    assert!(page.contains("<title>2026-02-01: 1e30</title>"), "{page}");
    // The progress chart; no action is done, so there is no actions chart.
    assert_eq!(page.matches("<svg").count(), 1, "{page}");
}

#[test]
fn html_report_of_a_yaml_plan_with_value_1e308_in_git() {
    let yaml = "owner: Bob Roe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n  \
                - title: Run reviews\n    actions:\n      - { text: run one }\n    checkins:\n      \
                - { date: 2026-02-01, value: 1e308 }\n      - { date: 2026-02-02, value: -1e308 }\n";
    let out = Case::new("html-1e308")
        .file("plans/bob.plan.yaml", yaml)
        .git()
        .args(["report", "--format", "html"])
        .time(Duration::from_secs(10))
        .memory(256 << 20)
        .output(PAGE)
        .code(0)
        .run();
    let page = out.stdout();
    assert!(page.contains("<title>2026-02-01: 1e308</title>"), "{page}");
    assert!(page.contains("<title>2026-02-02: -1e308</title>"), "{page}");
}

#[test]
fn html_report_of_a_plan_spanning_ten_thousand_years() {
    let text = "---\nowner: Old Timer\nperiod: { start: 0001-01-01, end: 9999-12-31 }\n---\n\
                ## Goal: Ship 3 things\n\n```yaml\ntarget: 3\n```\n\n### Actions\n\
                - [x] one (done 0002-01-01)\n\n### Check-ins\n- 0002-01-01 [1] first\n";
    let out = Case::new("html-ten-thousand-years")
        .file("plans/old.md", text)
        .args(["report", "--format", "html"])
        .time(Duration::from_secs(10))
        .memory(256 << 20)
        .output(PAGE)
        .code(0)
        .run();
    // Month labels are thinned to at most seven per chart.
    let page = out.stdout();
    assert!(
        page.matches("text-anchor=\"middle\"").count() <= 14,
        "{page}"
    );
}

// ---------------------------------------------------------------------------------------------
// Item 2: work linear (or n log n) in the input, suggestions capped.

#[test]
fn report_of_thirty_thousand_goals_with_their_own_findings() {
    // Odd goals have no action (GR102, an error); even goals have one. Every goal has a few
    // more findings, so the report sorts 150,000 findings into 30,000 goals.
    let mut body = String::new();
    for i in 0..30_000 {
        if i % 2 == 0 {
            body.push_str(&format!("# Goal: g{i}\n## Actions\n- a\n"));
        } else {
            body.push_str(&format!("# Goal: g{i}\n"));
        }
    }
    let out = Case::new("report-30000-goals")
        .file("plans/big.md", plan(&body))
        .args(["report", "--format", "json", "-o", "report.json"])
        .time(Duration::from_secs(40))
        .code(0)
        .run();
    eprintln!("{}: {:?}", out.name, out.took);
    let doc: Value = serde_json::from_slice(&out.read("report.json")).expect("JSON");
    let goals = doc["plans"][0]["goals"].as_array().expect("goals");
    assert_eq!(goals.len(), 30_000);
    for (i, goal) in goals.iter().enumerate() {
        let flagged = goal["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .any(|f| f == "lint-errors");
        assert_eq!(flagged, i % 2 == 1, "goal {i}: {goal}");
    }
}

#[test]
fn lint_of_fifteen_thousand_suppressed_goals() {
    let mut body = String::new();
    for i in 0..15_000 {
        body.push_str(&format!(
            "<!-- growth-disable-next-line GR201 GR102 -->\n## Goal: Improve {i}\n"
        ));
    }
    let config = "rules: { GR202: off, GR204: off, GR205: off, GR206: off }\n";
    let out = Case::new("lint-15000-suppressions")
        .file("growth.yaml", config)
        .file("plans/big.md", plan(&body))
        .args(["lint", "--no-history", "--format", "json"])
        // About a second; scanning every directive for every finding took fifteen.
        .time(Duration::from_secs(8))
        .code(1)
        .run();
    let doc = out.json();
    assert_eq!(doc["summary"]["goals"], 15_000);
    // Every per-goal finding is suppressed, and every suppression is used.
    let codes: Vec<String> = positions(&doc).into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes, ["GR301", "GR101", "GR104"]);
}

/// A ladder of `n` competencies `skill-00000`… that each expect something at level `t`, so
/// every one rises from `s` to `t`.
fn big_ladder(n: usize) -> String {
    let mut text = String::from("levels: [e, s, t]\ncompetencies:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - {{id: skill-{i:05}, expectations: {{t: x}}}}\n"
        ));
    }
    text
}

#[test]
fn lint_of_thirty_thousand_unknown_competencies_against_twenty_thousand() {
    let mut case = Case::new("ladder-20000-goals-30000")
        .file("growth.yaml", "ladder: ladder.yaml\nrules: { GR102: off, GR202: off, GR204: off, GR206: off, GR101: off, GR104: off, GR301: off }\n")
        .file("ladder.yaml", big_ladder(20_000));
    for p in 0..30 {
        let mut text = format!(
            "---\nowner: P{p}\nrole: s\ntarget_role: t\nperiod: {{ start: 2026-01-01, end: 2026-06-30 }}\n---\n"
        );
        for g in 0..1_000 {
            let n = p * 1_000 + g;
            // One edit from an id (a letter left out), or near none.
            let competency = if g % 2 == 0 {
                format!("skil-{:05}", n % 20_000)
            } else {
                format!("zzzz{n}")
            };
            text.push_str(&format!(
                "## Goal: G{n}\n```yaml\ncompetency: {competency}\n```\n"
            ));
        }
        case = case.file(format!("plans/p{p:02}.md"), text);
    }
    let out = case
        .args(["lint", "--no-history", "--format", "github"])
        .time(Duration::from_secs(40))
        .output(16 << 20)
        .code(1)
        .run();
    let text = out.stdout();
    let lines: Vec<&str> = text.lines().collect();
    let unknown: Vec<&&str> = lines.iter().filter(|l| l.contains("GR402")).collect();
    assert_eq!(unknown.len(), 30_000);
    assert_eq!(lines.iter().filter(|l| l.contains("GR403")).count(), 30);
    // Every finding stays one short line, whatever the ladder's size.
    let longest = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    assert!(longest < 1024, "a line of {longest} bytes");
    eprintln!("{}: {:?}", out.name, out.took);
    assert!(
        unknown[0].contains(
            "`skil-00000` is not a competency of the ladder%0Adid you mean `skill-00000`?"
        ),
        "{}",
        unknown[0]
    );
    assert!(
        unknown[1].contains("`zzzz1` is not a competency of the ladder%0Athe ladder's competencies are: skill-00000, skill-00001, skill-00002, skill-00003, skill-00004, skill-00005, skill-00006, skill-00007, … and 19992 more in ladder.yaml"),
        "{}",
        unknown[1]
    );
    let gap = lines.iter().find(|l| l.contains("GR403")).expect("a GR403");
    assert!(gap.contains("t needs more in 20000 competencies that no goal addresses: skill-00000, skill-00001, skill-00002, skill-00003, skill-00004, skill-00005, skill-00006, skill-00007, skill-00008, skill-00009, … and 19990 more"), "{gap}");
}

#[test]
fn unknown_levels_against_twenty_thousand_levels() {
    let levels: Vec<String> = (0..20_000).map(|i| format!("l-{i:05}")).collect();
    let ladder = format!("levels: [{}]\n", levels.join(", "));
    let text = "---\nowner: Ann Lee\nrole: zz-top\ntarget_role: l-1234\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n## Goal: G\n";
    let out = Case::new("ladder-20000-levels")
        .file("growth.yaml", "ladder: ladder.yaml\n")
        .file("ladder.yaml", ladder)
        .file("plans/ann.md", text)
        .args(["lint", "--no-history", "--format", "json"])
        .time(Duration::from_secs(20))
        .code(1)
        .run();
    let doc = out.json();
    assert_eq!(
        findings(&doc, "GR401"),
        [
            (
                "3:7".to_string(),
                "`role: zz-top` is not a level of the ladder".to_string(),
                "the ladder's levels are: l-00000, l-00001, l-00002, l-00003, l-00004, l-00005, l-00006, l-00007, … and 19992 more in ladder.yaml".to_string()
            ),
            (
                "4:14".to_string(),
                "`target_role: l-1234` is not a level of the ladder".to_string(),
                "did you mean `l-01234`?".to_string()
            ),
        ]
    );
}

/// A ladder over the size limit is refused as a ladder, before it is read: the message names
/// the file and says nothing about plans.
#[test]
fn a_ladder_over_the_size_limit_is_named_as_the_ladder() {
    let ladder = format!(
        "# {}\nlevels: [a]\n",
        "x".repeat(growth::source::MAX_FILE_BYTES as usize)
    );
    let out = Case::new("ladder-too-large")
        .file("growth.yaml", "ladder: ladder.yaml\n")
        .file("ladder.yaml", ladder)
        .file(
            "plans/ann.md",
            "---\nowner: Ann Lee\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n",
        )
        .args(["lint", "--no-history"])
        .code(2)
        .run();
    let stderr = out.stderr();
    assert!(stderr.contains("ladder.yaml"), "{stderr}");
    assert!(
        stderr.contains("the file is over the limit of 1048576 bytes that growth reads"),
        "{stderr}"
    );
    assert!(!stderr.contains("plan"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// Item 5: `-o` never writes over what the run reads.

#[test]
fn lint_o_refuses_the_plan_being_read() {
    let out = Case::new("lint-o-input")
        .file("plans/jane.md", JANE)
        .args(["lint", "-o", "plans/jane.md", "plans/jane.md"])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o plans/jane.md is one of the plans being read; choose another file\n"
    );
    assert_eq!(out.read("plans/jane.md"), JANE.as_bytes());
    assert!(out.stdout.is_empty());
}

#[test]
fn lint_o_refuses_another_plan() {
    let out = Case::new("lint-o-other-plan")
        .file("plans/jane.md", JANE)
        .file("plans/raj.md", JANE.replace("Jane Doe", "Raj Patel"))
        .args([
            "lint",
            "--format",
            "json",
            "-o",
            "plans/raj.md",
            "plans/jane.md",
        ])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o plans/raj.md is an existing plan; choose another file\n"
    );
    assert_eq!(
        out.read("plans/raj.md"),
        JANE.replace("Jane Doe", "Raj Patel").as_bytes()
    );
}

#[test]
fn lint_o_refuses_the_plan_named_from_another_directory() {
    let out = Case::new("lint-o-input-from-plans")
        .file("plans/jane.md", JANE)
        .cwd("plans")
        .env("NO_COLOR", "1")
        .args(["lint", "-o", "../plans/./jane.md", "."])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o ../plans/./jane.md is one of the plans being read; choose another file\n"
    );
    assert_eq!(out.read("plans/jane.md"), JANE.as_bytes());
}

#[test]
fn lint_o_refuses_the_config() {
    let out = Case::new("lint-o-config")
        .file("growth.yaml", "fail_on: warning\n")
        .file("plans/jane.md", JANE)
        .args(["lint", "-o", "growth.yaml"])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o growth.yaml is the config being read; choose another file\n"
    );
    assert_eq!(out.read("growth.yaml"), b"fail_on: warning\n");
}

#[test]
fn report_o_refuses_the_ladder_through_a_symbolic_link() {
    let ladder = "levels: [engineer, senior]\n";
    let out = Case::new("report-o-ladder-link")
        .file("growth.yaml", "ladder: ladder.yaml\n")
        .file("ladder.yaml", ladder)
        .file("plans/jane.md", JANE)
        .setup(|dir| std::os::unix::fs::symlink("ladder.yaml", dir.join("out.md")).expect("a link"))
        .args(["report", "--format", "markdown", "-o", "out.md"])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o out.md is the ladder being read; choose another file\n"
    );
    assert_eq!(out.read("ladder.yaml"), ladder.as_bytes());
}

#[test]
fn report_o_refuses_a_hard_link_to_a_plan() {
    let out = Case::new("report-o-hard-link")
        .file("plans/jane.md", JANE)
        .setup(|dir| {
            std::fs::hard_link(dir.join("plans/jane.md"), dir.join("report.md")).expect("a link")
        })
        .args(["report", "--format", "markdown", "-o", "report.md"])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o report.md is the same file as the plan plans/jane.md; choose another file\n"
    );
    assert_eq!(out.read("plans/jane.md"), JANE.as_bytes());
}

#[test]
fn report_o_refuses_the_plan_being_read() {
    let out = Case::new("report-o-input")
        .file("plans/jane.md", JANE)
        .args(["report", "--format", "html", "-o", "plans/jane.md"])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o plans/jane.md is one of the plans being read; choose another file\n"
    );
    assert_eq!(out.read("plans/jane.md"), JANE.as_bytes());
}

#[test]
fn lint_o_refuses_a_fifo_without_blocking() {
    let out = Case::new("lint-o-fifo")
        .file("plans/jane.md", JANE)
        .fifo("out.json")
        .args(["lint", "--format", "json", "-o", "out.json"])
        .time(Duration::from_secs(10))
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o out.json is a FIFO, not a regular file; choose another file\n"
    );
}

#[test]
fn report_o_refuses_a_device() {
    let out = Case::new("report-o-device")
        .file("plans/jane.md", JANE)
        .args(["report", "-o", "/dev/null"])
        .code(2)
        .run();
    assert_eq!(
        out.stderr(),
        "growth: error: -o /dev/null is a device, not a regular file; choose another file\n"
    );
}

#[test]
fn lint_o_replaces_an_old_report_whole() {
    let out = Case::new("lint-o-replace")
        .file("plans/jane.md", JANE)
        .file("out/findings.json", "an old report, longer than nothing")
        .args([
            "lint",
            "--no-history",
            "--format",
            "json",
            "-o",
            "out/findings.json",
        ])
        .code(0)
        .run();
    let doc: Value = serde_json::from_slice(&out.read("out/findings.json")).expect("JSON");
    assert_eq!(doc["summary"]["files"], 1);
    // No temporary file is left beside it.
    assert_eq!(out.names("out"), ["findings.json"]);
    assert_eq!(out.read("plans/jane.md"), JANE.as_bytes());
}

// ---------------------------------------------------------------------------------------------
// Item 9: nothing silently ignored.

#[test]
fn a_goal_block_fenced_yaml_in_capitals_is_read() {
    let body = "## Goal: Ship 3 things\n\n```YAML\ntargt: 3\n```\n\n### Actions\n- [ ] ship\n\n\
                ## Goal: Ship 4 things\n\n```Yml\ndue: 2026-02-30\n```\n\n### Actions\n- [ ] ship\n";
    let out = Case::new("fence-case")
        .file("plans/ann.md", plan(body))
        .args(["lint", "--no-history", "--format", "json"])
        .code(1)
        .run();
    let doc = out.json();
    assert_eq!(
        findings(&doc, "GR002"),
        [(
            "8:1".to_string(),
            "unknown goal key `targt`".to_string(),
            "did you mean `target`?".to_string()
        )]
    );
    assert_eq!(
        findings(&doc, "GR004"),
        [(
            "17:6".to_string(),
            "`2026-02-30` is not a real date: that month has no day 30".to_string(),
            "write dates as YYYY-MM-DD, e.g. 2026-06-30".to_string()
        )]
    );
}

#[test]
fn malformed_date_markers_are_findings_at_their_place() {
    let body = "## Goal: Ship 3 things\n\n### Actions\n\
                - [ ] one (due )\n\
                - [ ] two (due 2026-05-15\n\
                - [x] three (done 2026-13-40)\n\
                - [ ] four (due to the move\n";
    let out = Case::new("date-markers")
        .file("plans/ann.md", plan(body))
        .args(["lint", "--no-history", "--format", "json"])
        .code(1)
        .run();
    let doc = out.json();
    assert_eq!(
        findings(&doc, "GR004"),
        [
            (
                "8:11".to_string(),
                "`(due )` has no date".to_string(),
                "write the date inside, e.g. `(due 2026-06-30)`, or remove the marker".to_string()
            ),
            (
                "9:11".to_string(),
                "`(due 2026-05-15` is never closed: the date is not read".to_string(),
                "close the marker with `)`, e.g. `(due 2026-06-30)`".to_string()
            ),
            (
                "10:19".to_string(),
                "`2026-13-40` is not a real date: there is no month 13".to_string(),
                "write dates as YYYY-MM-DD, e.g. `(done 2026-02-10)`".to_string()
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Item 10: placeholders.

#[test]
fn init_writes_an_owner_named_like_a_placeholder_as_it_is() {
    let out = Case::new("init-placeholder-owner")
        .args(["init", "--owner", "{start}", "plans/new.md"])
        .code(0)
        .run();
    let text = String::from_utf8(out.read("plans/new.md")).expect("UTF-8");
    assert!(text.starts_with("---\nowner: \"{start}\"\n"), "{text}");
    assert!(
        text.contains("period: { start: 2026-01-01, end: 2026-06-30 }"),
        "{text}"
    );
    let parsed = growth::plan::parse_str("plans/new.md", text);
    let owner = parsed.plan.and_then(|p| p.owner).map(|o| o.value);
    assert_eq!(owner.as_deref(), Some("{start}"));
}

// ---------------------------------------------------------------------------------------------
// Item 12: a file name that is not UTF-8 can be mapped back.

/// `plans/café.md` in Latin-1: `é` is the single byte 0xE9.
fn latin1_name() -> &'static std::ffi::OsStr {
    use std::os::unix::ffi::OsStrExt as _;
    std::ffi::OsStr::from_bytes(b"plans/caf\xe9.md")
}

/// A plan that gets one warning (GR202, no measure).
const UNMEASURED: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: calm on-call
---

## Goal: Solve production issues on my own

```yaml
due: 2026-05-31
why: I already solve some
relevance: the team has a low bus factor
```

### Actions
- [ ] Take four shadow shifts (due 2026-04-30)
";

#[test]
fn lint_json_carries_the_bytes_of_a_latin1_name() {
    let out = Case::new("non-utf8-json")
        .file(latin1_name(), UNMEASURED)
        .args(["lint", "--no-history", "--format", "json"])
        .code(0)
        .run();
    let doc = out.json();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "GR202");
    assert_eq!(d["path"], "plans/caf\u{fffd}.md");
    assert_eq!(d["path_bytes"], "plans/caf\\xe9.md");
}

#[test]
fn sarif_uri_of_a_latin1_name_is_its_bytes() {
    let out = Case::new("non-utf8-sarif")
        .file(latin1_name(), UNMEASURED)
        .args(["lint", "--no-history", "--format", "sarif"])
        .code(0)
        .run();
    let doc = out.json();
    let location = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "plans/caf%E9.md");
}

#[test]
fn junit_of_a_latin1_name_has_its_bytes_in_a_property() {
    let out = Case::new("non-utf8-junit")
        .file(latin1_name(), UNMEASURED)
        .args(["lint", "--no-history", "--format", "junit"])
        .code(0)
        .run();
    let xml = out.stdout();
    assert!(
        xml.contains(
            r#"<properties><property name="path_bytes" value="plans/caf\xe9.md"/></properties>"#
        ),
        "{xml}"
    );
}

#[test]
fn report_json_of_a_latin1_name_is_whole() {
    let out = Case::new("non-utf8-report")
        .file(latin1_name(), UNMEASURED)
        .file("plans/jane.md", JANE)
        .args(["report", "--format", "json"])
        .code(0)
        .run();
    let doc = out.json();
    let paths: Vec<(&Value, &Value)> = doc["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .map(|p| (&p["path"], &p["path_bytes"]))
        .collect();
    assert_eq!(
        paths,
        [
            (
                &Value::from("plans/caf\u{fffd}.md"),
                &Value::from("plans/caf\\xe9.md")
            ),
            (&Value::from("plans/jane.md"), &Value::Null),
        ]
    );
}

#[test]
fn history_json_carries_the_bytes_of_a_latin1_name_and_its_rename() {
    let out = Case::new("non-utf8-history")
        .file(latin1_name(), UNMEASURED)
        .git()
        .setup(|dir| {
            use std::os::unix::ffi::OsStrExt as _;
            let to = dir.join(std::ffi::OsStr::from_bytes(b"plans/caf\xe9-2026.md"));
            std::fs::rename(dir.join(latin1_name()), to).expect("renamed");
            let home = tempfile::tempdir().expect("a home");
            harness::commit_all(home.path(), dir);
        })
        .args(["history", "--format", "json"])
        .code(0)
        .run();
    let doc = out.json();
    let fields = |e: &Value| {
        [
            "event",
            "path",
            "path_bytes",
            "plan",
            "plan_bytes",
            "from",
            "from_bytes",
        ]
        .map(|k| e[k].as_str().unwrap_or("-").to_string())
        .join(" ")
    };
    let events: Vec<String> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(fields)
        .collect();
    assert_eq!(
        events,
        [
            "plan-added plans/caf\u{fffd}.md plans/caf\\xe9.md plans/caf\u{fffd}-2026.md plans/caf\\xe9-2026.md - -",
            "goal-added plans/caf\u{fffd}.md plans/caf\\xe9.md plans/caf\u{fffd}-2026.md plans/caf\\xe9-2026.md - -",
            "action-added plans/caf\u{fffd}.md plans/caf\\xe9.md plans/caf\u{fffd}-2026.md plans/caf\\xe9-2026.md - -",
            "plan-renamed plans/caf\u{fffd}-2026.md plans/caf\\xe9-2026.md plans/caf\u{fffd}-2026.md plans/caf\\xe9-2026.md plans/caf\u{fffd}.md plans/caf\\xe9.md",
        ]
    );
}

#[test]
fn human_lint_of_a_latin1_name_is_plain_text() {
    let out = Case::new("non-utf8-human")
        .file(latin1_name(), UNMEASURED)
        .args(["lint", "--no-history"])
        .terminal_stdout(true)
        .code(0)
        .run();
    assert!(
        out.stdout().contains("--> plans/caf\u{fffd}.md:7:10"),
        "{}",
        out.stdout()
    );
}
