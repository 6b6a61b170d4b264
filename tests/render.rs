//! The lint renderers: snapshots of every format on findings from real linting, SARIF checked
//! against the official schema, fingerprints that survive unrelated edits, and exact escaping
//! for GitHub workflow commands and XML.

use chrono::NaiveDate;
use growth::config::Config;
use growth::diagnostic::{Diagnostic, Summary};
use growth::lint::registry::RULES;
use growth::lint::Linter;
use growth::plan::{self, ParsedPlan};
use growth::problem::{Problem, ProblemKind};
use growth::render::{write_lint, Format, LintReport};
use growth::severity::Severity;
use growth::source::{decode_text, Position, SourceFile, Span};
use serde_json::Value;

/// A vague goal whose overdue action has emoji and accents before the date, so columns
/// (characters) and byte offsets differ.
const JANE: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: Kind and curious.
---

# Plan

## Goal: Get better at system design

```yaml
measure: staff engineers ask me to review their designs
due: 2026-06-30
why: I write one a quarter already
relevance: the team needs more reviewers
```

### Actions
- [ ] 🚀 Ship the réservation design 📅 2026-02-01
";

/// Only infos, on a title of accented, wide (CJK) and emoji characters.
const ZOE: &str = "---
owner: Zoë Ōtani
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: Écrire pour apprendre.
---

## Goal: Écrire 2 articles — 日本語 🚀

```yaml
measure: 2 articles publiés
due: 2026-06-30
```

### Actions
- [ ] Écrire le premier brouillon 📅 2026-05-01
";

/// No north star, a measure over two lines (a multi-line span), and a goal id with every
/// character that GitHub commands and XML must escape.
const ESCAPES: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
---

## Goal: Run the 50% review

```yaml
id: \"50%, now: go\\r\\nnext <&>\\\"' \\u0001 line\"
measure: >-
  the team likes
  the reviews
```
";

const CLEAN: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: Kind and curious.
---

## Goal: Run 3 incident reviews

```yaml
measure: 3 incident reviews run and written up
due: 2026-06-30
why: I have shadowed five
relevance: the team needs more incident leads
```

### Actions
- [ ] Lead the next incident review (due 2026-05-31)
";

struct Fixture {
    diagnostics: Vec<Diagnostic>,
    files: Vec<SourceFile>,
    summary: Summary,
}

impl Fixture {
    fn render(&self, format: Format, statistics: bool, color: bool) -> String {
        let report = LintReport {
            diagnostics: &self.diagnostics,
            files: &self.files,
            summary: self.summary,
            statistics,
            color,
            fail_on: Severity::Warning,
        };
        let mut out = Vec::new();
        write_lint(format, &report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }
}

/// A file whose bytes are not UTF-8, as `plan::load` reports it: empty text and one problem.
fn not_utf8(path: &str) -> ParsedPlan {
    let err = decode_text(b"---\nowner: Zo\xeb\n".to_vec()).unwrap_err();
    ParsedPlan {
        file: SourceFile::new(path, String::new()),
        plan: None,
        problems: vec![Problem::new(
            ProblemKind::Unreadable,
            Span::at(0),
            err.to_string(),
        )],
    }
}

fn lint(plans: Vec<ParsedPlan>) -> Fixture {
    let mut config = Config::default();
    // The built-in word lists may change; this phrase stays vague whatever they hold.
    config
        .options
        .vague_phrases
        .push("get better at".to_string());
    let today = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    // The fixtures have no check-ins; staleness is not what these tests are about.
    let linter = Linter::new(&config, None, today)
        .unwrap()
        .without_history_rules();
    let mut fixture = Fixture {
        diagnostics: Vec::new(),
        files: Vec::new(),
        summary: Summary::default(),
    };
    for parsed in plans {
        fixture.diagnostics.extend(linter.lint(&parsed));
        fixture.summary.files += 1;
        fixture.summary.goals += parsed.plan.as_ref().map_or(0, |p| p.goals.len());
        fixture.files.push(parsed.file);
    }
    fixture.files.sort_by(|a, b| a.path().cmp(b.path()));
    fixture
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    for d in &fixture.diagnostics {
        fixture.summary.count(d.severity);
    }
    fixture
}

fn all() -> Fixture {
    lint(vec![
        plan::parse_str("plans/jane.md", JANE),
        plan::parse_str("plans/zoë 日本.md", ZOE),
        plan::parse_str("plans/esc.md", ESCAPES),
        plan::parse_str("plans/clean.md", CLEAN),
        not_utf8("plans/broken.md"),
    ])
}

fn clean() -> Fixture {
    lint(vec![plan::parse_str("plans/clean.md", CLEAN)])
}

/// Removes ANSI escape sequences (CSI `ESC [ … letter` and OSC `ESC ] … ESC \`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => while chars.next().is_some_and(|c| !c.is_ascii_alphabetic()) {},
            Some(']') => while chars.next().is_some_and(|c| c != '\\') {},
            _ => {}
        }
    }
    out
}

