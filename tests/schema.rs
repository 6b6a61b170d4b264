//! The JSON Schemas in `schema/` stay in step with the code and the shipped examples.
//!
//! Editors read these schemas (through the YAML language server) for completion, hover help
//! and squiggles, so a schema that lags behind the code misleads exactly the people who write
//! plans. This test checks that:
//!
//! - every schema is a valid draft-07 schema, with a `$id`, a title and a description on every
//!   property;
//! - every object's `properties` are exactly the keys the code reads (`FRONT_MATTER_KEYS`,
//!   `GOAL_KEYS`, `CONFIG_KEYS`, …), every object is closed (`additionalProperties: false`,
//!   as the code makes unknown keys errors), and the copies of the front matter and goal keys
//!   inside `plan.schema.json` are identical to the standalone schemas;
//! - every rule code and name may be configured under `rules:`, and a non-rule may not;
//! - every example plan, config and ladder shipped in `examples/`, `tests/fixtures/` and the
//!   README validates;
//! - an unknown key, a bad enum value, a malformed date and a missing required key are each
//!   rejected, at the right place and by the right keyword; the short forms the code accepts
//!   (an action or a level as plain text, a single string for a list, a number as a target)
//!   are accepted.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use growth::config::{CONFIG_KEYS, FRONT_MATTER_CONFIG_KEYS, OPTION_KEYS};
use growth::ladder::{COMPETENCY_KEYS, LADDER_KEYS, LEVEL_KEYS};
use growth::lint::registry::RULES;
use growth::plan::{
    FRONT_MATTER_KEYS, GOAL_KEYS, PERIOD_KEYS, YAML_ACTION_KEYS, YAML_CHECKIN_KEYS, YAML_GOAL_KEYS,
    YAML_PLAN_KEYS,
};
use jsonschema::Validator;
use serde_json::{json, Value};

const FRONT_MATTER: &str = "front-matter.schema.json";
const GOAL: &str = "goal.schema.json";
const PLAN: &str = "plan.schema.json";
const CONFIG: &str = "config.schema.json";
const LADDER: &str = "ladder.schema.json";
const SCHEMAS: &[&str] = &[FRONT_MATTER, GOAL, PLAN, CONFIG, LADDER];
/// Schemas of `growth`'s JSON outputs; their own tests (due, history, report_schema) validate
/// real output against them.
const OUTPUT_SCHEMAS: &[&str] = &[
    "due.schema.json",
    "history.schema.json",
    "report.schema.json",
];

// ------------------------------------------------------------------------------- helpers

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn schema(name: &str) -> Value {
    let path = repo().join("schema").join(name);
    serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{name} is not valid JSON: {e}"))
}

/// A draft-07 validator for a schema in `schema/`, checking `format: date` too.
fn validator(name: &str) -> Validator {
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema(name))
        .unwrap_or_else(|e| {
            panic!(
                "{name} does not compile: {} at {}",
                e,
                e.instance_path().as_str()
            )
        })
}

/// Parses YAML the way `growth` does: YAML 1.2 booleans, so `GR104: off` is the text `off`.
fn yaml(text: &str, what: &str) -> Value {
    growth::yaml::parse(text)
        .unwrap_or_else(|e| panic!("{what} is not valid YAML: {e:?}"))
        .to_json()
}

/// Every validation error, one line each, with the instance path it is at.
fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| {
            let at = e.instance_path().as_str();
            let at = if at.is_empty() { "/" } else { at };
            format!("  at {at}: {e}")
        })
        .collect()
}

fn assert_valid(schema_name: &str, instance: &Value, what: &str) {
    let errors = errors(&validator(schema_name), instance);
    assert!(
        errors.is_empty(),
        "{what} does not validate against {schema_name}:\n{}",
        errors.join("\n")
    );
}

fn assert_invalid(schema_name: &str, instance: &Value, what: &str) {
    assert!(
        !validator(schema_name).is_valid(instance),
        "{schema_name} accepts {what}: {instance}"
    );
}

/// The schema object at a JSON pointer.
fn at<'s>(schema: &'s Value, pointer: &str) -> &'s Value {
    schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the schema"))
}

