//! Git history as the audit trail (spec §5): `growth history` and the history rules on
//! fixture repositories built in code with the `git` command line, fixed names and fixed
//! author and committer dates, so every event list below is exact and in order.
//!
//! - `history/events.rs`: one event per kind of change in a linear history; merges (a merge
//!   adds nothing unless it writes what no parent had); renames and moves; unparsable versions.
//! - `history/repos.rs`: uncommitted work-tree changes, no repository, a shallow clone, a bare
//!   repository, a detached HEAD, odd dates and a name that is not UTF-8, `--since`/`--until`.
//! - `history/agreement.rs`: agreement by trailer and by review tag, and what changed since
//!   (GR505).
//! - `history/evidence.rs`: evidence cited by actions, checked in the plans' repository and
//!   a second one (GR506), and listed in the report.
//! - `history/rules.rs`: GR501–GR503 in `growth lint`, and that growth never writes to the
//!   repository.
//! - `history/trust.rs`: the field: shallow clones, edited entries, uncommitted work, `--until`,
//!   and growth run from a subdirectory or outside git.
//! - `history/hostile.rs`: hostile names, authors and plan text, file systems and git corners.
//! - here: `schema/history.schema.json` against the code. Every JSON document the tests above
//!   read is validated against it too.
//!
//! Events are compared as one line each (see [`support::line`]):
//! `2026-02-10 jane plans/jane.md prod action-checked stated=2026-02-08 text=…`.

#[path = "history/agreement.rs"]
mod agreement;
#[path = "history/bounded.rs"]
mod bounded;
#[path = "history/cache.rs"]
mod cache;
#[path = "history/events.rs"]
mod events;
#[path = "history/evidence.rs"]
mod evidence;
#[path = "history/hostile.rs"]
mod hostile;
#[path = "history/repos.rs"]
mod repos;
#[path = "history/rules.rs"]
mod rules;
#[path = "history/support.rs"]
mod support;
#[path = "history/trust.rs"]
mod trust;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use growth::history::{self, CommitInfo, Event, EventKind, FieldChange, Options};
use growth::plan::GoalStatus;
use serde_json::{json, Value};

use support::{assert_valid, schema, Repo};

