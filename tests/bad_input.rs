//! Bad input (spec §6): every broken file gets a finding with the right rule code, the exact
//! line and column, and a message that says what is wrong; the run goes on with the other
//! files; nothing panics, hangs or reads without bound.
//!
//! Each case is a [`Case`]: a file name, its text and the findings it must get. The library
//! tests read it with `plan::parse_str` (or `plan::load` for files that only exist as bytes) and
//! the [`Linter`]; `cli_reports_every_bad_file_and_lints_the_rest` writes every case into one
//! directory next to a valid plan and checks the same findings in `growth lint --format json`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use chrono::NaiveDate;
use growth::config::Config;
use growth::diagnostic::Diagnostic;
use growth::lint::Linter;
use growth::plan::{self, ParsedPlan};
use growth::source::{self, MAX_FILE_BYTES};
use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-03-01";

/// A valid plan: linted in the same CLI run as the broken files, it must still get its finding.
const CONTROL: &str = "tests/fixtures/bad/control.md";

/// Budget-limited YAML (alias bombs, deep nesting) must be refused at least this fast.
const QUICK: Duration = Duration::from_secs(1);

// ---------------------------------------------------------------------------------------------
// Building blocks of the plans below. Lines 1–7 are the front matter and the title, so a goal
// heading is on line 8 and the first line of its ```yaml block on line 11.

macro_rules! front_matter {
    () => {
        "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n\n# Plan\n\n"
    };
}

/// A Markdown plan with one goal whose yaml block holds `$meta` (from line 11).
macro_rules! md_goal {
    ($meta:expr) => {
        concat!(
            front_matter!(),
            "## Goal: Run 4 incident reviews\n\n```yaml\n",
            $meta,
            "```\n\n### Actions\n- [ ] Run the April review (due 2026-04-30)\n"
        )
    };
}

/// A Markdown plan with one goal; its `### Actions` list items start on line 15.
macro_rules! md_actions {
    ($items:expr) => {
        concat!(
            front_matter!(),
            "## Goal: Run 4 incident reviews\n\n```yaml\nmeasure: 4 reviews run\n```\n\n### Actions\n",
            $items
        )
    };
}

/// A YAML plan whose only goal holds `$keys` (from line 5, indented by four spaces).
macro_rules! yaml_goal {
    ($keys:expr) => {
        concat!(
            "owner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n",
            "  - title: Run 4 incident reviews\n",
            $keys
        )
    };
}

/// A file and the findings it must get.
struct Case {
    file: &'static str,
    text: &'static str,
    /// `(code, "line:column", part of the message)`.
    expect: &'static [(&'static str, &'static str, &'static str)],
}

// ---------------------------------------------------------------------------------------------
// The cases.

const FRONT_MATTER_SYNTAX: Case = Case {
    file: "front-matter-syntax.md",
    text: concat!(
        "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30\n---\n\n# Plan\n\n",
        "## Goal: Run 4 incident reviews\n"
    ),
    expect: &[("GR001", "3:9", "the front matter is not valid YAML")],
};

const GOAL_BLOCK_SYNTAX: Case = Case {
    file: "goal-block-syntax.md",
    text: concat!(
        md_goal!("measure: 4 reviews run\ndue: [2026-06-30\n"),
        "\n## Goal: Write the on-call guide\n\n```yaml\nmesure: a guide the team uses\n```\n"
    ),
    expect: &[
        ("GR001", "12:6", "the goal's yaml block is not valid YAML"),
        // The file is still read past the broken block.
        ("GR002", "21:1", "unknown goal key `mesure`"),
    ],
};

const YAML_PLAN_SYNTAX: Case = Case {
    file: "plan-syntax.yaml",
    text: yaml_goal!("    measure: 4 reviews run\n    due: [2026-06-30\n"),
    expect: &[("GR001", "6:10", "the plan is not valid YAML")],
};

const OWNER_LIST_MD: Case = Case {
    file: "owner-list.md",
    text:
        "---\nowner: [Jane Doe, Raj Patel]\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n",
    expect: &[("GR001", "2:8", "expected text, found a list")],
};

const OWNER_LIST_YAML: Case = Case {
    file: "owner-list.yaml",
    text: "owner: [Jane Doe, Raj Patel]\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n",
    expect: &[("GR001", "1:8", "expected text, found a list")],
};

const DUE_NUMBER_MD: Case = Case {
    file: "due-number.md",
    text: md_goal!("measure: 4 reviews run\ndue: 20260630\n"),
    expect: &[(
        "GR001",
        "12:6",
        "expected a date (YYYY-MM-DD), found a whole number",
    )],
};

const DUE_NUMBER_YAML: Case = Case {
    file: "due-number.yaml",
    text: yaml_goal!("    due: 20260630\n"),
    expect: &[(
        "GR001",
        "5:10",
        "expected a date (YYYY-MM-DD), found a whole number",
    )],
};

const STATUS_FINISHED_MD: Case = Case {
    file: "status-finished.md",
    text: md_goal!("measure: 4 reviews run\nstatus: finished\n"),
    expect: &[(
        "GR001",
        "12:9",
        "`finished` is not one of planned, active, done, dropped, blocked",
    )],
};

const STATUS_TYPO_YAML: Case = Case {
    file: "status-typo.yaml",
    text: yaml_goal!("    status: actve\n"),
    expect: &[(
        "GR001",
        "5:13",
        "`actve` is not one of planned, active, done",
    )],
};

const PERIOD_TEXT_MD: Case = Case {
    file: "period-text.md",
    text: "---\nowner: Jane Doe\nperiod: first half of 2026\n---\n",
    expect: &[(
        "GR001",
        "3:9",
        "expected a mapping of period keys, found text",
    )],
};

const PERIOD_TEXT_YAML: Case = Case {
    file: "period-text.yaml",
    text: "owner: Jane Doe\nperiod: 2026-H1\n",
    expect: &[(
        "GR001",
        "2:9",
        "expected a mapping of period keys, found text",
    )],
};

const UNKNOWN_FRONT_MATTER_KEY: Case = Case {
    file: "unknown-front-matter-key.md",
    text: "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nnorth_str: Calm\n---\n",
    expect: &[("GR002", "4:1", "unknown front matter key `north_str`")],
};

const UNKNOWN_GOAL_KEY_MD: Case = Case {
    file: "unknown-goal-key.md",
    text: md_goal!("mesure: 4 reviews run\n"),
    expect: &[("GR002", "11:1", "unknown goal key `mesure`")],
};

const UNKNOWN_PLAN_KEY_YAML: Case = Case {
    file: "unknown-plan-key.yaml",
    text: "owner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nnorth_str: Calm\n",
    expect: &[("GR002", "3:1", "unknown plan key `north_str`")],
};

