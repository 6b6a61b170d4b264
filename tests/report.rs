//! `growth report` in the terminal and Markdown formats (spec §5), on a team repository built
//! with the `git` command line, fixed names and dates, so commit ids and snapshots are stable.
//!
//! The history: Ana, Ben and Cara's plans are added; boxes are ticked with and without a
//! stated date; in June Ana moves a due date out and lowers a target; in July she adds a
//! check-in dated in February (backdated); Ben stops in March (stale, an action overdue).

use std::path::Path;
use std::process::Command as Git;

use assert_cmd::Command;
use growth::report::model::{LintCounts, PlanReport, Range, Report};
use tempfile::TempDir;

const TODAY: &str = "2026-10-01";

const CONFIG: &str = "ladder: ladder.yaml\n";

const LADDER: &str = "levels: [{ id: engineer, name: Engineer },
  { id: senior-engineer, name: Senior Engineer }, { id: staff-engineer, name: Staff Engineer }]
competencies:
  - { id: incident-response, area: operations, expectations: { engineer: Runbooks, senior-engineer: Leads } }
  - { id: system-design, area: technical, expectations: { engineer: Parts, senior-engineer: Services, staff-engineer: Teams } }
  - { id: delivery, area: execution, expectations: { engineer: Tasks, staff-engineer: Cross-team projects } }
";

const ANA: &str = "---
owner: Ana Lima
role: engineer
target_role: senior-engineer
period: { start: 2026-01-01, end: 2026-12-31 }
review: 2026-06-15
north_star: Be the person the team calls when production is on fire, and stay calm.
---

# Ana's plan for 2026
## Goal: Lead four production incidents as incident commander

```yaml
competency: incident-response
measure: I lead 4 incidents as incident commander, with a postmortem for each
baseline: 0
target: 4
due: 2026-06-30
why: I have shadowed six incidents and know the runbooks
status: active
```
### Actions
- [ ] Complete the incident commander training
- [ ] Shadow Raj on two incidents (due 2026-04-30)
- [ ] Write the postmortem for my first incident
### Check-ins
- 2026-01-15 [0] signed up for the training

## Goal: Write design docs others can build from

```yaml
competency: system-design
measure: 2 design docs approved in review without a second round
target: 2
due: 2026-11-30
status: active
```
### Actions
- [ ] Write the design doc for the webhook retries
";

const BEN: &str = "---
owner: Ben Okafor
role: senior-engineer
target_role: staff-engineer
period: { start: 2026-01-01, end: 2026-12-31 }
review: 2026-04-01
---

# Ben's plan
## Goal: Cut the deploy time of the billing service to under 10 minutes

```yaml
focus: delivery
measure: median deploy time of billing over 2 weeks, in minutes
baseline: 25 min
target: 10 min
due: 2026-09-30
why: slow deploys make every incident longer
relevance: the team ships billing changes daily
status: active
```
### Actions
- [ ] Profile the deploy pipeline (due 2026-02-28)
- [ ] Cache the dependency layer (due 2026-05-31)
### Check-ins
- 2026-01-20 [25 min] measured the baseline
";

const CARA: &str = "owner: Cara Diaz
title: Cara's first year
period: { start: 2026-04-01, end: 2027-03-31 }
goals:
  - title: Run the weekly ops review on my own
    type: career
    focus: operations
    measure: I run 8 ops reviews without help
    baseline: 0
    target: 8
    due: 2026-12-31
    relevance: the on-call lead role needs it
    status: active
    actions:
      - { text: Co-run two reviews with Ana, due: 2026-05-31 }
    checkins: []
";