/// The names under `properties` of the object schema at `pointer`.
fn property_names(schema: &Value, pointer: &str) -> BTreeSet<String> {
    at(schema, pointer)["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{pointer} has no `properties`"))
        .keys()
        .cloned()
        .collect()
}

fn key_set(lists: &[&[&str]]) -> BTreeSet<String> {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .map(|k| k.to_string())
        .collect()
}

/// The JSON pointers of every object schema with `properties`, anywhere in `value`.
fn objects_with_properties(value: &Value, pointer: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.get("properties").is_some_and(Value::is_object) {
                out.push(pointer.to_string());
            }
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                objects_with_properties(child, &format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects_with_properties(child, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// All files under `dir` (recursively) whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// The front matter of a Markdown plan: the text between a `---` first line and the next `---`.
fn front_matter(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if !is_fence(lines.next()?) {
        return None;
    }
    let mut body = Vec::new();
    for line in lines {
        if is_fence(line) {
            return Some(body.join("\n"));
        }
        body.push(line);
    }
    None
}

/// The backtick run that opens or closes a fenced code block, and the info string after it.
fn code_fence(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let ticks = line.len() - line.trim_start_matches('`').len();
    (ticks >= 3).then(|| (&line[..ticks], line[ticks..].trim()))
}

fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    let numbered = line.trim_start_matches(|c: char| c.is_ascii_digit());
    ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m))
        || (numbered.len() < line.len()
            && (numbered.starts_with(". ") || numbered.starts_with(") ")))
}

/// The heading text of an ATX heading line.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']))
        .then(|| line[hashes..].trim())
}

/// The goal blocks of a Markdown plan: `(goal heading, yaml)` for the first ```yaml block
/// after each `Goal:` heading, before any list or other heading (as the plan reader does).
fn goal_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut goal: Option<String> = None;
    let mut fence: Option<(String, Option<Vec<String>>)> = None;
    for line in markdown.lines() {
        if let Some((ticks, body)) = &mut fence {
            match code_fence(line) {
                Some((close, "")) if close.len() >= ticks.len() => {
                    if let (Some(body), Some(title)) = (body.take(), goal.take()) {
                        blocks.push((title, body.join("\n")));
                    }
                    fence = None;
                }
                _ => {
                    if let Some(body) = body {
                        body.push(line.to_string());
                    }
                }
            }
        } else if let Some((ticks, info)) = code_fence(line) {
            let lang = info.split_whitespace().next().unwrap_or("");
            let is_meta = goal.is_some() && matches!(lang, "yaml" | "yml");
            fence = Some((ticks.to_string(), is_meta.then(Vec::new)));
        } else if let Some(title) = heading(line) {
            let is_goal = title
                .get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("goal:"));
            goal = is_goal.then(|| title.to_string());
        } else if is_list_item(line) {
            goal = None;
        }
    }
    blocks
}

/// Validates a Markdown plan's front matter and goal blocks; returns how many goal blocks.
fn check_markdown_plan(text: &str, what: &str) -> usize {
    let front = front_matter(text).unwrap_or_else(|| panic!("{what} has no front matter"));
    assert_valid(
        FRONT_MATTER,
        &yaml(&front, what),
        &format!("the front matter of {what}"),
    );
    let blocks = goal_blocks(text);
    for (title, block) in &blocks {
        let what = format!("the goal block of `{title}` in {what}");
        assert_valid(GOAL, &yaml(block, &what), &what);
    }
    blocks.len()
}

/// The lines of the first fenced block opening with `open` after the line starting with
/// `after` in `text`, up to its closing fence `close`.
fn fenced_block_after(text: &str, after: &str, open: &str, close: &str) -> String {
    let mut lines = text.lines().skip_while(|l| !l.starts_with(after));
    assert!(lines.next().is_some(), "no line starting with {after:?}");
    let mut lines = lines.skip_while(|l| l.trim_end() != open);
    assert!(lines.next().is_some(), "no {open:?} block after {after:?}");
    let body: Vec<&str> = lines.take_while(|l| l.trim_end() != close).collect();
    body.join("\n")
}

