//! A team's own wording rules (`wording:` in growth.yaml, the GW family): findings that name
//! the words, levels and suppressions like any rule, `explain` and `rules`, the one-suggestion
//! fix, and every mistake in the config reported at its place in one round.

use tempfile::TempDir;

mod common;
use common::growth;

const CONFIG: &str = r#"wording:
  - code: GW001
    name: no-synergy
    phrase: synergy
    message: say what the two teams will build together
    suggest: [joint work]
    fields: [title, measure]
  - code: GW002
    regex: '(?i)\btouch(ed|ing)? base\b'
    message: name the meeting and what it decides
    severity: info
  - code: GW003
    name: no-hopefully
    phrase: hopefully
    message: a check-in says what happened, not what might
    suggest: [next, then]
    fields: [checkin]
"#;

const PLAN: &str = "---
owner: Jane Doe
period: { start: 2026-01-01, end: 2026-06-30 }
north_star: A data platform other teams build on
---

## Goal: Synergy with the data team: ship the shared ingest library

```yaml
measure: the ingest library is used by 2 teams, a real SYNERGY
due: 2026-06-01
why: I wrote its first version
relevance: both teams need it
```

### Actions
- [ ] Touch base with the data team lead every two weeks
<!-- growth-disable-next-line GW002 -- agreed wording -->
- [ ] Touching  base with design about synergy

### Check-ins
- 2026-02-01 hopefully done by March
";

fn repo(config: &str, plan: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("growth.yaml"), config).unwrap();
    std::fs::write(dir.path().join("plans/jane.md"), plan).unwrap();
    dir
}