/// A directory with these files.
fn repo(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Runs git as `author` on `date` (author and committer), with no user or system config.
fn run_git(dir: &Path, author: &str, date: &str, args: &[&str]) {
    let stamp = format!("{date}T10:00:00+00:00");
    let config = "-c init.defaultBranch=main -c commit.gpgsign=false -c user.email=dev@example.com";
    let out = Git::new("git")
        .current_dir(dir)
        .args(config.split(' '))
        .args(args)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .envs([("GIT_AUTHOR_NAME", author), ("GIT_COMMITTER_NAME", author)])
        .envs([("GIT_AUTHOR_DATE", &stamp), ("GIT_COMMITTER_DATE", &stamp)])
        .env_remove("GIT_DIR")
        .output()
        .expect("git runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "git {args:?} failed: {err}");
}

fn commit(dir: &Path, author: &str, date: &str) {
    run_git(dir, author, date, &["add", "-A"]);
    run_git(dir, author, date, &["commit", "-q", "-m", date]);
}

/// `growth report ARGS` in `dir`; asserts success and returns standard output.
fn report(dir: &TempDir, args: &[&str]) -> String {
    let out = Command::cargo_bin("growth")
        .expect("the growth binary")
        .current_dir(dir.path())
        .env("GROWTH_TODAY", TODAY)
        .env("HOME", dir.path())
        .env_remove("NO_COLOR")
        .arg("report")
        .args(args)
        .output()
        .expect("growth runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "growth report {args:?} failed: {err}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The history after the first commit. `@ author, date` commits the edits above it; an edit
/// is `file: text => replacement` (`\n` is a line break); `+cara` writes Cara's plan.
const HISTORY: &str = r#"
ana: - [ ] Complete the => - [x] Complete the
ana: the training\n => the training\n- 2026-02-02 [0] training done, shadow shift booked\n
@ Ana Lima, 2026-02-03
ana: shift booked\n => shift booked\n- 2026-03-10 [1] led the queue outage; postmortem written\n
@ Ana Lima, 2026-03-11
ben: - [ ] Profile the deploy pipeline (due 2026-02-28) => - [x] Profile the deploy pipeline (done 2026-03-01)
ben: the baseline\n => the baseline\n- 2026-03-05 [18 min] tests run in parallel\n
@ Ben Okafor, 2026-03-12
+cara
@ Cara Diaz, 2026-04-20
ana: - [ ] Shadow Raj on two incidents (due 2026-04-30) => - [x] Shadow Raj on two incidents (done 2026-05-01)
ana: postmortem written\n => postmortem written\n- 2026-05-02 [2] led the cache incident\n
@ Ana Lima, 2026-05-04
ana: due: 2026-06-30 => due: 2026-09-30
ana: target: 4 => target: 3
@ Ana Lima, 2026-06-20
ana: shift booked\n => shift booked\n- 2026-02-20 [0] helped on the DNS incident\n
ana: - [ ] Write the design doc => - [x] Write the design doc
@ Ana Lima, 2026-07-01
cara: Ana, due: 2026-05-31 } => Ana, due: 2026-05-31, done: true }
cara: checkins: [] => checkins:\n      - { date: 2026-09-14, value: "3", note: ran three on my own }
@ Cara Diaz, 2026-09-15
"#;

/// The team repository and its history (see the top of this file).
fn team() -> TempDir {
    let path = |who: &str| format!("plans/{who}.{}", if who == "cara" { "yaml" } else { "md" });
    let repo = repo(&[("growth.yaml", CONFIG), ("ladder.yaml", LADDER)]);
    let dir = repo.path();
    run_git(dir, "Ana Lima", "2026-01-01", &["init", "-q"]);
    write(dir, &path("ana"), ANA);
    write(dir, &path("ben"), BEN);
    commit(dir, "Ana Lima", "2026-01-05");
    for line in HISTORY.lines().filter(|l| !l.is_empty()) {
        let line = line.replace("\\n", "\n");
        if let Some((author, date)) = line.strip_prefix("@ ").and_then(|c| c.split_once(", ")) {
            commit(dir, author, date);
        } else if line == "+cara" {
            write(dir, &path("cara"), CARA);
        } else {
            let (who, edit) = line.split_once(": ").expect("file: edit");
            let (from, to) = edit.split_once(" => ").expect("text => replacement");
            let text = std::fs::read_to_string(dir.join(path(who))).expect("read");
            assert!(text.contains(from), "{who} has no {from:?}");
            write(dir, &path(who), &text.replacen(from, to, 1));
        }
    }
    repo
}

/// Every line fits 80 columns (counted in characters) and, without colour, has no escape.
fn assert_terminal_shape(out: &str) {
    let wide = out.lines().find(|line| line.chars().count() > 80);
    assert!(wide.is_none(), "wider than 80 columns: {wide:?}");
    assert!(!out.contains('\x1b'), "an escape sequence without colour");
}

#[test]
fn terminal_report_of_the_team() {
    let repo = team();
    let out = report(&repo, &["--format", "terminal", "--color", "never"]);
    assert_terminal_shape(&out);
    assert!(out.contains("TEAM SUMMARY") && out.contains("LADDER COVERAGE"));
    insta::assert_snapshot!("terminal_team", out);
    // January's check-ins are before the range, May's in it.
    let since = report(&repo, &["--color", "never", "--since", "2026-03-01"]);
    assert_terminal_shape(&since);
    assert!(since.contains("Range        from 2026-03-01"), "{since}");
    assert!(!since.contains("signed up for the training"), "{since}");
    assert!(
        since.contains("2026-05-02 [2] led the cache incident"),
        "{since}"
    );
    // Ana's last review was on 2026-06-15, Ben's on 2026-04-01: each plan says its range.
    let review = report(&repo, &["--since", "last-review", "--color", "never"]);
    assert_terminal_shape(&review);
    assert!(review.contains("Range        differs per plan"), "{review}");
    assert!(
        review.contains("  Range        from 2026-06-15"),
        "{review}"
    );
    insta::assert_snapshot!("terminal_since_last_review", review);
    let coloured = report(&repo, &["--color", "always"]);
    assert!(coloured.contains("\x1b["), "no colour with --color always");
    assert_eq!(coloured.lines().count(), out.lines().count());
    // One plan: no team summary.
    let ben = report(&repo, &["--owner", "BEN", "--color", "never"]);
    assert!(
        !ben.contains("TEAM SUMMARY") && ben.contains("Ben Okafor"),
        "{ben}"
    );
    assert_terminal_shape(&ben);
}

#[test]
fn markdown_and_json_reports_of_the_team() {
    let repo = team();
    let out = report(&repo, &["--format", "markdown"]);
    assert!(out.starts_with("# Growth report\n") && out.contains("## Team summary"));
    assert_markdown_is_inert(&out);
    insta::assert_snapshot!("markdown_team", out);
    let ana = report(&repo, &["--format", "markdown", "--owner", "ana"]);
    assert!(
        !ana.contains("Team summary") && !ana.contains("Ben Okafor"),
        "{ana}"
    );
    insta::assert_snapshot!("markdown_single_plan", ana);
    let file = repo.path().join("report.md");
    let args = ["--format", "markdown", "-o", file.to_str().expect("UTF-8")];
    assert_eq!(
        report(&repo, &args),
        "",
        "-o writes nothing to standard output"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("the report file"),
        out
    );
    let json = report(&repo, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["plans"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["team"]["people"].as_array().map(Vec::len), Some(3));
}

/// A plan written to break the output: HTML, a pipe in a table cell, a `javascript:` link,
/// escape sequences and long words.
const HOSTILE: &str = r#"owner: "Mallory | <b>bold</b>"
title: "<script>alert(1)</script> | pipe"
period: { start: 2026-01-01, end: 2026-12-31 }
north_star: "[x](javascript:alert(1)) <img src=x onerror=alert(1)> \e[31mred"
goals:
  - title: "<script>alert(1)</script> | pipe"
    measure: "3 talks, see [x](javascript:alert(1)) & *bold* `code`"
    target: 3 talks
    due: 2026-06-30
    actions:
      - { text: "Split | the | table <br> and [x](javascript:alert(1))" }
      - { text: Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword, done: true }
    checkins:
      - { date: 2026-03-01, value: "1", note: "see [x](javascript:alert(1)) | <script>x</script>" }
"#;

/// Without git: the plans as they are, and a note. With a hostile plan among them.
#[test]
fn without_git_and_with_a_hostile_plan() {
    let files = [
        ("plans/ben.md", BEN),
        ("plans/ana.md", ANA),
        ("plans/x.yaml", HOSTILE),
    ];
    let repo = repo(&files);
    let out = report(&repo, &["--color", "never"]);
    assert_terminal_shape(&out);
    assert!(
        out.contains("history is unavailable") && !out.contains("Timeline"),
        "{out}"
    );
    assert!(out.contains("Split | the | table"), "{out}");
    insta::assert_snapshot!("terminal_without_git", out);
    let md = report(&repo, &["--format", "markdown"]);
    assert!(md.contains("history is unavailable"), "{md}");
    for bad in ["<script", "<img", "<b>", "[x](javascript"] {
        assert!(!md.contains(bad), "{bad} in:\n{md}");
    }
    assert_markdown_is_inert(&md);
}

/// Parses the Markdown as GitHub would: no HTML, no links, and every table row has as many
/// cells as its header.
fn assert_markdown_is_inert(md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let (mut header, mut cells) = (0, 0);
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in:\n{md}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link to {dest_url} in:\n{md}"),
            Event::Start(Tag::TableRow | Tag::TableHead) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead) => header = cells,
            Event::End(TagEnd::TableRow) => assert_eq!(cells, header, "a broken row in:\n{md}"),
            _ => {}
        }
    }
}