const UNKNOWN_GOAL_KEY_YAML: Case = Case {
    file: "unknown-goal-key.yaml",
    text: yaml_goal!("    mesure: 4 reviews run\n"),
    expect: &[("GR002", "5:5", "unknown goal key `mesure`")],
};

const UNKNOWN_ACTION_KEY: Case = Case {
    file: "unknown-action-key.yaml",
    text: yaml_goal!("    actions:\n      - { text: Run the April review, deu: 2026-04-30 }\n"),
    expect: &[("GR002", "6:39", "unknown action key `deu`")],
};

const UNKNOWN_CHECKIN_KEY: Case = Case {
    file: "unknown-checkin-key.yaml",
    text: yaml_goal!("    checkins:\n      - { date: 2026-03-01, vlaue: 1 }\n"),
    expect: &[("GR002", "6:29", "unknown check-in key `vlaue`")],
};

const SEVERAL_UNKNOWN_KEYS_MD: Case = Case {
    file: "several-unknown-keys.md",
    text: concat!(
        "---\nownr: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nreveiw: 2026-06-15\n---\n",
        "\n## Goal: Run 4 incident reviews\n\n```yaml\nmesure: 4 reviews run\ntaget: 4\n```\n"
    ),
    expect: &[
        ("GR002", "2:1", "unknown front matter key `ownr`"),
        ("GR002", "4:1", "unknown front matter key `reveiw`"),
        ("GR002", "10:1", "unknown goal key `mesure`"),
        ("GR002", "11:1", "unknown goal key `taget`"),
    ],
};

const SEVERAL_UNKNOWN_KEYS_YAML: Case = Case {
    file: "several-unknown-keys.yaml",
    text: concat!(
        "ownr: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n",
        "  - title: Run 4 incident reviews\n    mesure: 4 reviews run\n",
        "    actions:\n      - { txt: Run the April review }\n",
        "    checkins:\n      - { date: 2026-03-01, nte: first review done }\n"
    ),
    expect: &[
        ("GR002", "1:1", "unknown plan key `ownr`"),
        ("GR002", "5:5", "unknown goal key `mesure`"),
        ("GR002", "7:11", "unknown action key `txt`"),
        ("GR002", "9:29", "unknown check-in key `nte`"),
    ],
};

const NO_SUCH_DAY_MD: Case = Case {
    file: "no-such-day.md",
    text: md_goal!("measure: 4 reviews run\ndue: 2026-02-30\n"),
    expect: &[(
        "GR004",
        "12:6",
        "`2026-02-30` is not a real date: that month has no day 30",
    )],
};

const NO_SUCH_DAY_YAML: Case = Case {
    file: "no-such-day.yaml",
    text: yaml_goal!("    checkins:\n      - { date: 2026-02-30, value: 1 }\n"),
    expect: &[(
        "GR004",
        "6:17",
        "`2026-02-30` is not a real date: that month has no day 30",
    )],
};

const NO_SUCH_MONTH_MD: Case = Case {
    file: "no-such-month.md",
    text: md_actions!("- [ ] Run the April review (due 2026-13-01)\n"),
    expect: &[(
        "GR004",
        "15:33",
        "`2026-13-01` is not a real date: there is no month 13",
    )],
};

const NO_SUCH_MONTH_YAML: Case = Case {
    file: "no-such-month.yaml",
    text: yaml_goal!("    due: 2026-13-01\n"),
    expect: &[(
        "GR004",
        "5:10",
        "`2026-13-01` is not a real date: there is no month 13",
    )],
};

const UNPADDED_DATE_MD: Case = Case {
    file: "unpadded-date.md",
    text: md_actions!("- [x] Run the January review ✅ 2026-2-3\n"),
    expect: &[(
        "GR004",
        "15:32",
        "`2026-2-3` is not a date in the form YYYY-MM-DD",
    )],
};

const UNPADDED_DATE_YAML: Case = Case {
    file: "unpadded-date.yaml",
    text: yaml_goal!("    actions:\n      - { text: Run the April review, due: 2026-4-3 }\n"),
    expect: &[(
        "GR004",
        "6:44",
        "`2026-4-3` is not a date in the form YYYY-MM-DD",
    )],
};

const WORDS_FOR_DATE: Case = Case {
    file: "words-for-date.md",
    text: md_actions!("- [ ] Run the April review (due next week)\n"),
    expect: &[(
        "GR004",
        "15:33",
        "`next week` is not a date in the form YYYY-MM-DD",
    )],
};

const CHECKIN_WITHOUT_DATE_MD: Case = Case {
    file: "checkin-without-date.md",
    text: md_actions!(
        "- [ ] Run the April review (due 2026-04-30)\n\n### Check-ins\n- solved 2 of 17 issues\n"
    ),
    expect: &[("GR004", "18:3", "a check-in entry must start with its date")],
};

const CHECKIN_WITHOUT_DATE_YAML: Case = Case {
    file: "checkin-without-date.yaml",
    text: yaml_goal!("    checkins:\n      - { value: 2, note: solved 2 of 17 issues }\n"),
    expect: &[("GR003", "6:9", "a check-in without a `date`")],
};

const PERIOD_REVERSED_MD: Case = Case {
    file: "period-reversed.md",
    text: "---\nowner: Jane Doe\nperiod: { start: 2026-06-30, end: 2026-01-01 }\n---\n",
    expect: &[(
        "GR004",
        "3:35",
        "the period ends (2026-01-01) before it starts (2026-06-30)",
    )],
};

const PERIOD_REVERSED_YAML: Case = Case {
    file: "period-reversed.yaml",
    text: "owner: Jane Doe\nperiod:\n  start: 2026-06-30\n  end: 2026-01-01\n",
    expect: &[(
        "GR004",
        "4:8",
        "the period ends (2026-01-01) before it starts (2026-06-30)",
    )],
};

const EMPTY_MD: Case = Case {
    file: "empty.md",
    text: "",
    expect: &[("GR003", "1:1", "the plan has no front matter")],
};

const EMPTY_YAML: Case = Case {
    file: "empty.yaml",
    text: "",
    expect: &[
        ("GR003", "1:1", "the plan has no `owner`"),
        ("GR003", "1:1", "the plan has no `period`"),
    ],
};

const BLANK_YAML: Case = Case {
    file: "blank.yaml",
    text: "\n   \n\n",
    expect: &[("GR003", "1:1", "the plan has no `owner`")],
};

const ONLY_FRONT_MATTER: Case = Case {
    file: "only-front-matter.md",
    text: "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n",
    expect: &[("GR006", "1:1", "the plan has no goals")],
};

const FRONT_MATTER_NEVER_CLOSED: Case = Case {
    file: "front-matter-never-closed.md",
    text: concat!(
        "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n\n# Plan\n\n",
        "## Goal: Run 4 incident reviews\n"
    ),
    expect: &[("GR001", "1:1", "the front matter is never closed")],
};