#[test]
fn each_match_is_a_finding_naming_its_words_at_their_place() {
    let dir = repo(CONFIG, PLAN);
    let (code, out, _) = growth(dir.path(), &["lint", "--no-history", "--format", "concise"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "plans/jane.md:7:10: GW001 say what the two teams will build together (\"Synergy\" in the title)
plans/jane.md:10:56: GW001 say what the two teams will build together (\"SYNERGY\" in the measure)
plans/jane.md:17:7: GW002 name the meeting and what it decides (\"Touch base\" in the action)
plans/jane.md:22:14: GW003 a check-in says what happened, not what might (\"hopefully\" in the checkin)
"
    );
}

#[test]
fn json_carries_the_code_name_severity_help_and_fix() {
    let dir = repo(CONFIG, PLAN);
    let (_, out, _) = growth(dir.path(), &["lint", "--no-history", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("GW"))
        .collect();
    let summary: Vec<(String, String, String, Option<String>)> = findings
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["help"].as_str().map(str::to_string),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        summary,
        vec![
            (
                s("GW001"),
                s("no-synergy"),
                s("warning"),
                Some(s("try \"joint work\""))
            ),
            (
                s("GW001"),
                s("no-synergy"),
                s("warning"),
                Some(s("try \"joint work\""))
            ),
            (s("GW002"), s("gw002"), s("info"), None),
            (
                s("GW003"),
                s("no-hopefully"),
                s("warning"),
                Some(s("try \"next\" or \"then\""))
            ),
        ]
    );
}

#[test]
fn a_single_suggestion_is_a_fix_that_lint_fix_applies_to_the_words_alone() {
    let dir = repo(CONFIG, PLAN);
    let (code, _, err) = growth(dir.path(), &["lint", "--no-history", "--fix"]);
    assert_eq!(code, 0, "{err}");
    let fixed = std::fs::read_to_string(dir.path().join("plans/jane.md")).unwrap();
    let expected = PLAN
        .replace("## Goal: Synergy with", "## Goal: joint work with")
        .replace("a real SYNERGY", "a real joint work");
    assert_eq!(fixed, expected);
    // Two suggestions are a choice for the person: GW003 offered no fix.
    assert!(fixed.contains("hopefully done by March"));
}

#[test]
fn levels_under_rules_apply_to_wording_rules_by_code_or_name() {
    let config = format!("{CONFIG}rules:\n  no-synergy: off\n  GW002: error\n");
    let dir = repo(&config, PLAN);
    let (code, out, _) = growth(dir.path(), &["lint", "--no-history", "--format", "concise"]);
    assert_eq!(code, 1, "GW002 is an error now: {out}");
    assert!(!out.contains("GW001"), "{out}");
    assert!(out.contains("plans/jane.md:17:7: GW002"), "{out}");
    let (_, rules, _) = growth(dir.path(), &["rules"]);
    let wording: Vec<&str> = rules.lines().filter(|l| l.starts_with("GW")).collect();
    assert_eq!(
        wording,
        vec![
            "GW001  no-synergy                   off      say what the two teams will build together (matches \"synergy\" in title, measure)",
            "GW002  gw002                        error    name the meeting and what it decides (matches /(?i)\\btouch(ed|ing)? base\\b/ in title, measure, action, checkin)",
            "GW003  no-hopefully                 warning  a check-in says what happened, not what might (matches \"hopefully\" in checkin)",
        ]
    );
}

#[test]
fn a_suppression_names_a_wording_rule_and_an_unused_one_is_reported() {
    let plan = PLAN.replace(
        "<!-- growth-disable-next-line GW002 -- agreed wording -->",
        "<!-- growth-disable-next-line no-synergy GW009 -- wrong rules -->",
    );
    let dir = repo(CONFIG, &plan);
    let (_, out, _) = growth(dir.path(), &["lint", "--no-history", "--format", "concise"]);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(":18:")).collect();
    assert_eq!(
        lines,
        vec![
            "plans/jane.md:18:31: GR007 unused suppression: no GW001 finding here",
            "plans/jane.md:18:42: GR007 `GW009` is not a rule; this suppression does nothing",
        ]
    );
    let unsuppressed: Vec<&str> = out.lines().filter(|l| l.contains(":19:")).collect();
    assert_eq!(
        unsuppressed,
        vec![
            "plans/jane.md:19:7: GW002 name the meeting and what it decides (\"Touching base\" in the action)",
        ],
        "GW001 reads titles and measures only, not actions"
    );
}

#[test]
fn explain_shows_a_wording_rule_as_the_config_defines_it() {
    let dir = repo(CONFIG, PLAN);
    let (code, out, _) = growth(dir.path(), &["explain", "no-hopefully"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "GW003 no-hopefully (default: warning)

Fires when: \"hopefully\" matches in the checkin of an open goal.

a check-in says what happened, not what might

Suggested instead: \"next\", \"then\".

A wording rule of this repository, defined under `wording:` in growth.yaml.
"
    );
    let (code, _, err) = growth(dir.path(), &["explain", "GW004"]);
    assert_eq!(code, 2);
    assert!(err.contains("`GW004` is not a rule; did you mean"), "{err}");
}

#[test]
fn every_mistake_in_the_wording_section_is_named_at_its_place_in_one_round() {
    let config = r#"wording:
  - code: GR201
    phrase: x
    message: m
  - code: GW010
    regex: '(unclosed'
    message: m
  - code: GW011
    phrase: a
    regex: b
    message: m
  - code: GW012
    phrase: a
    fields: [title, acton]
  - code: GW013
    name: Not Kebab
    phrase: a
    message: m
    colour: red
  - code: GW014
    name: vague-goal
    phrase: a
    message: m
"#;
    let dir = repo(config, PLAN);
    let (code, _, err) = growth(dir.path(), &["lint", "--no-history"]);
    assert_eq!(code, 2, "{err}");
    let places: Vec<&str> = err
        .lines()
        .filter_map(|l| l.split(": ").find(|w| w.starts_with("growth.yaml:")))
        .collect();
    assert_eq!(
        places.join("\n"),
        [
            "growth.yaml:2:11",
            "growth.yaml:6:12",
            "growth.yaml:10:12",
            "growth.yaml:12:5",
            "growth.yaml:14:21",
            "growth.yaml:16:11",
            "growth.yaml:19:5",
            "growth.yaml:20:5",
        ]
        .join("\n"),
        "{err}"
    );
    for message in [
        "`GR201` is not a wording rule code",
        "not a valid regex:",
        "a wording rule has a `phrase` or a `regex`, not both",
        "a wording rule needs a `message`",
        "`acton` is not a field wording rules read",
        "did you mean `action`?",
        "`Not Kebab` is not a rule name",
        "unknown wording rule key `colour`",
        "`vague-goal` is already a rule's code or name",
    ] {
        assert!(err.contains(message), "missing {message:?} in\n{err}");
    }
}

#[test]
fn a_pathological_regex_is_refused_not_run() {
    // Far past the compiled-size limit: refused at load, with its place, in well under a second.
    let config = "wording:\n  - code: GW001\n    regex: '(\\w{100}){100}'\n    message: m\n";
    let dir = repo(config, PLAN);
    let start = std::time::Instant::now();
    let (code, _, err) = growth(dir.path(), &["lint", "--no-history"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a valid regex"), "{err}");
    assert!(err.contains("growth.yaml:3:12"), "{err}");
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn terminal_text_from_the_config_is_sanitised() {
    let config = "wording:\n  - code: GW001\n    phrase: synergy\n    message: \"bad \\e]0;pwned\\a word\"\n";
    let dir = repo(config, PLAN);
    let (_, out, _) = growth(dir.path(), &["lint", "--no-history"]);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("bad \u{fffd}]0;pwned\u{fffd} word"), "{out}");
    let (_, rules, _) = growth(dir.path(), &["rules"]);
    assert!(!rules.contains('\u{1b}'), "{rules:?}");
}