/// The library alone: a plan with no goals, in Markdown.
#[test]
fn markdown_of_a_plan_without_goals() {
    let date = |s: &str| s.parse().expect("a date");
    let plan = PlanReport {
        path: "plans/new.md".into(),
        path_bytes: None,
        range: Range::default(),
        owner: "Dee".into(),
        title: None,
        role: None,
        target_role: None,
        period: Some((date("2026-01-01"), date("2026-06-30"))),
        ended: false,
        review: None,
        north_star: None,
        lint: LintCounts::default(),
        last_checkin: None,
        last_activity: None,
        summary: Vec::new(),
        findings: Vec::new(),
        goals: Vec::new(),
    };
    let report = Report {
        version: 1,
        today: date(TODAY),
        range: Range::default(),
        history: false,
        notes: Vec::new(),
        team: None,
        plans: vec![plan],
        archived: Vec::new(),
    };
    let mut out = Vec::new();
    growth::report::markdown::write(&report, &mut out).expect("written");
    let md = String::from_utf8(out).expect("UTF-8");
    assert!(
        md.contains("## Dee\n") && md.contains("- **Lint:** clean\n"),
        "{md}"
    );
    assert!(md.contains("*This plan has no goals yet.*"), "{md}");
    assert!(md.contains("history is unavailable"), "{md}");
    assert_markdown_is_inert(&md);
}