#[test]
fn the_fixtures_cover_what_the_renderers_must_handle() {
    let f = all();
    let codes: Vec<&str> = f.diagnostics.iter().map(|d| d.code).collect();
    for code in ["GR001", "GR201", "GR208", "GR301", "GR204"] {
        assert!(codes.contains(&code), "no {code} in {codes:?}");
    }
    assert!(
        f.diagnostics.iter().any(|d| d.end.line > d.start.line),
        "no multi-line span"
    );
    assert!(f
        .diagnostics
        .iter()
        .any(|d| d.message.contains("%, now: go\r\n")));
    assert!(f.summary.errors > 0 && f.summary.warnings > 0 && f.summary.infos > 0);
}

#[test]
fn human() {
    let out = all().render(Format::Human, false, false);
    assert!(!out.contains('\x1b'), "ANSI escapes without colour");
    insta::assert_snapshot!(out);
}

#[test]
fn human_with_statistics() {
    let out = all().render(Format::Human, true, false);
    assert!(!out.contains('\x1b'), "ANSI escapes without colour");
    insta::assert_snapshot!(out);
}

#[test]
fn human_with_colour_is_the_same_text_styled() {
    let f = all();
    let styled = f.render(Format::Human, true, true);
    assert!(styled.contains("\x1b["), "no ANSI escapes with colour");
    assert_eq!(strip_ansi(&styled), f.render(Format::Human, true, false));
}

#[test]
fn human_without_findings() {
    let f = clean();
    let out = f.render(Format::Human, true, false);
    assert_eq!(out, "No problems found in 1 file (1 goal).\n");
    let mut many = f;
    many.summary.files = 4;
    many.summary.goals = 11;
    insta::assert_snapshot!(many.render(Format::Human, false, false), @"No problems found in 4 files (11 goals).");
}

fn at(line: usize, column: usize) -> Position {
    Position { line, column }
}

fn finding(path: &str, start: Position, end: Position, message: &str) -> Diagnostic {
    Diagnostic {
        code: "GR201",
        rule: "vague-goal",
        severity: Severity::Warning,
        path: path.into(),
        span: Span::default(),
        start,
        end,
        message: message.to_string(),
        help: None,
        fix: None,
    }
}

#[test]
fn human_clamps_positions_and_handles_crlf() {
    // Positions past the end of a line or of the file (a file changed under us, a buggy rule)
    // must not panic; CR line ends must not show up in the snippet.
    let f = Fixture {
        diagnostics: vec![
            finding("plans/crlf.md", at(2, 8), at(2, 11), "in a CRLF file"),
            finding(
                "plans/crlf.md",
                at(2, 40),
                at(2, 40),
                "an empty span past the line's end",
            ),
            finding(
                "plans/crlf.md",
                at(3, 1),
                at(4, 1),
                "ends at the start of the next line",
            ),
            finding(
                "plans/crlf.md",
                at(99, 5),
                at(120, 1),
                "past the end of the file",
            ),
            finding("plans/crlf.md", at(3, 4), at(2, 1), "ends before it starts"),
        ],
        files: vec![SourceFile::new(
            "plans/crlf.md",
            "---\r\nowner: Zoë\r\nperiod: x\r\n",
        )],
        summary: Summary {
            files: 1,
            warnings: 5,
            ..Summary::default()
        },
    };
    let out = f.render(Format::Human, false, false);
    assert!(!out.contains('\r'));
    insta::assert_snapshot!(out);
}

#[test]
fn json() {
    let f = all();
    let out = f.render(Format::Json, true, false);
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value["diagnostics"].as_array().unwrap().len(),
        f.diagnostics.len()
    );
    insta::assert_snapshot!(out);
    let plain: Value = serde_json::from_str(&f.render(Format::Json, false, false)).unwrap();
    assert!(plain.get("statistics").is_none());
    assert_eq!(plain["diagnostics"], value["diagnostics"]);
}

#[test]
fn json_without_findings() {
    insta::assert_snapshot!(clean().render(Format::Json, false, false));
}

/// The SARIF output with the parts that change for other reasons (rule docs, the version)
/// replaced, so the snapshot shows the structure and the results.
fn sarif_for_snapshot(out: &str) -> String {
    let mut value: Value = serde_json::from_str(out).unwrap();
    let driver = &mut value["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array_mut().unwrap();
    assert_eq!(rules.len(), RULES.len());
    let gr201 = rules.iter().find(|r| r["id"] == "GR201").unwrap().clone();
    rules.clear();
    rules.push(gr201);
    rules.push(Value::String(format!(
        "… and {} more rules",
        RULES.len() - 1
    )));
    driver["version"] = Value::String("[version]".into());
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn sarif() {
    let out = all().render(Format::Sarif, false, false);
    insta::assert_snapshot!(sarif_for_snapshot(&out));
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let schema = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schemas/sarif-schema-2.1.0.json"
    ))
    .expect("the vendored SARIF schema (tests/fixtures/schemas)");
    let schema: Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for fixture in [all(), clean()] {
        let out: Value = serde_json::from_str(&fixture.render(Format::Sarif, true, false)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&out)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    }
}