/// One of every event kind, with and without its optional fields. The match makes a new
/// kind a compile error here until it is listed (and so checked against the schema).
fn every_kind() -> Vec<EventKind> {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).expect("a date");
    let text = |s: &str| s.to_string();
    let kinds = vec![
        EventKind::PlanAdded,
        EventKind::PlanRemoved,
        EventKind::PlanRenamed {
            from: "plans/old.md".into(),
        },
        EventKind::PlanSnapshot {
            stated: Default::default(),
        },
        EventKind::PlanSnapshot {
            stated: [("prod".to_string(), day(4))].into_iter().collect(),
        },
        EventKind::ReviewMoved {
            from: Some(day(5)),
            to: Some(day(6)),
        },
        EventKind::ReviewMoved {
            from: None,
            to: None,
        },
        EventKind::Agreed(growth::history::agreement::Agreement {
            by: text("Bob Manager"),
            email: Some(text("bob@example.com")),
            on: day(7),
            via: text("Agreed-by"),
        }),
        EventKind::Agreed(growth::history::agreement::Agreement {
            by: text("Bob Manager"),
            email: None,
            on: day(7),
            via: text("tag review/2026-h1/jane"),
        }),
        EventKind::Unparsable {
            message: text("bad at line 2, column 12"),
        },
        EventKind::GoalAdded {
            title: text("Ship it"),
        },
        EventKind::GoalRemoved {
            title: text("Ship it"),
        },
        EventKind::GoalRenamed {
            from: text("Ship it"),
            to: text("Ship it well"),
        },
        EventKind::StatusChanged {
            from: Some(GoalStatus::Active),
            to: GoalStatus::Done,
        },
        EventKind::StatusChanged {
            from: None,
            to: GoalStatus::Blocked,
        },
        EventKind::ActionAdded {
            text: text("Do a thing"),
        },
        EventKind::ActionChecked {
            text: text("Do a thing"),
            stated: Some(day(1)),
        },
        EventKind::ActionChecked {
            text: text("Do a thing"),
            stated: None,
        },
        EventKind::ActionUnchecked {
            text: text("Do a thing"),
        },
        EventKind::ActionRemoved {
            text: text("Do a thing"),
        },
        EventKind::CheckinAdded {
            date: day(2),
            value: Some(text("12%")),
            note: Some(text("ok")),
        },
        EventKind::CheckinAdded {
            date: day(2),
            value: None,
            note: None,
        },
        EventKind::ActionChanged {
            text: text("Do two things"),
            changes: vec![
                FieldChange {
                    field: "text",
                    from: Some(text("Do a thing")),
                    to: Some(text("Do two things")),
                },
                FieldChange {
                    field: "due",
                    from: None,
                    to: Some(text("2026-03-09")),
                },
            ],
        },
        EventKind::CheckinChanged {
            date: day(3),
            value: Some(text("14%")),
            note: None,
            changes: vec![
                FieldChange {
                    field: "date",
                    from: Some(text("2026-03-02")),
                    to: Some(text("2026-03-03")),
                },
                FieldChange {
                    field: "note",
                    from: Some(text("ok")),
                    to: None,
                },
            ],
        },
        EventKind::CheckinRemoved {
            date: day(2),
            value: None,
            note: Some(text("ok")),
        },
        EventKind::DueMoved {
            from: Some(day(3)),
            to: Some(day(4)),
        },
        EventKind::DueMoved {
            from: None,
            to: None,
        },
        EventKind::TargetChanged {
            from: Some(text("25%")),
            to: Some(text("20%")),
        },
        EventKind::TargetChanged {
            from: None,
            to: None,
        },
        EventKind::MeasureChanged {
            from: Some(text("a")),
            to: Some(text("b")),
        },
        EventKind::MeasureChanged {
            from: None,
            to: None,
        },
    ];
    for kind in &kinds {
        match kind {
            EventKind::PlanAdded
            | EventKind::PlanRemoved
            | EventKind::PlanRenamed { .. }
            | EventKind::PlanSnapshot { .. }
            | EventKind::ReviewMoved { .. }
            | EventKind::Agreed(_)
            | EventKind::Unparsable { .. }
            | EventKind::GoalAdded { .. }
            | EventKind::GoalRemoved { .. }
            | EventKind::GoalRenamed { .. }
            | EventKind::StatusChanged { .. }
            | EventKind::ActionAdded { .. }
            | EventKind::ActionChecked { .. }
            | EventKind::ActionUnchecked { .. }
            | EventKind::ActionRemoved { .. }
            | EventKind::ActionChanged { .. }
            | EventKind::CheckinAdded { .. }
            | EventKind::CheckinChanged { .. }
            | EventKind::CheckinRemoved { .. }
            | EventKind::DueMoved { .. }
            | EventKind::TargetChanged { .. }
            | EventKind::MeasureChanged { .. } => {}
        }
    }
    kinds
}

/// Plan-level kinds carry no goal; every other kind does.
fn is_plan_level(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::PlanAdded
            | EventKind::PlanRemoved
            | EventKind::PlanRenamed { .. }
            | EventKind::PlanSnapshot { .. }
            | EventKind::ReviewMoved { .. }
            | EventKind::Agreed(_)
            | EventKind::Unparsable { .. }
    )
}

fn event(kind: EventKind, commit: &Arc<CommitInfo>) -> Event {
    Event {
        commit: Arc::clone(commit),
        path: "plans/jane.md".into(),
        plan: "plans/jane.md".into(),
        goal: (!is_plan_level(&kind)).then(|| "prod".to_string()),
        kind,
    }
}

fn commit(id: &str, short: &str) -> Arc<CommitInfo> {
    Arc::new(CommitInfo {
        id: id.into(),
        short: short.into(),
        author: "Jane".into(),
        email: "jane@example.com".into(),
        time: DateTime::parse_from_rfc3339("2026-03-01T01:00:00+14:00").expect("a time"),
        summary: "a change".into(),
        agreed: Vec::new(),
    })
}

/// A change that breaks a valid event.
type Edit = fn(&mut Value);

fn remove(event: &mut Value, key: &str) {
    event.as_object_mut().expect("an object").remove(key);
}

fn document(events: &[Event]) -> Value {
    json!({"version": 1, "commits": 3, "notes": ["a note"], "events": events})
}