/// Goals whose check-ins are in another unit than the target, in a convertible one, or dated
/// after the report's clock (`TODAY`, 2026-10-01).
const UNITS: &str = "---
owner: Una Ito
period: { start: 2026-01-01, end: 2026-12-31 }
---

## Goal: Send the stakeholders a written update every month

```yaml
measure: 4 written updates sent to the billing stakeholders
target: 4 updates
```
### Check-ins
- 2026-03-01 [1 update] the first one went out
- 2026-05-01 [80%] most of the stakeholders read it

## Goal: Bring the p95 latency of the search API below 400 ms

```yaml
measure: p95 latency of the search API over a week
baseline: 1.4 s
target: 400 ms
```
### Check-ins
- 2026-04-01 [900 ms] the cache is in
- 2026-06-01 [0.5 s] the index is rebuilt nightly

## Goal: Give four talks at the engineering all-hands

```yaml
measure: 4 talks given at the all-hands
target: 4 talks
```
### Check-ins
- 2026-02-01 [1] the first one, on the billing model
- 2027-02-01 [4] typed a year ahead

## Goal: Mentor two new hires through their first quarter

```yaml
measure: 2 new hires mentored through their first quarter
target: 2 new hires
```
### Check-ins
- 2026-11-15 [2 hires] dated after today
";

