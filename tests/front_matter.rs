//! Front matter beyond YAML: TOML (`+++`, as Hugo writes it) read like YAML, with errors at
//! their line and column; `front_matter: { allow: [...] }` in growth.yaml for a plan that is
//! also a site page; a `North star` section when the front matter has none.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

const BODY: &str = "\n## Goal: Run 2 incident reviews\n\n```yaml\nmeasure: 2 reviews end with an owner per action\ndue: 2026-06-30\nwhy: I have shadowed three\nrelevance: the team needs a facilitator\n```\n\n### Actions\n- [ ] Shadow a review\n";

/// `growth lint` of `files` in a new directory: the exit code and each finding as
/// `path:line:col CODE message`.
fn lint(files: &[(&str, &str)]) -> (i32, Vec<String>) {
    let dir = TempDir::new().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let names: Vec<&str> = files
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| n.ends_with(".md"))
        .collect();
    let out = Command::cargo_bin("growth")
        .unwrap()
        .env("GROWTH_TODAY", "2026-03-01")
        .current_dir(dir.path())
        .args(["lint", "--no-history", "--format", "concise"])
        .args(&names)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code().unwrap(),
        text.lines().map(str::to_string).collect(),
    )
}

fn without_place(findings: &[String]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            f.split_once(' ')
                .map_or(f.clone(), |(_, rest)| rest.to_string())
        })
        .collect()
}

#[test]
fn toml_front_matter_reads_like_yaml() {
    let yaml = format!("---\nowner: Jane Doe\nperiod: {{ start: 2026-01-01, end: 2026-06-30 }}\nnorth_star: A positive influence\nnot_willing: [work weekends]\nmood: good\n---\n{BODY}");
    let toml = format!("+++\nowner = \"Jane Doe\"\nnorth_star = \"A positive influence\"\nnot_willing = [\"work weekends\"]\nmood = \"good\"\n\n[period]\nstart = 2026-01-01\nend = \"2026-06-30\"\n+++\n{BODY}");
    let (_, from_yaml) = lint(&[("plan.md", &yaml)]);
    let (code, from_toml) = lint(&[("plan.md", &toml)]);
    assert_eq!(code, 1);
    assert_eq!(
        from_toml,
        ["plan.md:5:1: GR002 unknown front matter key `mood`"]
    );
    assert_eq!(without_place(&from_toml), without_place(&from_yaml));
}

#[test]
fn bad_toml_is_named_with_its_line_and_column() {
    let (code, findings) = lint(&[
        (
            "broken.md",
            "+++\nowner = \"Jane Doe\"\nperiod = { start = 2026-01-01, end = }\n+++\n",
        ),
        ("open.md", "+++\nowner = \"Jane Doe\"\n"),
        (
            "wrong.md",
            "+++\nowner = \"Jane Doe\"\nperiod = \"soon\"\n+++\n## Goal: G\n",
        ),
    ]);
    assert_eq!(code, 1);
    let invalid: Vec<&String> = findings.iter().filter(|f| f.contains("GR001")).collect();
    assert_eq!(
        invalid,
        [
            "broken.md:3:38: GR001 the front matter is not valid TOML: invalid literal string, expected `'`",
            "open.md:1:1: GR001 the front matter is never closed",
            "wrong.md:3:10: GR001 expected a mapping of period keys, found text",
        ]
    );
}

#[test]
fn the_config_lets_a_site_generators_keys_pass() {
    let plan = format!("---\nowner: Jane Doe\ntitle: My plan\nsidebar: true\nlayout: page\nperiod: {{ start: 2026-01-01, end: 2026-06-30 }}\nnorth_star: A positive influence\n---\n{BODY}");
    let (_, before) = lint(&[("plan.md", &plan)]);
    assert_eq!(
        before.iter().filter(|f| f.contains("GR002")).count(),
        3,
        "{before:?}"
    );
    let (code, after) = lint(&[
        (
            "growth.yaml",
            "front_matter: { allow: [title, sidebar] }\nplans: ['*.md']\n",
        ),
        ("plan.md", &plan),
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        after,
        ["plan.md:5:1: GR002 unknown front matter key `layout`"]
    );
    let (code, _) = lint(&[
        ("growth.yaml", "front_matter: { alow: [title] }\n"),
        ("plan.md", &plan),
    ]);
    assert_eq!(code, 2);
}

#[test]
fn a_north_star_section_is_the_north_star_when_the_front_matter_has_none() {
    let front = "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n";
    let section = format!("{front}\n## North star\n\nA positive influence\non others.\n{BODY}");
    let (code, findings) = lint(&[("plan.md", &section)]);
    assert_eq!((code, findings.as_slice()), (0, &[][..]), "{findings:?}");
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("plan.md"), &section).unwrap();
    let out = Command::cargo_bin("growth")
        .unwrap()
        .arg("parse")
        .arg(Path::new("plan.md"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["plan"]["north_star"], "A positive influence on others.");
    // A north star section under a goal is part of the goal, not the plan's north star.
    let nested = format!("{front}{BODY}\n### North star\n\nNot this one.\n");
    let (_, findings) = lint(&[("plan.md", &nested)]);
    assert_eq!(findings, ["plan.md:1:1: GR301 the plan has no north star"]);
}
