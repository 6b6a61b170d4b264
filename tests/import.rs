//! `growth import`: real plans from public repositories (tests/fixtures/import/README.md
//! names them and their licences) and the shapes the issue names become plans that lint
//! clean of GR001 (invalid plan) and GR006 (no goals), with every word of the original kept.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

mod common;
use common::growth;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// What an import turns into structure rather than text: `<br>`, list numbers and the
/// labels of the fields it reads (`Success Metric:` becomes `measure:`).
const STRUCTURE: &[&str] = &[
    "br", "1", "2", "current", "goal", "north", "star", "next", "steps", "success", "metric",
    "measures", "support",
];

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STRUCTURE.contains(&w.as_str()))
        .collect()
}

struct Imported {
    plan: String,
    stderr: String,
    titles: Vec<String>,
    codes: Vec<String>,
}

/// Imports `name` with `-o`, checks that nothing of it was lost, and lints the result.
fn import(name: &str) -> Imported {
    let dir = TempDir::new().unwrap();
    std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    let (code, out, stderr) = growth(
        dir.path(),
        &["import", name, "--owner", "Jane Doe", "-o", "plan.md"],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{stderr}");
    let plan = std::fs::read_to_string(dir.path().join("plan.md")).unwrap();
    let original = std::fs::read_to_string(fixture(name)).unwrap();
    let lost: Vec<String> = words(&original)
        .difference(&words(&plan))
        .cloned()
        .collect();
    assert!(lost.is_empty(), "{name} lost {lost:?}");
    let (_, json, err) = growth(
        dir.path(),
        &["lint", "--no-history", "--format", "json", "plan.md"],
    );
    let doc: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {err}"));
    let codes = (doc["diagnostics"].as_array().unwrap().iter())
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    let titles = plan
        .lines()
        .filter_map(|l| l.strip_prefix("## Goal: "))
        .map(str::to_string)
        .collect();
    Imported {
        plan,
        stderr,
        titles,
        codes,
    }
}

fn clean_of_invalid_and_no_goals(imported: &Imported) {
    for code in ["GR001", "GR006"] {
        assert!(
            !imported.codes.iter().any(|c| c == code),
            "{code} in {:?}\n{}",
            imported.codes,
            imported.plan
        );
    }
}

#[test]
fn a_list_of_done_goals_marked_with_checks() {
    let imported = import("snowboardit-2023.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.titles,
        [
            "Learn Hugo and Jekyll",
            "Learn Go",
            "Improve Rust skills",
            "Improve TypeScript skills",
            "Improve web design skills",
            "Improve code organization & best practices"
        ]
    );
    assert_eq!(imported.plan.matches("status: done").count(), 6);
    assert_eq!(
        imported.stderr,
        "growth: guessed the goals are the items of the plan's list\n\
         growth: guessed period 2026-01-01 to 2026-06-30\n\
         growth: guessed no north star found\n\
         growth: wrote plan.md with 6 goals; run `growth lint plan.md`\n"
    );
    let imported = import("snowboardit-2022.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.titles,
        ["Rust", "CosmWasm", "React", "Next.js", "Angular"]
    );
}

#[test]
fn a_bullet_list_of_goals_keeps_its_note() {
    let imported = import("snowboardit-2024.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.titles,
        [
            "Increase experience with static site generators",
            "Explore new site generators (11ty, Gatsby, Nuxt, etc...)",
            "Continue learning Go",
            "Expand backend experience",
            "Obtain more hands-on experience with web app security"
        ]
    );
    assert!(
        imported.plan.contains("\n> 📝 **Note**<br>\n"),
        "{}",
        imported.plan
    );
    assert!(!imported.plan.contains("status: done"));
}

#[test]
fn headings_with_bullets_become_goals_with_actions() {
    let imported = import("snowboardit-2025.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.titles,
        [
            "Build more $4!+ :D",
            "Release AeroQuiz to the public",
            "Build local weather station web application",
            "Level up database skills",
            "Deepen expertise in system architecture and design"
        ]
    );
    assert!(imported.plan.contains("## Goal: Level up database skills\n\n### Actions\n- [ ] Create at least three schemas\n- [ ] Branch out and use other databases: SQLite, MySQL, etc...\n- [ ] Improve query performance to deliver faster responses to user questions.\n"), "{}", imported.plan);
    // The preface quote stays where it was, before the goals.
    assert!(
        imported
            .plan
            .contains("---\n# ✨ 2025 Dev Goals\n\n> [!IMPORTANT]\n"),
        "{}",
        imported.plan
    );
}

#[test]
fn goal_headings_with_timeline_and_success_metric_lines() {
    let imported = import("unicorn-growth.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.titles,
        ["System Design Expertise", "Cross-Team Influence"]
    );
    assert!(imported.plan.contains("## Goal: System Design Expertise\n\n```yaml\nmeasure: \"Lead design of 2 medium-scale systems with positive reviews\"\ndue: 2026-09-30\n```\n\n**Priority:** 🔴 Critical\nTimeline: June — September 2026\n"), "{}", imported.plan);
    assert!(imported.plan.contains("### Actions\n- [x] Finished DDIA (notes in reading notes)\n- [ ] Design doc reviewed by Staff+ engineer\n"), "{}", imported.plan);
    assert!(imported.plan.starts_with("---\nowner: \"Jane Doe\"\nperiod: { start: 2026-01-01, end: 2026-10-31 }\n---\n# Growth Plan: ROLE-001\n"), "{}", imported.plan);
    assert_eq!(
        imported.stderr,
        "growth: guessed the goals are the headings that name a goal or focus\n\
         growth: guessed due 2026-09-30 for `System Design Expertise` from \"June — September 2026\"\n\
         growth: guessed due 2026-10-31 for `Cross-Team Influence` from \"July — October 2026\"\n\
         growth: guessed period 2026-01-01 to 2026-10-31\n\
         growth: guessed no north star found\n\
         growth: wrote plan.md with 2 goals; run `growth lint plan.md`\n"
    );
}

#[test]
fn a_goal_table_with_a_north_star_line() {
    let imported = import("shapes-table.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.plan,
        "---\nowner: \"Jane Doe\"\nperiod: { start: 2026-01-01, end: 2027-01-31 }\nnorth_star: \"Become the engineer the team trusts with its hardest incidents\"\n---\n# Growth plan\n\n\
         ## Goal: Lead incident reviews\n\n```yaml\nmeasure: \"I run 3 reviews\"\ndue: 2026-06-30\nresources: \"Priya\"\n```\n\nTimeline: Q2 2026\n\n### Actions\n- [ ] Shadow two reviews\n- [x] Read the SRE book\n\n\
         ## Goal: Learn Terraform\n\n```yaml\nmeasure: \"One module merged\"\ndue: 2027-01-31\nstatus: done\n```\n\nTimeline: by January\n\n### Actions\n- [ ] Finish the course\n\nSome closing words that fit nowhere.\n"
    );
}

#[test]
fn numbered_and_bold_focus_points_a_north_star_section_and_a_current_goal() {
    let imported = import("shapes-focus.md");
    clean_of_invalid_and_no_goals(&imported);
    assert_eq!(
        imported.plan,
        "---\nowner: \"Jane Doe\"\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nnorth_star: \"A positive influence on others, in technical and cultural values.\"\n---\n\n## Focus points\n\n\
         ## Goal: Mentoring\n\n### Actions\n- [ ] Pair weekly with the new hire\n- [x] Set up a mentoring channel\n\n\
         ## Goal: Public speaking: two internal talks\n\n### Actions\n- [ ] Submit a talk to the guild (by June) (due 2026-06-30)\n\n\
         ## Goal: Writing\n\n### Actions\n- [ ] Publish one post a month\n\n\
         ## Goal: Ship the billing migration\n\n### Actions\n- [ ] Write the plan\n- [x] Get sign-off\n"
    );
}

#[test]
fn import_never_overwrites_and_names_an_unreadable_file() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("plan.md"), "kept").unwrap();
    std::fs::copy(fixture("shapes-table.md"), dir.path().join("old.md")).unwrap();
    let (code, out, err) = growth(dir.path(), &["import", "old.md", "-o", "plan.md"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "growth: error: plan.md already exists; growth never overwrites it: choose a new file\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        "kept"
    );
    let (code, _, err) = growth(dir.path(), &["import", "missing.md"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("growth: error: cannot read missing.md"),
        "{err}"
    );
    // Without --owner and an Owner: line, the placeholder is said.
    let (code, out, err) = growth(dir.path(), &["import", "old.md"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("---\nowner: \"Your Name\"\n"), "{out}");
    assert!(
        err.contains("growth: guessed owner `Your Name`: pass --owner\n"),
        "{err}"
    );
}