#[test]
fn progress_needs_matching_units_and_dates_up_to_today() {
    let repo = repo(&[("plans/una.md", UNITS)]);
    let json: serde_json::Value =
        serde_json::from_str(&report(&repo, &["--format", "json"])).expect("JSON");
    let goals = json["plans"][0]["goals"].as_array().expect("goals");
    let progress = |i: usize| &goals[i]["progress"];
    // 4 updates against 80%: no percentage, and why; the chart keeps the update only.
    assert_eq!(progress(0)["latest"], "80%");
    assert_eq!(progress(0)["percent"], serde_json::Value::Null);
    assert_eq!(
        progress(0)["no_percent"],
        "the latest check-in is in %, the target in updates"
    );
    assert_eq!(
        progress(0)["series"],
        serde_json::json!([["2026-03-01", 1.0]])
    );
    // 0.5 s against 400 ms from 1.4 s: 500 ms is 90% of the way; the chart is in ms.
    assert_eq!(progress(1)["latest"], "0.5 s");
    let percent = progress(1)["percent"].as_f64().expect("a percentage");
    assert!((percent - 90.0).abs() < 1e-9, "{percent}");
    assert_eq!(progress(1)["no_percent"], serde_json::Value::Null);
    assert_eq!(
        progress(1)["series"],
        serde_json::json!([["2026-04-01", 900.0], ["2026-06-01", 500.0]])
    );
    // A check-in dated next year does not make the goal 100%: 1 of 4 talks.
    assert_eq!(progress(2)["latest"], "1");
    assert_eq!(progress(2)["percent"], 25.0);
    assert_eq!(
        progress(2)["series"],
        serde_json::json!([["2026-02-01", 1.0]])
    );
    // Only a future check-in: no value yet, and the report says why.
    assert_eq!(progress(3)["latest"], serde_json::Value::Null);
    assert_eq!(progress(3)["percent"], serde_json::Value::Null);
    assert_eq!(
        progress(3)["no_percent"],
        "the check-in values are dated after today (2026-10-01) and do not count yet"
    );
    assert_eq!(progress(3)["series"], serde_json::json!([]));

    // Every format says why there is no percentage.
    let why = "no percentage: the latest check-in is in %, the target in updates";
    let terminal = report(&repo, &["--color", "never"]);
    assert_terminal_shape(&terminal);
    let flat = terminal.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("target 4 updates; {why}")),
        "{terminal}"
    );
    assert!(
        flat.contains("[#########.] 90%: latest 0.5 s"),
        "{terminal}"
    );
    assert!(flat.contains("[###.......] 25%: latest 1,"), "{terminal}");
    let md = report(&repo, &["--format", "markdown"]);
    assert!(md.contains(&format!("target 4 updates; {why}")), "{md}");
    assert_markdown_is_inert(&md);
    let html = report(&repo, &["--format", "html"]);
    assert!(
        html.contains(r#"<p class="no-percent">No percentage: the latest check-in is in %, the target in updates.</p>"#),
        "{html}"
    );
}

/// Each reason there is no percentage, as the JSON report gives it.
#[test]
fn why_there_is_no_percentage() {
    let goal = |title: &str, yaml: &str, value: &str| {
        format!("## Goal: {title}\n\n```yaml\nmeasure: {title}\n{yaml}\n```\n### Check-ins\n- 2026-03-01 [{value}] measured\n\n")
    };
    let plan = [
        "---\nowner: Una Ito\nperiod: { start: 2026-01-01, end: 2026-12-31 }\n---\n\n".to_string(),
        goal(
            "Cut the p95 to 400 ms",
            "baseline: 25%\ntarget: 400 ms",
            "0.9 s",
        ),
        goal(
            "Be the go-to person for billing",
            "target: the go-to person",
            "3",
        ),
        goal("Review 12 PRs a month", "target: 12 PRs", "first draft"),
        goal("Cut the build to 10 minutes", "target: 10 min", "18 min"),
        goal(
            "Hold 3 design reviews",
            "baseline: 3\ntarget: 3 reviews",
            "2",
        ),
        goal(
            "Reply within 2 days",
            "baseline: 4 days\ntarget: 2 days",
            "30 h",
        ),
        goal("Write 2 design docs", "target: 2 design docs", "1 doc"),
    ]
    .concat();
    let repo = repo(&[("plans/una.md", &plan)]);
    let json: serde_json::Value =
        serde_json::from_str(&report(&repo, &["--format", "json"])).expect("JSON");
    let reasons: Vec<serde_json::Value> = json["plans"][0]["goals"]
        .as_array()
        .expect("goals")
        .iter()
        .map(|g| g["progress"]["no_percent"].clone())
        .collect();
    assert_eq!(
        serde_json::Value::Array(reasons),
        serde_json::json!([
            "the baseline is in %, the target in milliseconds",
            "the target is not a number",
            "the latest check-in value is not a number",
            "there is no baseline, and the target is below the latest value",
            "the baseline and the target are the same",
            "the latest check-in is in hours, the target in days",
            // Not a reason: `1 doc` is 1 of 2 design docs, 50%.
            null,
        ])
    );
    assert_eq!(json["plans"][0]["goals"][6]["progress"]["percent"], 50.0);
}

// ---------------------------------------------------------------------------------------------
// The team as a manager reads it: one row per person, quiet by days, ladder gaps in words.