/// `(ruleId, startLine, fingerprint)` of every SARIF result.
fn fingerprints(f: &Fixture) -> Vec<(String, u64, String)> {
    let out: Value = serde_json::from_str(&f.render(Format::Sarif, false, false)).unwrap();
    out["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                r["partialFingerprints"]["growth/v1"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn sarif_fingerprints_survive_unrelated_edits() {
    let before = fingerprints(&lint(vec![plan::parse_str("plans/jane.md", JANE)]));
    let edited = JANE.replace("# Plan\n", "# Plan\n\nA paragraph\nof three\nlines.\n");
    let after = fingerprints(&lint(vec![plan::parse_str("plans/jane.md", edited)]));
    let find = |all: &[(String, u64, String)], code: &str| {
        all.iter().find(|r| r.0 == code).cloned().unwrap()
    };
    for code in ["GR201", "GR208"] {
        let (b, a) = (find(&before, code), find(&after, code));
        assert_eq!(a.1, b.1 + 4, "{code} did not move");
        assert_eq!(a.2, b.2, "{code}'s fingerprint changed");
        assert_eq!(a.2.len(), 16);
    }
    // The same finding on an identical line is told apart by its order.
    let twice = JANE.replace(
        "### Actions",
        "## Goal: Get better at system design\n\n### Actions",
    );
    let twice = fingerprints(&lint(vec![plan::parse_str("plans/jane.md", twice)]));
    let vague: Vec<_> = twice.iter().filter(|r| r.0 == "GR201").collect();
    assert_eq!(vague.len(), 2);
    assert_ne!(vague[0].2, vague[1].2);
    assert_eq!(vague[0].2, find(&before, "GR201").2);
}

#[test]
fn github() {
    let out = all().render(Format::Github, false, false);
    insta::assert_snapshot!(out);
}

#[test]
fn github_escapes_data_and_properties() {
    let out = all().render(Format::Github, false, false);
    let line = out.lines().find(|l| l.contains("GR102")).unwrap();
    assert_eq!(
        line,
        "::error file=plans/esc.md,line=6,col=10,endLine=6,endColumn=28,title=GR102 goal-without-actions::\
         the goal `50%25, now: go%0D%0Anext <&>\"' \u{fffd} line` has no actions\
         %0Aadd an `### Actions` list under the goal with at least one `- [ ] …` item"
    );
    let zoe = out.lines().find(|l| l.contains("zo")).unwrap();
    assert!(
        zoe.starts_with("::notice file=plans/zoë 日本.md,line=7,"),
        "{zoe}"
    );
    assert_eq!(out.lines().count(), all().diagnostics.len());
}

#[test]
fn junit() {
    let out = all().render(Format::Junit, false, false);
    insta::assert_snapshot!(out);
}

#[test]
fn junit_is_well_formed_and_escaped() {
    let f = all();
    let out = f.render(Format::Junit, false, false);
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    assert_eq!(out.matches("<testcase ").count(), f.files.len());
    assert_eq!(
        out.matches("</testcase>").count() + out.matches("\"/>").count(),
        f.files.len()
    );
    assert_eq!(
        out.matches("<failure ").count(),
        out.matches("</failure>").count()
    );
    assert!(
        out.contains(r#"<testsuites name="growth" tests="5" failures="3" errors="0">"#),
        "{out}"
    );
    // Content: markup characters escaped, CR kept as a reference, U+0001 (not allowed in XML
    // 1.0 at all) replaced.
    assert!(out.contains(
        "goal `50%, now: go&#13;\nnext &lt;&amp;&gt;&quot;&apos; \u{fffd} line` has no actions"
    ));
    // Attributes: line breaks as references too, or parsers would turn them into spaces.
    assert!(out.contains(
        "message=\"the goal `50%, now: go&#13;&#10;next &lt;&amp;&gt;&quot;&apos; \u{fffd} line` has no actions (and 1 more)\" type=\"GR102\">"
    ));
    assert!(!out.contains('\u{1}'));
    // Infos alone do not fail a file; they are listed.
    let zoe = out
        .split("<testcase ")
        .find(|c| c.starts_with("name=\"plans/zoë"))
        .unwrap();
    assert!(
        zoe.contains("<system-out>") && !zoe.contains("<failure"),
        "{zoe}"
    );
    assert!(out.contains(
        "<testcase name=\"plans/clean.md\" classname=\"growth.lint\" file=\"plans/clean.md\"/>"
    ));
}
