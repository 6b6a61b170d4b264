//! YAML syntax errors in plain words, at the place to fix, with what to do; and a key given
//! twice does not hide the rest of the file's findings.

use chrono::NaiveDate;
use growth::config::Config;
use growth::lint::Linter;
use growth::plan;

fn findings(path: &str, text: &str) -> Vec<String> {
    let linter = Linter::new(
        &Config::default(),
        None,
        NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
    )
    .unwrap();
    linter
        .lint(&plan::parse_str(path, text))
        .iter()
        .map(|d| {
            format!(
                "{} {}:{} {} (help: {})",
                d.code,
                d.start.line,
                d.start.column,
                d.message,
                d.help.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

const HEAD: &str = "owner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n";

/// Each of the parser's common messages, as growth says it, where it says it.
#[test]
fn parser_messages_are_reworded_with_help() {
    let cases: &[(&str, &str)] = &[
        (
            "north_star: \"A calm rotation\ngoals: []\n",
            "GR001 3:13 the plan is not valid YAML: a quoted value is never closed \
             (help: add the closing quote at the end of the value; a quote inside it is written `\\\"` in \"…\", or `''` in '…')",
        ),
        (
            "north_star: 'The team''s calm rotation\ngoals: []\n",
            "GR001 3:13 the plan is not valid YAML: a quoted value is never closed \
             (help: add the closing quote at the end of the value; a quote inside it is written `\\\"` in \"…\", or `''` in '…')",
        ),
        (
            "north_star: Goal: a calm rotation\ngoals: []\n",
            "GR001 3:17 the plan is not valid YAML: a `: ` here would start a new key, which YAML does not allow in this place \
             (help: if the value contains `: `, put it in quotes (`north_star: \"Goal: a calm on-call\"`); \
             if this line is a key, indent it like the keys around it)",
        ),
        (
            "review: { date: 2026-06-15\ngoals: []\n",
            "GR001 3:9 the plan is not valid YAML: a `{ … }` is not closed, or two of its entries have no comma between them \
             (help: close it with `}`; put a value containing `,` or `: ` in quotes)",
        ),
        (
            "not_willing: [evenings, weekends\ngoals: []\n",
            "GR001 3:14 the plan is not valid YAML: a `[ … ]` list is not closed, or two of its items have no comma between them \
             (help: close it with `]`; put an item containing `,` or `: ` in quotes)",
        ),
        (
            "north_star: @jane's direction\ngoals: []\n",
            "GR001 3:13 the plan is not valid YAML: a character that cannot start a plain YAML value (`@` and `` ` `` are reserved) \
             (help: put the value in quotes, e.g. `\"@jane\"`)",
        ),
        (
            "north_star: *calm\ngoals: []\n",
            "GR001 3:13 the plan is not valid YAML: a `*name` that refers to no `&name` anchor \
             (help: a value starting with `*` is read as an alias: put it in quotes (`\"*priority*\"`))",
        ),
    ];
    for (body, expected) in cases {
        let found = findings("plans/p.plan.yaml", &format!("{HEAD}{body}"));
        assert_eq!(found, [*expected], "for {body:?}");
    }
}

/// The unclosed quote is found where it opens in a goal block too, with file lines.
#[test]
fn an_unclosed_quote_in_a_goal_block_is_reported_where_it_opens() {
    let text = "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n\n## Goal: Run 2 reviews\n\n```yaml\nmeasure: \"I run 2 reviews\nwhy: peers do\n```\n";
    let found = findings("plans/p.md", text);
    let syntax: Vec<&String> = found.iter().filter(|f| f.starts_with("GR001")).collect();
    assert_eq!(syntax.len(), 1, "{found:?}");
    assert!(
        syntax[0].starts_with(
            "GR001 9:10 the goal's yaml block is not valid YAML: a quoted value is never closed"
        ),
        "{found:?}"
    );
}

/// A key given twice is one GR001, and everything else in the file is still checked.
#[test]
fn a_duplicate_key_does_not_hide_the_other_findings() {
    let text = format!(
        "{HEAD}owner: Raj Patel\nnorth_star: A calm rotation\ngoals:\n  - title: Get better at system design\n    mesure: 2 design reviews\n    actions: [{{ text: Lead a design review }}]\n"
    );
    let found = findings("plans/p.plan.yaml", &text);
    let codes: Vec<&str> = found.iter().map(|f| &f[..9]).collect();
    assert_eq!(
        found[0],
        "GR001 3:1 the plan is not valid YAML: the key `owner` appears twice in one mapping (first on line 1) \
         (help: remove one of them, or merge what they say into one)"
    );
    assert!(codes.contains(&"GR201 6:1"), "{found:?}");
    assert!(codes.contains(&"GR002 7:5"), "{found:?}");
}