/// A plan of `owner` for a period, with one goal due at its end and an open action, and
/// these check-ins (`- DATE note` lines).
fn period_plan(owner: &str, start: &str, end: &str, checkins: &[&str]) -> String {
    let checkins: String = checkins
        .iter()
        .map(|c| format!("- {c} kept going\n"))
        .collect();
    format!(
        "---\nowner: {owner}\nperiod: {{ start: {start}, end: {end} }}\n---\n\n## Goal: Run the incident reviews\n\n```yaml\nmeasure: 2 reviews run\ndue: {end}\n```\n\n### Actions\n- [ ] Book the first review (due {start})\n\n### Check-ins\n{checkins}"
    )
}

fn people() -> TempDir {
    repo(&[
        ("growth.yaml", "options: { stale_days: 30 }\n"),
        (
            "plans/dee/2026-h1.md",
            &period_plan("Dee Park", "2026-01-01", "2026-06-30", &["2026-03-01"]),
        ),
        (
            "plans/dee/2026-h2.md",
            &period_plan("Dee Park", "2026-07-01", "2026-12-31", &["2026-09-20"]),
        ),
        (
            "plans/eve.md",
            &period_plan("Eve Ross", "2026-01-01", "2026-06-30", &["2026-05-01"]),
        ),
        (
            "plans/fay.md",
            &period_plan("Fay Wu", "2026-09-15", "2027-03-14", &[]),
        ),
    ])
}

fn json_report(dir: &TempDir, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&report(dir, &all)).expect("JSON")
}

fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x[key].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn an_ended_plan_is_archived_when_its_owner_has_a_newer_one() {
    let dir = people();
    let doc = json_report(&dir, &[]);
    assert_eq!(
        strings(&doc["plans"], "path"),
        ["plans/dee/2026-h2.md", "plans/eve.md", "plans/fay.md"]
    );
    assert_eq!(strings(&doc["archived"], "path"), ["plans/dee/2026-h1.md"]);
    let people = &doc["team"]["people"];
    assert_eq!(strings(people, "owner"), ["Dee Park", "Eve Ross", "Fay Wu"]);
    // Eve has no newer plan: her ended one stays, marked ended, with no overdue flags.
    let ended: Vec<bool> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["ended"] == true)
        .collect();
    assert_eq!(ended, [false, true, false]);
    assert_eq!(people[1]["flags"], serde_json::json!([]));
    let notes = doc["notes"].to_string();
    assert!(
        notes.contains("1 ended plan not shown, as its owner has a newer plan (plans/dee/2026-h1.md); --all shows it"),
        "{notes}"
    );

    // --all, or naming the file, shows it, marked ended and not overdue.
    for args in [
        &["--all"][..],
        &["plans/dee/2026-h1.md", "plans/dee/2026-h2.md"],
    ] {
        let doc = json_report(&dir, args);
        assert_eq!(doc["archived"], serde_json::json!([]), "{args:?}");
        let h1 = doc["plans"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == "plans/dee/2026-h1.md")
            .expect("the ended plan");
        assert_eq!(h1["ended"], true);
        assert_eq!(h1["goals"][0]["flags"], serde_json::json!([]), "{args:?}");
        // Its open action was due in January: a record now, not overdue.
        assert_eq!(h1["goals"][0]["actions"][0]["overdue"], false, "{args:?}");
    }
    let text = report(&dir, &["--all"]);
    let row = text
        .lines()
        .find(|l| l.starts_with("Dee Park") && l.contains("2026-03-01"));
    assert!(
        row.is_some_and(|r| r.ends_with("  ok        ended")),
        "{text}"
    );
    assert!(text.contains("2026-01-01 to 2026-06-30 (ended)"), "{text}");
    // The current plan's open action, due in July, is overdue; the ended plan's is not.
    assert_eq!(
        text.matches(", due 2026-07-01, overdue").count(),
        1,
        "{text}"
    );
    assert!(text.contains(", due 2026-01-01\n"), "{text}");
}