const FLOW_MAPPING_COMMA: Case = Case {
    file: "flow-mapping-comma.yaml",
    text: yaml_goal!(
        "    checkins:\n      - { date: 2026-03-01, note: solved 2, needed help on 1 }\n"
    ),
    expect: &[("GR002", "6:45", "unknown check-in key `needed help on 1`")],
};

const MISSING_OWNER_AND_PERIOD_MD: Case = Case {
    file: "missing-owner-and-period.md",
    text: concat!(
        "---\nrole: senior-engineer\n---\n\n",
        "## Goal: Run 4 incident reviews\n"
    ),
    expect: &[
        ("GR003", "2:1", "the plan has no `owner`"),
        ("GR003", "2:1", "the plan has no `period`"),
    ],
};

const MISSING_OWNER_AND_PERIOD_YAML: Case = Case {
    file: "missing-owner-and-period.yaml",
    text: "role: senior-engineer\ngoals:\n  - title: Run 4 incident reviews\n",
    expect: &[
        ("GR003", "1:1", "the plan has no `owner`"),
        ("GR003", "1:1", "the plan has no `period`"),
    ],
};

const GOAL_WITHOUT_TITLE_MD: Case = Case {
    file: "goal-without-title.md",
    text: concat!(
        front_matter!(),
        "## Goal:\n\n```yaml\nmeasure: 4 reviews run\n```\n"
    ),
    expect: &[("GR003", "8:1", "a goal heading without a title")],
};

const GOAL_WITHOUT_TITLE_YAML: Case = Case {
    file: "goal-without-title.yaml",
    text: concat!(
        "owner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n",
        "  - measure: 4 reviews run\n"
    ),
    expect: &[("GR003", "4:5", "a goal without a `title`")],
};

const TAB_INDENT_YAML: Case = Case {
    file: "tab-indent.yaml",
    text: "owner: Jane Doe\nperiod:\n\tstart: 2026-01-01\n\tend: 2026-06-30\n",
    expect: &[("GR001", "3:1", "tab")],
};

const TAB_INDENT_MD: Case = Case {
    file: "tab-indent.md",
    text: md_goal!("measure: 4 reviews run\n\tdue: 2026-06-30\n"),
    expect: &[("GR001", "12:1", "tab")],
};

const DUPLICATE_KEY_YAML: Case = Case {
    file: "duplicate-key.yaml",
    text: "owner: Jane Doe\nowner: Raj Patel\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n",
    expect: &[(
        "GR001",
        "2:1",
        "the key `owner` appears twice in one mapping (first on line 1)",
    )],
};

const DUPLICATE_KEY_MD: Case = Case {
    file: "duplicate-key.md",
    text: md_goal!("measure: 4 reviews run\ndue: 2026-06-30\nmeasure: 5 reviews run\n"),
    expect: &[(
        "GR001",
        "13:1",
        "the key `measure` appears twice in one mapping (first on line 11)",
    )],
};

/// Every case, for the CLI run.
const CASES: &[&Case] = &[
    &FRONT_MATTER_SYNTAX,
    &GOAL_BLOCK_SYNTAX,
    &YAML_PLAN_SYNTAX,
    &OWNER_LIST_MD,
    &OWNER_LIST_YAML,
    &DUE_NUMBER_MD,
    &DUE_NUMBER_YAML,
    &STATUS_FINISHED_MD,
    &STATUS_TYPO_YAML,
    &PERIOD_TEXT_MD,
    &PERIOD_TEXT_YAML,
    &UNKNOWN_FRONT_MATTER_KEY,
    &UNKNOWN_GOAL_KEY_MD,
    &UNKNOWN_PLAN_KEY_YAML,
    &UNKNOWN_GOAL_KEY_YAML,
    &UNKNOWN_ACTION_KEY,
    &UNKNOWN_CHECKIN_KEY,
    &SEVERAL_UNKNOWN_KEYS_MD,
    &SEVERAL_UNKNOWN_KEYS_YAML,
    &NO_SUCH_DAY_MD,
    &NO_SUCH_DAY_YAML,
    &NO_SUCH_MONTH_MD,
    &NO_SUCH_MONTH_YAML,
    &UNPADDED_DATE_MD,
    &UNPADDED_DATE_YAML,
    &WORDS_FOR_DATE,
    &CHECKIN_WITHOUT_DATE_MD,
    &CHECKIN_WITHOUT_DATE_YAML,
    &PERIOD_REVERSED_MD,
    &PERIOD_REVERSED_YAML,
    &EMPTY_MD,
    &EMPTY_YAML,
    &BLANK_YAML,
    &ONLY_FRONT_MATTER,
    &FRONT_MATTER_NEVER_CLOSED,
    &FLOW_MAPPING_COMMA,
    &MISSING_OWNER_AND_PERIOD_MD,
    &MISSING_OWNER_AND_PERIOD_YAML,
    &GOAL_WITHOUT_TITLE_MD,
    &GOAL_WITHOUT_TITLE_YAML,
    &TAB_INDENT_YAML,
    &TAB_INDENT_MD,
    &DUPLICATE_KEY_YAML,
    &DUPLICATE_KEY_MD,
];

// ---------------------------------------------------------------------------------------------
// Helpers.

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn lint(parsed: &ParsedPlan) -> Vec<Diagnostic> {
    Linter::new(&Config::default(), None, today())
        .unwrap()
        .lint(parsed)
}

fn lint_str(file: &str, text: &str) -> Vec<Diagnostic> {
    lint(&plan::parse_str(file, text))
}

fn pos(d: &Diagnostic) -> String {
    format!("{}:{}", d.start.line, d.start.column)
}

/// One finding per line, for failure messages.
fn listing(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            format!(
                "  {} {} {} (help: {:?})\n",
                pos(d),
                d.code,
                d.message,
                d.help
            )
        })
        .collect()
}

/// The finding with `code` at `at` whose message contains `says`; fails listing all findings.
fn expect<'d>(diags: &'d [Diagnostic], code: &str, at: &str, says: &str) -> &'d Diagnostic {
    diags
        .iter()
        .find(|d| d.code == code && pos(d) == at && d.message.contains(says))
        .unwrap_or_else(|| {
            panic!(
                "no {code} at {at} saying {says:?}; found:\n{}",
                listing(diags)
            )
        })
}

/// Lints a case's text and checks each of its expected findings; returns all findings.
fn check(case: &Case) -> Vec<Diagnostic> {
    let diags = lint_str(case.file, case.text);
    for &(code, at, says) in case.expect {
        expect(&diags, code, at, says);
    }
    diags
}

/// The only finding of a case with `code`; fails when there are none or several.
fn only<'d>(diags: &'d [Diagnostic], code: &str) -> &'d Diagnostic {
    let found: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == code).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {code}, found:\n{}",
        listing(diags)
    );
    found[0]
}