#[test]
fn every_event_kind_is_in_the_schema_enum() {
    let schema = schema();
    let listed: BTreeSet<String> = schema["definitions"]["kind"]["enum"]
        .as_array()
        .expect("definitions/kind/enum")
        .iter()
        .map(|v| v.as_str().expect("a name").to_string())
        .collect();
    let kinds: BTreeSet<String> = every_kind()
        .into_iter()
        .map(|k| {
            serde_json::to_value(&k).expect("serializes")["event"]
                .as_str()
                .expect("a tag")
                .to_string()
        })
        .collect();
    assert_eq!(listed, kinds);
    for name in &kinds {
        assert_eq!(
            schema["definitions"][name]["properties"]["event"]["const"],
            name.as_str(),
            "definitions/{name} is the schema of `{name}`"
        );
    }
}

#[test]
fn every_event_kind_validates_and_a_wrong_one_does_not() {
    let sha = commit(&"ab12cd3".repeat(40)[..40], "ab12cd3");
    let work = commit("uncommitted", "uncommitted");
    let events: Vec<Event> = every_kind().into_iter().map(|k| event(k, &sha)).collect();
    assert_valid(&document(&events));
    assert_valid(&document(&[event(EventKind::PlanAdded, &work)]));
    let validator = jsonschema::draft7::new(&schema()).expect("the schema compiles");
    let good = serde_json::to_value(event(EventKind::ActionAdded { text: "x".into() }, &sha))
        .expect("json");
    let wrong: [(&str, Edit); 6] = [
        ("an unknown kind", |e| e["event"] = json!("goal-exploded")),
        ("a missing field", |e| remove(e, "text")),
        ("an unknown field", |e| e["colour"] = json!("red")),
        ("a goal-level event without a goal", |e| remove(e, "goal")),
        ("a bad commit id", |e| e["commit"]["id"] = json!("HEAD")),
        ("a plan-level event with a goal", |e| {
            e["event"] = json!("plan-added")
        }),
    ];
    for (what, edit) in wrong {
        let mut e = good.clone();
        edit(&mut e);
        let doc = json!({"version": 1, "commits": 1, "notes": [], "events": [e]});
        assert!(
            !validator.is_valid(&doc),
            "the schema accepts {what}: {doc}"
        );
    }
}

#[test]
fn the_schema_follows_the_conventions_of_the_other_schemas() {
    let schema = schema();
    jsonschema::draft7::meta::validate(&schema).expect("a valid draft-07 schema");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["$id"],
        "https://growth.dev/schema/history.schema.json"
    );
    assert!(schema["title"].is_string() && schema["description"].is_string());
    // Every object with properties is closed and every property is described.
    let mut failures = Vec::new();
    let mut stack = vec![(String::new(), &schema)];
    while let Some((pointer, value)) = stack.pop() {
        let Some(map) = value.as_object() else {
            continue;
        };
        if let Some(properties) = map.get("properties").and_then(Value::as_object) {
            if map.get("additionalProperties") != Some(&json!(false)) {
                failures.push(format!("{pointer}: not closed"));
            }
            for (key, property) in properties {
                if property["description"]
                    .as_str()
                    .is_none_or(|d| d.trim().is_empty())
                {
                    failures.push(format!("{pointer}/properties/{key}: no description"));
                }
            }
        }
        for (key, child) in map {
            stack.push((format!("{pointer}/{key}"), child));
            if let Some(items) = child.as_array() {
                stack.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (format!("{pointer}/{key}/{i}"), c)),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_library_and_the_command_give_the_same_events() {
    let repo = events::linear_repo();
    let globs = growth::workspace::compile(
        &growth::config::DEFAULT_PLAN_GLOBS
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
    )
    .expect("globs");
    let top = std::fs::canonicalize(&repo.dir).expect("the repository");
    let is_plan = |path: &Path| {
        path.strip_prefix(&top)
            .is_ok_and(|rel| globs.is_match(rel) && !growth::workspace::is_document(rel))
    };
    let options = Options {
        start: &repo.dir,
        is_plan: &is_plan,
        now: DateTime::parse_from_rfc3339("2026-06-01T00:00:00+00:00").expect("a time"),
        since: None,
        until: None,
        progress: false,
        review_tags: &[],
    };
    let loaded = history::load(&options).expect("history");
    assert_eq!(loaded.commits, 21);
    assert!(loaded.notes.is_empty());
    let from_library = serde_json::to_value(&loaded.events).expect("json");
    assert_eq!(&from_library, &repo.history(&[])["events"]);
    // A plain directory is not a repository.
    let plain = Repo::without_git();
    let options = Options {
        start: &plain.dir,
        ..options
    };
    assert!(matches!(
        history::load(&options),
        Err(history::HistoryError::NotARepository)
    ));
    assert!(Path::new(&repo.dir).join(".git").is_dir());
}