#[test]
fn quiet_means_no_check_in_for_stale_days_as_of_the_report_date() {
    let dir = people();
    let doc = json_report(&dir, &[]);
    let team = &doc["team"];
    // Dee checked in 11 days ago; Fay's plan began 16 days ago; Eve last checked in in May.
    assert_eq!(team["not_checked_in"], serde_json::json!(["Eve Ross"]));
    assert_eq!(team["quiet_days"], 30);
    assert_eq!(
        team["quiet"],
        serde_json::json!([{ "owner": "Eve Ross", "last_checkin": "2026-05-01", "days": 153, "cadence": null }])
    );
    // The range does not decide it: with a range that holds none of Eve's check-ins she is
    // still the one quiet person, and Dee, who checked in within it, is not.
    let doc = json_report(&dir, &["--since", "2026-09-01"]);
    assert_eq!(
        doc["team"]["not_checked_in"],
        serde_json::json!(["Eve Ross"])
    );
    let text = report(&dir, &[]);
    assert!(
        text.contains(
            "Not checked in for over 30 days\n  Eve Ross (last check-in 2026-05-01, 153 days ago)"
        ),
        "{text}"
    );
}

/// Someone who committed to a rhythm is quiet once their next check-in is past due, well
/// before `stale_days`.
#[test]
fn a_cadence_is_the_rhythm_a_person_is_quiet_by() {
    let dir = people();
    let gil = period_plan("Gil Tan", "2026-07-01", "2026-12-31", &["2026-09-20"])
        .replace("---\n\n## Goal", "cadence: weekly\n---\n\n## Goal");
    write(dir.path(), "plans/gil.md", &gil);
    let doc = json_report(&dir, &[]);
    // Dee checked in on the same day as Gil, with no cadence: not quiet.
    assert_eq!(
        doc["team"]["not_checked_in"],
        serde_json::json!(["Eve Ross", "Gil Tan"])
    );
    assert_eq!(doc["team"]["quiet"][1]["cadence"], "weekly");
    // The terminal wraps the list at 80 columns.
    let text = report(&dir, &[]).replace("\n  ", " ");
    assert!(
        text.contains("Not checked in for over 30 days or by their cadence"),
        "{text}"
    );
    assert!(
        text.contains("Gil Tan (last check-in 2026-09-20, 11 days ago; checks in weekly)"),
        "{text}"
    );
}

#[test]
fn since_last_review_without_a_review_is_the_plans_period_and_says_so() {
    let dir = people();
    let doc = json_report(&dir, &["--since", "last-review", "plans/fay.md"]);
    assert_eq!(doc["plans"][0]["range"]["since"], "2026-09-15");
    let notes = doc["notes"].to_string();
    assert!(
        notes.contains("no review date on or before 2026-10-01 for Fay Wu; showing the plan's period, from 2026-09-15"),
        "{notes}"
    );
}

#[test]
fn ladder_gaps_say_what_good_looks_like_at_the_target_level() {
    let dir = team();
    let doc = json_report(&dir, &[]);
    let ben = &doc["team"]["ladder"][1];
    assert_eq!(ben["owner"], "Ben Okafor");
    assert_eq!(
        (&ben["role_name"], &ben["target_name"]),
        (&"Senior Engineer".into(), &"Staff Engineer".into())
    );
    assert_eq!(
        ben["gaps"],
        serde_json::json!([
            { "competency": "system-design", "area": "technical", "expectation": "Teams" },
            { "competency": "delivery", "area": "execution", "expectation": "Cross-team projects" }
        ])
    );
    assert_eq!(
        doc["team"]["no_target_role"],
        serde_json::json!(["Cara Diaz"])
    );
}

/// Ana's plan in the JSON report of the team repository, over `args`.
fn ana(args: &[&str]) -> serde_json::Value {
    let dir = team();
    let mut args = args.to_vec();
    args.extend(["--format", "json", "plans/ana.md"]);
    let doc: serde_json::Value = serde_json::from_str(&report(&dir, &args)).expect("JSON");
    doc["plans"][0].clone()
}