/// The README's `## The plan format` section, up to the next `## ` heading outside a code
/// block (the Markdown example has `## Goal:` headings of its own).
fn readme_plan_format() -> String {
    let text = read(&repo().join("README.md"));
    let mut lines = text
        .lines()
        .skip_while(|l| l.trim_end() != "## The plan format");
    let mut section = vec![lines
        .next()
        .expect("README has a `## The plan format` section")];
    let mut fence: Option<&str> = None;
    for line in lines {
        match (fence, code_fence(line)) {
            (None, Some((ticks, _))) => fence = Some(ticks),
            (Some(open), Some((close, ""))) if close.len() >= open.len() => fence = None,
            (None, None) if line.starts_with("## ") => break,
            _ => {}
        }
        section.push(line);
    }
    section.join("\n")
}

// ------------------------------------------------------------------------------- the schemas

#[test]
fn every_schema_is_a_valid_draft_07_schema() {
    let on_disk: BTreeSet<String> = files(&repo().join("schema"), ".json")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        on_disk,
        key_set(&[SCHEMAS, OUTPUT_SCHEMAS]),
        "schema/ holds exactly the known schemas"
    );
    for name in SCHEMAS {
        let schema = schema(name);
        if let Err(e) = jsonschema::draft7::meta::validate(&schema) {
            panic!(
                "{name} is not a valid draft-07 schema: {e} at {}",
                e.instance_path().as_str()
            );
        }
        validator(name);
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}: $schema"
        );
        assert_eq!(
            schema["$id"],
            format!("https://growth.dev/schema/{name}"),
            "{name}: $id"
        );
        for keyword in ["title", "description"] {
            assert!(schema[keyword].is_string(), "{name} has no {keyword}");
        }
    }
}