fn help(d: &Diagnostic) -> &str {
    d.help.as_deref().unwrap_or("")
}

/// Parses and lints `text`, failing when that takes longer than [`QUICK`].
fn lint_quickly(file: &str, text: &str) -> Vec<Diagnostic> {
    let started = Instant::now();
    let parsed = plan::parse_str(file, text);
    let took = started.elapsed();
    assert!(
        took < QUICK,
        "{file}: parsing {} bytes took {took:?}",
        text.len()
    );
    lint(&parsed)
}

/// Six links of ten aliases each: 10^7 nodes if expanded.
fn alias_bomb(indent: &str) -> String {
    let mut bomb = format!("{indent}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..=6 {
        let p = format!("*a{}", i - 1);
        let refs = [p.as_str(); 10].join(", ");
        bomb.push_str(&format!("{indent}a{i}: &a{i} [{refs}]\n"));
    }
    bomb
}

/// A block mapping nested `depth` levels deep, one space of indentation per level.
fn deep_block_mapping(depth: usize) -> String {
    (0..depth)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A file of exactly `len` bytes: a valid plan padded with Markdown text lines.
fn plan_of_size(len: usize) -> Vec<u8> {
    let mut bytes = std::fs::read(CONTROL).unwrap();
    let line = b"Notes, kept as free Markdown text and never judged by the linter.\n";
    while bytes.len() + line.len() <= len {
        bytes.extend_from_slice(line);
    }
    bytes.resize(len, b'.');
    bytes
}

/// Latin-1 text: `é` as the single byte 0xE9, on line 2, column 9.
const LATIN1: &[u8] =
    b"---\nowner: J\xe9r\xf4me\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n";

/// The start of a PNG image: a NUL byte on line 3, column 1.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";

// ---------------------------------------------------------------------------------------------
// Invalid YAML.

#[test]
fn invalid_yaml_in_front_matter() {
    let diags = check(&FRONT_MATTER_SYNTAX);
    let d = only(&diags, "GR001");
    assert!(
        d.message.contains("`{ … }` is never closed"),
        "{}",
        d.message
    );
}

#[test]
fn invalid_yaml_in_a_goal_block_points_inside_the_block() {
    let diags = check(&GOAL_BLOCK_SYNTAX);
    let d = only(&diags, "GR001");
    assert!(
        d.message.contains("`[ … ]` list is never closed"),
        "{}",
        d.message
    );
    // Line 12 of the file is line 2 of the block: `due: [2026-06-30`, at the `[`.
    assert_eq!(
        &GOAL_BLOCK_SYNTAX.text[d.span.start..][..1],
        "[",
        "{}",
        listing(&diags)
    );
}

#[test]
fn invalid_yaml_plan() {
    let diags = check(&YAML_PLAN_SYNTAX);
    only(&diags, "GR001");
}

#[test]
fn invalid_yaml_with_a_bom_and_crlf_points_at_the_same_place() {
    let crlf = FRONT_MATTER_SYNTAX.text.replace('\n', "\r\n");
    let bom = format!("\u{feff}{crlf}");
    let d = lint_str("p.md", &bom);
    expect(&d, "GR001", "3:9", "the front matter is not valid YAML");
}

// ---------------------------------------------------------------------------------------------
// Wrong types.

#[test]
fn owner_as_a_list() {
    check(&OWNER_LIST_MD);
    check(&OWNER_LIST_YAML);
}

#[test]
fn due_as_a_number() {
    check(&DUE_NUMBER_MD);
    check(&DUE_NUMBER_YAML);
}

#[test]
fn status_not_one_of_the_allowed_words_lists_them() {
    check(&STATUS_FINISHED_MD);
    let diags = check(&STATUS_TYPO_YAML);
    let d = only(&diags, "GR001");
    assert_eq!(help(d), "did you mean `active`?");
}

#[test]
fn period_as_text() {
    check(&PERIOD_TEXT_MD);
    check(&PERIOD_TEXT_YAML);
}

#[test]
fn wrong_types_are_all_reported_and_reading_goes_on() {
    let text = concat!(
        "---\nowner: [Jane Doe]\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nreview: 15\n---\n\n",
        "## Goal: Run 4 incident reviews\n\n```yaml\ntype: learning\nmeasure: [a, b]\n```\n"
    );
    let diags = lint_str("types.md", text);
    expect(&diags, "GR001", "2:8", "expected text, found a list");
    expect(
        &diags,
        "GR001",
        "4:9",
        "expected a date (YYYY-MM-DD), found a whole number",
    );
    expect(
        &diags,
        "GR001",
        "10:7",
        "`learning` is not one of development, career, business",
    );
    expect(&diags, "GR001", "11:10", "expected text, found a list");
}

// ---------------------------------------------------------------------------------------------
// Unknown keys.

#[test]
fn unknown_front_matter_key_suggests_the_nearest() {
    let diags = check(&UNKNOWN_FRONT_MATTER_KEY);
    assert_eq!(help(only(&diags, "GR002")), "did you mean `north_star`?");
}

#[test]
fn unknown_goal_block_key_suggests_the_nearest() {
    let diags = check(&UNKNOWN_GOAL_KEY_MD);
    assert_eq!(help(only(&diags, "GR002")), "did you mean `measure`?");
}

#[test]
fn unknown_yaml_plan_key_suggests_the_nearest() {
    let diags = check(&UNKNOWN_PLAN_KEY_YAML);
    assert_eq!(help(only(&diags, "GR002")), "did you mean `north_star`?");
}

#[test]
fn unknown_yaml_goal_key_suggests_the_nearest() {
    let diags = check(&UNKNOWN_GOAL_KEY_YAML);
    assert_eq!(help(only(&diags, "GR002")), "did you mean `measure`?");
}

#[test]
fn unknown_action_key_suggests_the_nearest() {
    let diags = check(&UNKNOWN_ACTION_KEY);
    assert_eq!(help(only(&diags, "GR002")), "did you mean `due`?");
}

#[test]
fn unknown_checkin_key_suggests_the_nearest() {
    let diags = check(&UNKNOWN_CHECKIN_KEY);
    assert_eq!(help(only(&diags, "GR002")), "did you mean `value`?");
}

#[test]
fn several_unknown_keys_in_one_file_are_all_reported() {
    for case in [&SEVERAL_UNKNOWN_KEYS_MD, &SEVERAL_UNKNOWN_KEYS_YAML] {
        let diags = check(case);
        let unknown = diags.iter().filter(|d| d.code == "GR002").count();
        assert_eq!(
            unknown,
            case.expect.len(),
            "{}:\n{}",
            case.file,
            listing(&diags)
        );
        assert!(
            diags
                .iter()
                .filter(|d| d.code == "GR002")
                .all(|d| help(d).starts_with("did you mean")),
            "{}",
            listing(&diags)
        );
    }
}

#[test]
fn unknown_key_far_from_any_known_one_lists_the_known_keys() {
    let diags = lint_str(
        "p.md",
        md_goal!("measure: 4 reviews run\ndeadline: 2026-06-30\n"),
    );
    let d = expect(&diags, "GR002", "12:1", "unknown goal key `deadline`");
    assert!(help(d).contains("due"), "{}", help(d));
}

// ---------------------------------------------------------------------------------------------
// Impossible dates.

#[test]
fn date_with_no_such_day() {
    check(&NO_SUCH_DAY_MD);
    check(&NO_SUCH_DAY_YAML);
}

#[test]
fn date_with_no_such_month() {
    check(&NO_SUCH_MONTH_MD);
    check(&NO_SUCH_MONTH_YAML);
}

#[test]
fn date_without_leading_zeros() {
    let diags = check(&UNPADDED_DATE_MD);
    assert!(help(only(&diags, "GR004")).contains("YYYY-MM-DD"));
    check(&UNPADDED_DATE_YAML);
}

#[test]
fn words_where_a_date_belongs() {
    let diags = check(&WORDS_FOR_DATE);
    assert!(help(only(&diags, "GR004")).contains("(due 2026-06-30)"));
}

#[test]
fn checkin_without_a_date() {
    let diags = check(&CHECKIN_WITHOUT_DATE_MD);
    assert!(help(only(&diags, "GR004")).contains("- 2026-03-01 [12%]"));
    check(&CHECKIN_WITHOUT_DATE_YAML);
}

#[test]
fn period_that_ends_before_it_starts() {
    check(&PERIOD_REVERSED_MD);
    check(&PERIOD_REVERSED_YAML);
}

// ---------------------------------------------------------------------------------------------
// Files that are not text, or too big.

#[test]
fn non_utf8_file_names_the_bad_byte() {
    let dir = TempDir::new().unwrap();
    let parsed = plan::load(&write(dir.path(), "latin1.md", LATIN1));
    let diags = lint(&parsed);
    let d = only(&diags, "GR001");
    assert!(
        d.message.contains("not valid UTF-8") && d.message.contains("line 2, column 9"),
        "{}",
        d.message
    );
    assert!(d.message.contains("save it as UTF-8"), "{}", d.message);
    assert!(d.path.ends_with("latin1.md"));
    // The same check on bytes that never were a file (git blobs).
    let err = source::decode_text(LATIN1.to_vec()).unwrap_err();
    assert_eq!(
        err.position().map(|p| p.to_string()),
        Some("2:9".to_string())
    );
}

#[test]
fn binary_file_names_the_nul_byte() {
    let dir = TempDir::new().unwrap();
    let parsed = plan::load(&write(dir.path(), "image.md", PNG));
    let diags = lint(&parsed);
    let d = only(&diags, "GR001");
    assert!(
        d.message.contains("looks binary") && d.message.contains("line 3, column 1"),
        "{}",
        d.message
    );
}

/// The finding's own position is the bad byte, so editors and CI annotations land on it and
/// not on 1:1 with the place only written in the message.
#[test]
fn unreadable_file_finding_is_positioned_at_the_bad_byte() {
    let dir = TempDir::new().unwrap();
    for (name, bytes, at) in [("latin1.md", LATIN1, "2:9"), ("image.md", PNG, "3:1")] {
        let diags = lint(&plan::load(&write(dir.path(), name, bytes)));
        assert_eq!(
            pos(only(&diags, "GR001")),
            at,
            "{name}:\n{}",
            listing(&diags)
        );
    }
}

#[test]
fn file_over_the_size_limit_names_the_limit() {
    assert_eq!(MAX_FILE_BYTES, 1024 * 1024);
    let dir = TempDir::new().unwrap();
    let limit = MAX_FILE_BYTES as usize;
    let at_limit = plan::load(&write(dir.path(), "at-limit.md", plan_of_size(limit)));
    assert_eq!(
        at_limit.problems,
        vec![],
        "a file of exactly the limit is read"
    );
    assert_eq!(at_limit.file.text().len(), limit);

    let over = plan::load(&write(dir.path(), "over-limit.md", plan_of_size(limit + 1)));
    assert_eq!(
        over.file.text(),
        "",
        "nothing of a file over the limit is kept"
    );
    let diags = lint(&over);
    let d = only(&diags, "GR001");
    assert_eq!(pos(d), "1:1");
    assert!(
        d.message.contains("1048577 bytes") && d.message.contains("limit of 1048576 bytes"),
        "{}",
        d.message
    );
}

/// A huge file is refused by its size alone: a sparse 4 GiB file costs no time to refuse.
#[test]
fn huge_file_is_refused_without_reading_it() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.md");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(4 << 30).unwrap();
    drop(file);
    let started = Instant::now();
    let parsed = plan::load(&path);
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    let diags = lint(&parsed);
    assert!(only(&diags, "GR001").message.contains("4294967296 bytes"));
}