#[test]
fn flags_say_which_entry_and_goals_list_their_findings() {
    let plan = ana(&[]);
    let goal = &plan["goals"][0];
    let moved = |entry: &str, before: &str, after: &str| {
        serde_json::json!({ "flag": "moved-goalposts", "entry": entry, "stated": null,
            "before": before, "after": after, "commit": "25790e8", "date": "2026-06-20" })
    };
    let expected = serde_json::json!([
        moved("due date", "2026-06-30", "2026-09-30"),
        moved("target", "4", "3"),
        { "flag": "backdated", "entry": "check-in 2026-02-20", "stated": "2026-02-20",
          "before": null, "after": null, "commit": "793e285", "date": "2026-07-01" },
    ]);
    assert_eq!(goal["flag_details"], expected);
    let findings: Vec<String> = goal["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{} {} {}: {}",
                f["line"], f["code"], f["severity"], f["message"]
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            r#"11 "GR501" "warning": "no progress on `lead-four-production-incidents-as-incident-commander` for 92 days (in git history, last on 2026-07-01)""#,
            r#"17 "GR503" "info": "target 4 → 3 in 25790e8 on 2026-06-20""#,
            r#"18 "GR208" "warning": "the goal `lead-four-production-incidents-as-incident-commander` was due 2026-09-30 (1 day ago)""#,
            r#"18 "GR503" "info": "due 2026-06-30 → 2026-09-30 in 25790e8 on 2026-06-20""#,
            r#"29 "GR502" "warning": "check-in 2026-02-20 was committed 131 days later, on 2026-07-01 (793e285)""#,
        ]
    );
    // The plan's own findings, before its first goal, are the plan's, not a goal's.
    assert_eq!(plan["findings"], serde_json::json!([]));
    let dir = team();
    let ben = report(&dir, &["--format", "json", "plans/ben.md"]);
    let ben: serde_json::Value = serde_json::from_str(&ben).expect("JSON");
    assert_eq!(
        strings(&ben["plans"][0]["findings"], "code"),
        ["GR301", "GR403"]
    );
    // A finding that is turned off takes its flag and its detail with it.
    write(
        dir.path(),
        "growth.yaml",
        "ladder: ladder.yaml\nrules:\n  GR503: off\n",
    );
    let out = report(&dir, &["--format", "json", "plans/ana.md"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let details = doc["plans"][0]["goals"][0]["flag_details"]
        .as_array()
        .cloned();
    assert_eq!(details.expect("details"), [expected[2].clone()]);
}

#[test]
fn a_plan_says_what_happened_since_the_last_review() {
    let since = ana(&["--since", "last-review"]);
    assert_eq!(
        since["summary"],
        serde_json::json!([
            "Since 2026-06-15: 1 action done and no check-ins.",
            "Done: Write the design doc for the webhook retries (2026-07-01).",
            "Goalposts moved: Lead four production incidents as incident commander: due date \
             2026-06-30 → 2026-09-30 in 25790e8 on 2026-06-20, target 4 → 3 in 25790e8 on \
             2026-06-20.",
            "Backdated: Lead four production incidents as incident commander: check-in \
             2026-02-20, committed 2026-07-01 in 793e285.",
        ])
    );
    // Progress from → to starts where the range does: the last reading before it.
    let march = ana(&["--since", "2026-03-01", "--until", "2026-05-31"]);
    assert_eq!(
        march["summary"],
        serde_json::json!([
            "From 2026-03-01 to 2026-05-31: 1 action done and 2 check-ins.",
            "Done: Shadow Raj on two incidents (2026-05-01).",
            "Progress: Lead four production incidents as incident commander: 0 → 2 (target 4; \
             50% of the way).",
        ])
    );
}

#[test]
fn html_draws_the_target_as_it_was_and_marks_overdue_actions() {
    let plan = ana(&[]);
    let progress = &plan["goals"][0]["progress"];
    let steps = serde_json::json!([["2026-01-01", 4.0], ["2026-06-20", 3.0]]);
    assert_eq!(progress["target_series"], steps);
    let dir = team();
    let html = report(&dir, &["--format", "html", "plans/ana.md"]);
    let at = html
        .find("<figcaption>Progress over time")
        .expect("a chart");
    let chart = &html[at..at + html[at..].find("</svg>").expect("its end")];
    assert!(
        chart.contains("; target lowered from 4 to 3 on 2026-06-20</desc>"),
        "{chart}"
    );
    // A step down in June, then flat to the right edge; not one flat line at today's target.
    assert!(
        chart.contains(r#"<path d="M48.0,16.0 H365.5 V54.5 H556.0" fill="none""#),
        "{chart}"
    );
    assert!(!chart.contains(">target 4</text>") && chart.contains(">was 4</text>"));
    let html = report(&dir, &["--format", "html", "plans/ben.md"]);
    assert!(html.contains(
        r#"<li class="open overdue"><span class="mark" aria-hidden="true">!</span><span class="text">Cache the dependency layer</span> <span class="when"><span class="late">due 2026-05-31, overdue</span></span></li>"#
    ));
    assert_eq!(html.matches("class=\"late\"").count(), 1);
}