#[test]
fn schema_keys_match_the_code() {
    let plan_keys = key_set(&[FRONT_MATTER_KEYS, YAML_PLAN_KEYS]);
    let plan_goal_keys = key_set(&[GOAL_KEYS, YAML_GOAL_KEYS]);
    let expected: &[(&str, &str, BTreeSet<String>)] = &[
        (FRONT_MATTER, "", key_set(&[FRONT_MATTER_KEYS])),
        (FRONT_MATTER, "/definitions/period", key_set(&[PERIOD_KEYS])),
        (GOAL, "", key_set(&[GOAL_KEYS])),
        (PLAN, "", plan_keys),
        (PLAN, "/definitions/period", key_set(&[PERIOD_KEYS])),
        (PLAN, "/definitions/goal", plan_goal_keys),
        (PLAN, "/definitions/action", key_set(&[YAML_ACTION_KEYS])),
        (PLAN, "/definitions/checkin", key_set(&[YAML_CHECKIN_KEYS])),
        (CONFIG, "", key_set(&[CONFIG_KEYS])),
        (CONFIG, "/properties/options", key_set(&[OPTION_KEYS])),
        (
            CONFIG,
            "/properties/wording/items",
            key_set(&[growth::lint::wording::KEYS]),
        ),
        (
            CONFIG,
            "/properties/front_matter",
            key_set(&[FRONT_MATTER_CONFIG_KEYS]),
        ),
        (LADDER, "", key_set(&[LADDER_KEYS])),
        (LADDER, "/definitions/level", key_set(&[LEVEL_KEYS])),
        (
            LADDER,
            "/definitions/competency",
            key_set(&[COMPETENCY_KEYS]),
        ),
    ];
    let mut failures = Vec::new();
    for (name, pointer, keys) in expected {
        let found = property_names(&schema(name), pointer);
        if &found != keys {
            let missing: Vec<_> = keys.difference(&found).collect();
            let extra: Vec<_> = found.difference(keys).collect();
            failures.push(format!(
                "{name}#{pointer}: missing from the schema {missing:?}, not in the code {extra:?}"
            ));
        }
    }
    // Every object in every schema is one of the above, so none escapes this check.
    for name in SCHEMAS {
        let mut objects = Vec::new();
        objects_with_properties(&schema(name), "", &mut objects);
        for pointer in objects {
            if !expected.iter().any(|(n, p, _)| n == name && *p == pointer) {
                failures.push(format!(
                    "{name}#{pointer}: an object this test does not know"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the schemas and the code disagree:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_object_is_closed_and_every_property_described() {
    let mut failures = Vec::new();
    for name in SCHEMAS {
        let schema = schema(name);
        let mut objects = Vec::new();
        objects_with_properties(&schema, "", &mut objects);
        for pointer in objects {
            let object = at(&schema, &pointer);
            if object["additionalProperties"] != json!(false) {
                failures.push(format!(
                    "{name}#{pointer}: not `additionalProperties: false`"
                ));
            }
            for (key, property) in object["properties"].as_object().unwrap() {
                let description = property["description"].as_str().unwrap_or("");
                if description.trim().is_empty() {
                    failures.push(format!("{name}#{pointer}/properties/{key}: no description"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_plan_schema_copies_the_front_matter_and_goal_schemas() {
    let (front, goal, plan) = (schema(FRONT_MATTER), schema(GOAL), schema(PLAN));
    for key in FRONT_MATTER_KEYS {
        assert_eq!(
            plan["properties"][key], front["properties"][key],
            "`{key}` differs between {PLAN} and {FRONT_MATTER}"
        );
    }
    assert_eq!(
        plan["required"], front["required"],
        "required keys differ between {PLAN} and {FRONT_MATTER}"
    );
    assert_eq!(
        plan["definitions"]["period"], front["definitions"]["period"],
        "`period` differs"
    );
    for key in GOAL_KEYS {
        assert_eq!(
            plan["definitions"]["goal"]["properties"][key], goal["properties"][key],
            "goal key `{key}` differs between {PLAN} and {GOAL}"
        );
    }
}

#[test]
fn every_rule_code_and_name_can_be_configured() {
    assert!(!RULES.is_empty());
    for rule in RULES {
        for name in [rule.code, rule.name, &rule.code.to_ascii_lowercase()] {
            let config = json!({ "rules": { name: "warning" } });
            assert_valid(CONFIG, &config, &format!("a config setting rule `{name}`"));
        }
    }
    for not_a_rule in [
        "GR9999",
        "GR20",
        "Vague Goal",
        "vague_goal",
        "-vague",
        "GR-201",
    ] {
        assert_invalid(
            CONFIG,
            &json!({ "rules": { not_a_rule: "warning" } }),
            &format!("the rule name `{not_a_rule}`"),
        );
    }
}

// ------------------------------------------------------------------------------- the examples

#[test]
fn example_markdown_plans_validate() {
    let mut plans: Vec<PathBuf> = files(&repo().join("examples"), ".md")
        .into_iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == "plans"))
        .collect();
    assert!(!plans.is_empty(), "no example Markdown plans found");
    plans.extend(files(&repo().join("tests/fixtures/plans"), ".md"));
    for path in plans {
        let what = path.strip_prefix(repo()).unwrap().display().to_string();
        let goals = check_markdown_plan(&read(&path), &what);
        assert!(goals > 0, "no goal blocks found in {what}");
    }
}

#[test]
fn example_yaml_plans_validate() {
    let examples = repo().join("examples");
    let plans: Vec<PathBuf> = [".plan.yaml", ".plan.yml"]
        .iter()
        .flat_map(|s| files(&examples, s))
        .collect();
    assert!(!plans.is_empty(), "no example YAML plans found");
    for path in plans {
        let what = path.strip_prefix(repo()).unwrap().display().to_string();
        assert_valid(PLAN, &yaml(&read(&path), &what), &what);
    }
}

#[test]
fn example_config_and_ladders_validate() {
    let config = "examples/team/growth.yaml";
    assert_valid(CONFIG, &yaml(&read(&repo().join(config)), config), config);
    for ladder in [
        "examples/team/ladder.yaml",
        "tests/fixtures/ladder.yaml",
        "tests/fixtures/tracks/ladder.yaml",
        "tests/fixtures/ladder-import/ladder.expected.yaml",
    ] {
        assert_valid(LADDER, &yaml(&read(&repo().join(ladder)), ladder), ladder);
    }
}

#[test]
fn readme_examples_validate() {
    let section = readme_plan_format();
    let markdown = fenced_block_after(&section, "## The plan format", "````markdown", "````");
    let goals = check_markdown_plan(&markdown, "the README's Markdown plan");
    assert_eq!(goals, 1, "the README's Markdown plan has one goal block");

    let examples = [
        (PLAN, "### The same plan in YAML", "the README's YAML plan"),
        (CONFIG, "### Config:", "the README's growth.yaml"),
        (LADDER, "### Career ladder:", "the README's ladder.yaml"),
    ];
    for (schema_name, heading, what) in examples {
        let block = fenced_block_after(&section, heading, "```yaml", "```");
        assert_valid(schema_name, &yaml(&block, what), what);
    }
}

// ------------------------------------------------------------------------------- rejections

/// A schema, an instance it must reject, and where and why: the instance path of the error
/// and the keywords that may report it.
type Rejection = (&'static str, Value, &'static str, &'static [&'static str]);

/// Asserts each instance is rejected at the given path by one of the given keywords, so a case
/// cannot pass for some other reason (a missing required key, say).
fn assert_rejected(cases: Vec<Rejection>) {
    for (schema_name, instance, path, keywords) in cases {
        let validator = validator(schema_name);
        let found: Vec<(String, String)> = validator
            .iter_errors(&instance)
            .map(|e| {
                let keyword = e
                    .schema_path()
                    .as_str()
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string();
                (e.instance_path().as_str().to_string(), keyword)
            })
            .collect();
        assert!(
            found
                .iter()
                .any(|(p, k)| p == path && keywords.contains(&k.as_str())),
            "{schema_name} should reject {instance} at {path:?} by {keywords:?}; errors: {found:?}"
        );
    }
}

fn plan_with_goal(goal: Value) -> Value {
    json!({
        "owner": "Jane Doe",
        "period": { "start": "2026-01-01", "end": "2026-06-30" },
        "goals": [goal],
    })
}

fn front(extra: Value) -> Value {
    let mut front =
        json!({ "owner": "Jane Doe", "period": { "start": "2026-01-01", "end": "2026-06-30" } });
    front
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    front
}

#[test]
fn the_rejection_bases_are_valid() {
    assert_valid(FRONT_MATTER, &front(json!({})), "the front matter base");
    assert_valid(
        PLAN,
        &plan_with_goal(json!({ "title": "A goal" })),
        "the plan base",
    );
}

#[test]
fn unknown_keys_are_rejected() {
    const KEY: &[&str] = &["additionalProperties"];
    let period = json!({ "start": "2026-01-01", "end": "2026-06-30", "length": 6 });
    assert_rejected(vec![
        (FRONT_MATTER, front(json!({ "onwer": "Jane" })), "", KEY),
        (FRONT_MATTER, front(json!({ "title": "Not here" })), "", KEY),
        (
            FRONT_MATTER,
            front(json!({ "period": period })),
            "/period",
            KEY,
        ),
        (GOAL, json!({ "mesure": "3 reviews" }), "", KEY),
        (GOAL, json!({ "title": "Titles are headings" }), "", KEY),
        (PLAN, front(json!({ "goal": [] })), "", KEY),
        (
            PLAN,
            plan_with_goal(json!({ "title": "A goal", "deadline": "2026-06-30" })),
            "/goals/0",
            KEY,
        ),
        (
            PLAN,
            plan_with_goal(
                json!({ "title": "A goal", "actions": [{ "text": "Do it", "when": "soon" }] }),
            ),
            "/goals/0/actions/0",
            KEY,
        ),
        (
            PLAN,
            plan_with_goal(json!({
                "title": "A goal",
                "checkins": [{ "date": "2026-03-01", "comment": "ok" }],
            })),
            "/goals/0/checkins/0",
            KEY,
        ),
        (CONFIG, json!({ "fail-on": "error" }), "", KEY),
        (
            CONFIG,
            json!({ "options": { "max_goals": 3 } }),
            "/options",
            KEY,
        ),
        (
            LADDER,
            json!({ "levels": [{ "id": "engineer", "title": "Engineer" }] }),
            "/levels/0",
            KEY,
        ),
        (
            LADDER,
            json!({ "levels": ["engineer"], "competencies": [{ "id": "x", "levels": {} }] }),
            "/competencies/0",
            KEY,
        ),
    ]);
}

#[test]
fn bad_enum_values_are_rejected() {
    const ENUM: &[&str] = &["enum"];
    assert_rejected(vec![
        (GOAL, json!({ "type": "personal" }), "/type", ENUM),
        (GOAL, json!({ "status": "in-progress" }), "/status", ENUM),
        (
            PLAN,
            plan_with_goal(json!({ "title": "A goal", "status": "finished" })),
            "/goals/0/status",
            ENUM,
        ),
        (CONFIG, json!({ "fail_on": "never" }), "/fail_on", ENUM),
        (
            CONFIG,
            json!({ "rules": { "GR201": "disabled" } }),
            "/rules/GR201",
            ENUM,
        ),
        // YAML 1.1 reads a bare `off` as false; growth (and the YAML language server) read text.
        (
            CONFIG,
            json!({ "rules": { "GR201": false } }),
            "/rules/GR201",
            ENUM,
        ),
        (
            CONFIG,
            json!({ "rules": { "GR9999": "off" } }),
            "/rules",
            &["pattern"],
        ),
    ]);
}

#[test]
fn malformed_dates_are_rejected() {
    const DATE: &[&str] = &["format", "pattern"];
    for date in [
        "2026-6-30",
        "30/06/2026",
        "2026-06-31",
        "2026-13-01",
        "next week",
    ] {
        let period = json!({ "start": "2026-01-01", "end": date });
        let action = json!({
            "title": "A goal",
            "actions": [{ "text": "Do it", "done": date, "due": date }],
        });
        let checkin = json!({ "title": "A goal", "checkins": [{ "date": date }] });
        assert_rejected(vec![
            (
                FRONT_MATTER,
                front(json!({ "period": period })),
                "/period/end",
                DATE,
            ),
            (
                FRONT_MATTER,
                front(json!({ "review": date })),
                "/review",
                DATE,
            ),
            (GOAL, json!({ "due": date }), "/due", DATE),
            (
                PLAN,
                plan_with_goal(action.clone()),
                "/goals/0/actions/0/done",
                DATE,
            ),
            (PLAN, plan_with_goal(action), "/goals/0/actions/0/due", DATE),
            (
                PLAN,
                plan_with_goal(checkin),
                "/goals/0/checkins/0/date",
                DATE,
            ),
        ]);
    }
}

#[test]
fn missing_required_keys_are_rejected() {
    const REQUIRED: &[&str] = &["required"];
    let period = json!({ "start": "2026-01-01", "end": "2026-06-30" });
    assert_rejected(vec![
        (FRONT_MATTER, json!({ "period": period }), "", REQUIRED),
        (FRONT_MATTER, json!({ "owner": "Jane" }), "", REQUIRED),
        (
            FRONT_MATTER,
            front(json!({ "period": { "start": "2026-01-01" } })),
            "/period",
            REQUIRED,
        ),
        (PLAN, json!({ "owner": "Jane" }), "", REQUIRED),
        (
            PLAN,
            plan_with_goal(json!({ "id": "untitled" })),
            "/goals/0",
            REQUIRED,
        ),
        (
            PLAN,
            plan_with_goal(json!({ "title": "A goal", "actions": [{ "done": true }] })),
            "/goals/0/actions/0",
            REQUIRED,
        ),
        (
            PLAN,
            plan_with_goal(json!({ "title": "A goal", "checkins": [{ "note": "ok" }] })),
            "/goals/0/checkins/0",
            REQUIRED,
        ),
        (LADDER, json!({ "competencies": [] }), "", REQUIRED),
        (
            LADDER,
            json!({ "levels": [{ "name": "Engineer" }] }),
            "/levels/0",
            REQUIRED,
        ),
        (
            LADDER,
            json!({ "levels": ["engineer"], "competencies": [{ "area": "x" }] }),
            "/competencies/0",
            REQUIRED,
        ),
    ]);
}

#[test]
fn the_short_forms_are_accepted() {
    let goal = json!({
        "title": "A goal",
        "target": 3,
        "baseline": 0,
        "actions": [
            "Just the text",
            { "text": "Done", "done": true },
            { "text": "Done on", "done": "2026-02-01" },
        ],
        "checkins": [
            { "date": "2026-03-01", "value": 1 },
            { "date": "2026-04-01", "value": "12%" },
        ],
    });
    let mut plan = plan_with_goal(goal);
    plan["not_willing"] = json!("work weekends");
    assert_valid(PLAN, &plan, "a plan using the short forms");
    assert_valid(
        CONFIG,
        &json!({ "plans": "plans/**/*.md", "options": { "vague_phrases": "level up" } }),
        "a config using single strings",
    );
    assert_valid(
        LADDER,
        &json!({ "levels": ["engineer", { "id": "senior" }] }),
        "a ladder with plain level ids",
    );
}