/// A pipe has no size up front: reading must still stop soon after the limit instead of taking
/// everything the writer sends.
#[cfg(unix)]
#[test]
fn unsized_file_is_read_no_further_than_the_limit() {
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let writer_path = fifo.clone();
    // Not joined: if the reader stops early, the writer's last writes fail, which is the point.
    std::thread::spawn(move || {
        use std::io::Write;
        if let Ok(mut w) = std::fs::OpenOptions::new().write(true).open(writer_path) {
            let chunk = vec![b'x'; 64 * 1024];
            for _ in 0..64 {
                if w.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
    });
    let parsed = plan::load(&fifo);
    assert!(
        parsed.file.text().len() as u64 <= MAX_FILE_BYTES,
        "read {} bytes from a pipe, over the {MAX_FILE_BYTES}-byte limit",
        parsed.file.text().len()
    );
    let diags = lint(&parsed);
    assert!(
        only(&diags, "GR001").message.contains("limit"),
        "{}",
        listing(&diags)
    );
}

// ---------------------------------------------------------------------------------------------
// YAML that would take forever: alias bombs and deep nesting.

#[test]
fn alias_bomb_is_refused_quickly() {
    let cases = [
        ("bomb.yaml", alias_bomb("")),
        (
            "bomb.md",
            format!("---\nowner: Jane Doe\n{}---\n", alias_bomb("")),
        ),
        (
            "bomb-goal.md",
            md_goal!("measure: 4 reviews run\n")
                .replace("measure:", &format!("{}measure:", alias_bomb(""))),
        ),
    ];
    for (file, text) in &cases {
        let diags = lint_quickly(file, text);
        let d = only(&diags, "GR001");
        assert!(d.message.contains("alias"), "{file}: {}", d.message);
        assert!(
            d.start.line > 1,
            "{file}: points at the aliases, not the top: {}",
            pos(d)
        );
    }
}

#[test]
fn deep_flow_nesting_is_refused_quickly() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases = [
        ("deep.yaml", format!("owner: {deep}\n")),
        ("deep.md", format!("---\nowner: {deep}\n---\n")),
        ("deep-goal.md", md_goal!("measure: X\n").replace('X', &deep)),
        (
            "deep-map.yaml",
            format!("owner: {}x{}\n", "{a: ".repeat(50_000), "}".repeat(50_000)),
        ),
        ("deep-seq.yaml", format!("{}x\n", "- ".repeat(50_000))),
    ];
    for (file, text) in &cases {
        let diags = lint_quickly(file, text);
        let d = only(&diags, "GR001");
        assert!(!d.message.is_empty(), "{file}");
        assert!(d.span.start <= text.len());
    }
}

#[test]
fn deep_block_mapping_is_refused_quickly() {
    let deep = deep_block_mapping(1_000);
    let in_goal =
        md_goal!("measure: 4 reviews run\n").replace("measure:", &format!("{deep}measure:"));
    let cases = [
        ("deep-block.yaml", deep.clone()),
        ("deep-block-goal.md", in_goal),
    ];
    for (file, text) in &cases {
        let diags = lint_quickly(file, text);
        only(&diags, "GR001");
    }
}

/// Nesting deeper than the budget but as shallow as a real plan is still accepted.
#[test]
fn ordinary_nesting_is_accepted() {
    let text =
        yaml_goal!("    actions:\n      - { text: Run the April review, due: 2026-04-30 }\n");
    let diags = lint_str("p.yaml", text);
    assert!(
        diags.iter().all(|d| !d.code.starts_with("GR00")),
        "{}",
        listing(&diags)
    );
}

// ---------------------------------------------------------------------------------------------
// Empty and partial files.

#[test]
fn empty_files() {
    let diags = check(&EMPTY_MD);
    assert!(help(only(&diags, "GR003")).contains("`---`"));
    check(&EMPTY_YAML);
    check(&BLANK_YAML);
}

/// A YAML plan of nothing but comments (a template commented out) is told what it lacks at
/// the top of the file, as an empty one is, not on the line after its end.
#[test]
fn comment_only_yaml_plan_findings_point_at_the_top() {
    let diags = lint_str(
        "p.yaml",
        "# owner: Jane Doe\n# period: { start: 2026-01-01, end: 2026-06-30 }\n",
    );
    expect(&diags, "GR003", "1:1", "the plan has no `owner`");
}

#[test]
fn file_with_only_front_matter() {
    let diags = check(&ONLY_FRONT_MATTER);
    assert!(help(only(&diags, "GR006")).contains("## Goal:"));
    assert!(
        diags.iter().all(|d| d.code != "GR001"),
        "{}",
        listing(&diags)
    );
}

#[test]
fn front_matter_never_closed() {
    let diags = check(&FRONT_MATTER_NEVER_CLOSED);
    assert!(help(only(&diags, "GR001")).contains("`---`"));
}

#[test]
fn lone_fence_lines() {
    for text in ["---", "---\n", "---\r\n", "\u{feff}---"] {
        let diags = lint_str("p.md", text);
        expect(&diags, "GR001", "1:1", "the front matter is never closed");
    }
    let diags = lint_str("p.md", "---\n---\n");
    expect(&diags, "GR003", "2:1", "the plan has no `owner`");
}

#[test]
fn missing_owner_and_period() {
    let diags = check(&MISSING_OWNER_AND_PERIOD_MD);
    assert!(diags
        .iter()
        .filter(|d| d.code == "GR003")
        .all(|d| help(d).contains("add `")));
    check(&MISSING_OWNER_AND_PERIOD_YAML);
}

#[test]
fn goal_heading_without_a_title() {
    let diags = check(&GOAL_WITHOUT_TITLE_MD);
    assert!(help(only(&diags, "GR003")).contains("## Goal: "));
    let spaces = lint_str("p.md", concat!(front_matter!(), "### goal:   \n"));
    expect(&spaces, "GR003", "8:1", "a goal heading without a title");
    check(&GOAL_WITHOUT_TITLE_YAML);
}

// ---------------------------------------------------------------------------------------------
// YAML pitfalls.

#[test]
fn flow_mapping_comma_gets_the_quote_hint() {
    let diags = check(&FLOW_MAPPING_COMMA);
    assert!(
        help(only(&diags, "GR002")).contains("in quotes"),
        "{}",
        listing(&diags)
    );
}

/// `{ note: a, b }` reads `b` as a key with no value: the same pitfall with a one-word tail.
#[test]
fn flow_mapping_comma_before_one_word_gets_the_quote_hint() {
    let text = yaml_goal!("    checkins:\n      - { date: 2026-03-01, note: a, b }\n");
    let diags = lint_str("p.yaml", text);
    let d = expect(&diags, "GR002", "6:38", "unknown check-in key `b`");
    assert!(help(d).contains("in quotes"), "help: {:?}", help(d));
}

#[test]
fn tab_indentation_in_yaml_plan_points_at_the_tab() {
    check(&TAB_INDENT_YAML);
}

#[test]
fn tab_indentation_in_goal_block_points_at_the_tab() {
    check(&TAB_INDENT_MD);
}

#[test]
fn duplicate_key_is_a_syntax_error_at_the_second_key() {
    check(&DUPLICATE_KEY_YAML);
}

/// "first on line N" counts the lines of the file, not of the goal block or front matter.
#[test]
fn duplicate_key_in_a_goal_block_names_the_file_line_of_the_first() {
    check(&DUPLICATE_KEY_MD);
    let front = "---\nowner: Jane Doe\nowner: Raj Patel\n---\n";
    let diags = lint_str("p.md", front);
    expect(
        &diags,
        "GR001",
        "3:1",
        "the key `owner` appears twice in one mapping (first on line 2)",
    );
}

/// Messages from the YAML library are reworded for people writing plans: no option or type
/// names from its API, no Rust debug output, no second set of positions.
#[test]
fn yaml_limit_messages_are_in_plain_words() {
    let cases = [
        ("duplicate key", DUPLICATE_KEY_YAML.text.to_string()),
        ("deep nesting", deep_block_mapping(200)),
        ("alias bomb", alias_bomb("")),
        (
            "two documents",
            "owner: Jane Doe\n---\nowner: Raj Patel\n".to_string(),
        ),
        (
            "not a number",
            "owner: Jane Doe\nreview: .nan\n".to_string(),
        ),
    ];
    let mut bad = Vec::new();
    for (what, text) in &cases {
        let diags = lint_str("p.yaml", text);
        let Some(d) = diags.iter().find(|d| d.code == "GR001") else {
            bad.push(format!("{what}: no GR001:\n{}", listing(&diags)));
            continue;
        };
        let jargon = [
            "DuplicateKeyPolicy",
            "Options",
            "budget",
            "{",
            "reject_",
            " at line ",
        ];
        if let Some(word) = jargon.iter().find(|w| d.message.contains(*w)) {
            bad.push(format!("{what}: {:?} (has {word:?})", d.message));
        }
    }
    assert!(
        bad.is_empty(),
        "messages with library jargon:\n{}",
        bad.join("\n")
    );
}

/// A file that does not parse gets its GR001 and nothing that follows from reading it as empty
/// (such as "the plan has no goals").
#[test]
fn a_file_that_cannot_be_read_gets_only_its_gr001() {
    let dir = TempDir::new().unwrap();
    let mut parsed = vec![
        plan::parse_str("syntax.yaml", YAML_PLAN_SYNTAX.text),
        plan::parse_str("bomb.yaml", alias_bomb("")),
        plan::load(&write(dir.path(), "image.md", PNG)),
        plan::load(&write(dir.path(), "latin1.yaml", LATIN1)),
    ];
    parsed.push(plan::load(&dir.path().join("missing.md")));
    for p in &parsed {
        let diags = lint(p);
        assert!(
            diags.iter().all(|d| d.code == "GR001"),
            "{}:\n{}",
            p.file.path().display(),
            listing(&diags)
        );
    }
}

/// Columns count characters, as editors do, whatever the bytes of the text before them.
#[test]
fn positions_after_non_ascii_text_count_characters() {
    let text = "---\nowner: Jérôme Ünal 😀\nperiod: { start: 2026-01-01, end: 2026-06-30\n---\n";
    expect(
        &lint_str("p.md", text),
        "GR001",
        "3:9",
        "the front matter is not valid YAML",
    );

    let text = concat!(
        front_matter!(),
        "## Goal: 四半期ごとに振り返る 😀\n\n```yaml\nmeasure: 4 réunions 😀\nmesure: x\n```\n\n",
        "### Actions\n- [ ] Préparer la revue 📅 2026-02-30\n"
    );
    let diags = lint_str("p.md", text);
    expect(&diags, "GR002", "12:1", "unknown goal key `mesure`");
    expect(&diags, "GR004", "16:27", "`2026-02-30` is not a real date");

    let text =
        yaml_goal!("    checkins:\n      - { note: 😀 “quoted” ñ, date: 2026-13-01, vlaue: 1 }\n");
    let diags = lint_str("p.yaml", text);
    expect(&diags, "GR004", "6:37", "`2026-13-01` is not a real date");
    expect(&diags, "GR002", "6:49", "unknown check-in key `vlaue`");
}

// ---------------------------------------------------------------------------------------------
// CRLF line ends and a BOM are accepted, with the same positions.

/// The four spellings of the same text: LF, CRLF, BOM + LF, BOM + CRLF.
fn spellings(text: &str) -> [(String, &'static str); 4] {
    let crlf = text.replace('\n', "\r\n");
    [
        (text.to_string(), "LF"),
        (format!("\u{feff}{text}"), "BOM+LF"),
        (crlf.clone(), "CRLF"),
        (format!("\u{feff}{crlf}"), "BOM+CRLF"),
    ]
}

fn positions(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{} {}-{}:{}", d.code, pos(d), d.end.line, d.end.column))
        .collect()
}

#[test]
fn crlf_and_bom_are_accepted() {
    let canonical = std::fs::read_to_string("tests/fixtures/plans/canonical.md").unwrap();
    let raj = std::fs::read_to_string("examples/team/plans/raj-patel/2026.plan.yaml").unwrap();
    for (file, text) in [("canonical.md", canonical), ("raj.plan.yaml", raj)] {
        let lf = lint_str(file, &text);
        for (variant, name) in spellings(&text) {
            let parsed = plan::parse_str(file, &variant);
            assert_eq!(parsed.problems, vec![], "{file} with {name}");
            let plan = parsed.plan.as_ref().unwrap();
            assert!(!plan.goals.is_empty(), "{file} with {name}");
            assert_eq!(
                positions(&lint(&parsed)),
                positions(&lf),
                "{file} with {name}"
            );
            // Nothing read from the file keeps a carriage return.
            let json = serde_json::to_string(plan).unwrap();
            assert!(!json.contains("\\r"), "{file} with {name}: {json}");
        }
    }
}

#[test]
fn crlf_and_bom_keep_positions_of_findings() {
    let cases = [
        ("p.md", SEVERAL_UNKNOWN_KEYS_MD.text),
        ("p.md", NO_SUCH_MONTH_MD.text),
        ("p.md", CHECKIN_WITHOUT_DATE_MD.text),
        ("p.md", GOAL_BLOCK_SYNTAX.text),
        ("p.yaml", SEVERAL_UNKNOWN_KEYS_YAML.text),
        ("p.yaml", NO_SUCH_DAY_YAML.text),
    ];
    for (file, text) in cases {
        let lf = positions(&lint_str(file, text));
        for (variant, name) in spellings(text) {
            assert_eq!(
                positions(&lint_str(file, &variant)),
                lf,
                "{name} of:\n{text}"
            );
        }
    }
}

/// A finding on the first line is at column 1 whether or not the file starts with a BOM: the
/// BOM is invisible in editors.
#[test]
fn bom_does_not_shift_first_line_columns() {
    let cases = [
        ("p.yaml", SEVERAL_UNKNOWN_KEYS_YAML.text),
        ("p.yaml", OWNER_LIST_YAML.text),
        ("p.md", ONLY_FRONT_MATTER.text),
        ("p.md", EMPTY_MD.text),
    ];
    for (file, text) in cases {
        let plain = positions(&lint_str(file, text));
        let bom = positions(&lint_str(file, &format!("\u{feff}{text}")));
        assert_eq!(bom, plain, "{file}:\n{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Through the command line.

/// Runs `growth lint --format json` with `args`; returns exit status, stdout and stderr.
fn growth_lint(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::cargo_bin("growth")
        .unwrap()
        .args([
            "lint",
            "--format",
            "json",
            "--color",
            "never",
            "--no-history",
        ])
        .args(["--today", TODAY])
        .args(args)
        .env_remove("GROWTH_TODAY")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The JSON diagnostics of one file, as `line:col CODE message`.
fn json_findings(doc: &Value, file: &str) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().unwrap().ends_with(&format!("/{file}")))
        .map(|d| {
            format!(
                "{}:{} {} {}",
                d["start"]["line"],
                d["start"]["column"],
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// Asserts a finding of `file` with `code` whose message contains `says`, at `at` (`line:col`,
/// or a prefix such as `7:`).
fn assert_json_has(doc: &Value, file: &str, code: &str, at: &str, says: &str) {
    let found = json_findings(doc, file);
    assert!(
        found.iter().any(|f| {
            let (position, rest) = f.split_once(' ').unwrap();
            position.starts_with(at) && rest.starts_with(code) && f.contains(says)
        }),
        "{file}: no {code} at {at} saying {says:?}; found {found:#?}"
    );
}

/// Every bad file of this test, written into `dir/plans/`; returns their names.
fn write_bad_plans(dir: &Path) -> Vec<String> {
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    let mut names = Vec::new();
    for case in CASES {
        write(&plans, case.file, case.text);
        names.push(case.file.to_string());
    }
    let generated: [(&str, Vec<u8>); 4] = [
        ("latin1.md", LATIN1.to_vec()),
        ("image.md", PNG.to_vec()),
        ("over-limit.md", plan_of_size(MAX_FILE_BYTES as usize + 1)),
        ("bomb.yaml", alias_bomb("").into_bytes()),
    ];
    for (name, bytes) in generated {
        write(&plans, name, bytes);
        names.push(name.to_string());
    }
    std::fs::copy(CONTROL, plans.join("control.md")).unwrap();
    names.push("control.md".to_string());
    names
}

fn assert_every_bad_file_reported(doc: &Value, names: &[String]) {
    assert_eq!(doc["summary"]["files"], names.len(), "{}", doc["summary"]);
    for case in CASES {
        for &(code, at, says) in case.expect {
            assert_json_has(doc, case.file, code, at, says);
        }
    }
    assert_json_has(doc, "latin1.md", "GR001", "2:9", "line 2, column 9");
    assert_json_has(doc, "image.md", "GR001", "3:1", "looks binary");
    assert_json_has(
        doc,
        "over-limit.md",
        "GR001",
        "1:1",
        "limit of 1048576 bytes",
    );
    assert_json_has(doc, "bomb.yaml", "GR001", "", "alias");
    // The valid plan in the same run was linted too.
    assert_eq!(
        json_findings(doc, "control.md"),
        ["9:10 GR202 the goal `run-4-incident-reviews-this-year` has no measure"]
    );
}

/// The CLI reports for every file exactly what the library does (but the history rules, GR5xx,
/// which the CLI run skips with `--no-history`).
fn assert_same_as_library(doc: &Value, plans: &Path, names: &[String]) {
    for name in names {
        let library: Vec<String> = lint(&plan::load(&plans.join(name)))
            .iter()
            .filter(|d| !d.code.starts_with("GR5"))
            .map(|d| format!("{} {} {}", pos(d), d.code, d.message))
            .collect();
        assert_eq!(json_findings(doc, name), library, "{name}");
    }
}

#[test]
fn cli_reports_every_bad_file_and_lints_the_rest() {
    let dir = TempDir::new().unwrap();
    // A config of its own, so nothing above the temporary directory is picked up.
    write(dir.path(), "growth.yaml", "fail_on: error\n");
    let names = write_bad_plans(dir.path());
    let before: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(dir.path().join("plans").join(n)).unwrap())
        .collect();

    // Once by discovery from the directory, once with every file named.
    let files: Vec<PathBuf> = names
        .iter()
        .map(|n| dir.path().join("plans").join(n))
        .collect();
    let named: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    for args in [vec![dir.path().as_os_str()], named] {
        let started = Instant::now();
        let (status, stdout, stderr) = growth_lint(&args);
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "took {:?}",
            started.elapsed()
        );
        assert_eq!(status, 1, "stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let doc: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
        assert_every_bad_file_reported(&doc, &names);
        assert_same_as_library(&doc, &dir.path().join("plans"), &names);
        assert!(
            stderr.contains(&format!("Checked {} files", names.len())),
            "{stderr}"
        );
    }

    // Linting never writes to a plan.
    for (name, bytes) in names.iter().zip(before) {
        assert_eq!(
            std::fs::read(dir.path().join("plans").join(name)).unwrap(),
            bytes,
            "{name}"
        );
    }
}

#[test]
fn cli_path_that_does_not_exist() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "growth.yaml", "fail_on: error\n");
    let missing = dir.path().join("no-such-plans");
    let (status, stdout, stderr) = growth_lint(&[missing.as_os_str()]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    assert!(stderr.contains("no such file or directory"), "{stderr}");
}

/// A named pipe (`growth lint <(git show HEAD:plans/a.md)`) exists: it is not "no such file",
/// and the other files of the run are still linted.
#[cfg(unix)]
#[test]
fn cli_path_that_is_a_pipe() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "growth.yaml", "fail_on: error\n");
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let writer = fifo.clone();
    // Not joined: if the pipe is never opened for reading, this thread waits until the end.
    std::thread::spawn(move || {
        if let Ok(plan) = std::fs::read(CONTROL) {
            let _ = std::fs::write(writer, plan);
        }
    });
    let control = write(dir.path(), "control.md", std::fs::read(CONTROL).unwrap());
    let (_, stdout, stderr) = growth_lint(&[fifo.as_os_str(), control.as_os_str()]);
    assert!(!stderr.contains("no such file"), "{stderr}");
    let doc: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    assert_json_has(&doc, "control.md", "GR202", "9:10", "has no measure");
}

fn config_error(fixture: &str) -> String {
    let plan = format!("tests/fixtures/bad/{fixture}/plans/casey.md");
    let (status, stdout, stderr) = growth_lint(&[plan.as_ref()]);
    assert_eq!(status, 2, "{fixture}: {stderr}");
    assert!(stdout.is_empty(), "{fixture}: {stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn cli_config_with_an_unknown_key() {
    let stderr = config_error("config-unknown-key");
    assert!(
        stderr.contains("config-unknown-key/growth.yaml:2:1: unknown config key `plan_globs`"),
        "{stderr}"
    );
    assert!(stderr.contains("plans"), "names the known keys: {stderr}");
}

#[test]
fn cli_config_with_a_bad_severity() {
    let stderr = config_error("config-bad-severity");
    assert!(
        stderr.contains(
            "config-bad-severity/growth.yaml:3:10: `loud` is not one of off, info, warning, error"
        ),
        "{stderr}"
    );
}

#[test]
fn cli_config_with_an_unknown_rule() {
    let stderr = config_error("config-unknown-rule");
    assert!(
        stderr.contains("config-unknown-rule/growth.yaml:3:3: `vage-goal` is not a rule"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `vague-goal`?"), "{stderr}");
}

#[test]
fn cli_config_naming_a_missing_ladder() {
    let stderr = config_error("config-missing-ladder");
    // The message points at the `ladder:` line of the config, where the mistake is.
    assert!(
        stderr.contains("config-missing-ladder/growth.yaml:2:9: the ladder file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("no-such-ladder.yaml does not exist"),
        "{stderr}"
    );
}
