//! `growth ladder import`: a spreadsheet (CSV, TSV) or FT's real job-family file becomes a
//! ladder that loads, validates against the schema, and drives GR403; `-o` writes a new file
//! and never overwrites one.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

mod common;
use common::growth;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A directory with `name` copied in from the fixtures.
fn with(name: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    let from = fixtures().join(name);
    std::fs::copy(&from, dir.path().join(from.file_name().unwrap())).unwrap();
    dir
}

fn validates_against_the_schema(ladder: &str) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/ladder.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let doc = growth::yaml::parse(ladder).unwrap().to_json();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

const PLAN: &str = "---\nowner: Jane Doe\nrole: ROLE\ntarget_role: TARGET\nperiod: { start: 2026-01-01, end: 2026-06-30 }\nnorth_star: A positive influence\n---\n\n## Goal: Write 2 design docs others adopt\n\n```yaml\ncompetency: COMPETENCY\nmeasure: 2 design docs adopted by another team\ndue: 2026-06-30\nwhy: I wrote one last year\n```\n\n### Actions\n- [ ] Draft the first doc\n";

/// Lints a plan from `role` to `target` (one goal for `competency`) against `ladder.yaml`
/// in `dir`; the GR403 messages.
fn gaps(dir: &Path, role: &str, target: &str, competency: &str) -> Vec<String> {
    std::fs::write(dir.join("growth.yaml"), "ladder: ladder.yaml\n").unwrap();
    let plan = PLAN
        .replace("ROLE", role)
        .replace("TARGET", target)
        .replace("COMPETENCY", competency);
    std::fs::write(dir.join("plan.md"), plan).unwrap();
    let (_, out, err) = growth(
        dir,
        &["lint", "--no-history", "--format", "json", "plan.md"],
    );
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let all = doc["diagnostics"].as_array().unwrap();
    assert!(
        all.iter()
            .all(|d| !["GR001", "GR401", "GR402"].contains(&d["code"].as_str().unwrap())),
        "{all:?}"
    );
    all.iter()
        .filter(|d| d["code"] == "GR403")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_csv_ladder_round_trips_into_gr403() {
    let dir = with("ladder-import/ladder.csv");
    let (code, out, err) = growth(dir.path(), &["ladder", "import", "ladder.csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        std::fs::read_to_string(fixtures().join("ladder-import/ladder.expected.yaml")).unwrap()
    );
    assert_eq!(
        err,
        "growth: guessed level ids from the header: engineer (Engineer), senior-engineer (Senior Engineer), staff-engineer-ic (Staff Engineer (IC)), engineering-manager (Engineering Manager)\n\
         growth: guessed level `staff-engineer-ic` is on track `ic` (from its id)\n\
         growth: guessed level `engineering-manager` is on track `manager` (from its name)\n\
         growth: guessed level `engineering-manager` starts track `manager` after `senior-engineer`\n"
    );
    validates_against_the_schema(&out);
    std::fs::write(dir.path().join("ladder.yaml"), &out).unwrap();
    assert_eq!(
        gaps(
            dir.path(),
            "senior-engineer",
            "staff-engineer-ic",
            "system-design"
        ),
        ["staff-engineer-ic needs more in 1 competency that no goal addresses: delivery"]
    );
    assert_eq!(
        gaps(dir.path(), "staff-engineer-ic", "engineering-manager", "delivery"),
        ["engineering-manager (another track than staff-engineer-ic) needs more in 1 competency that no goal addresses: people-management"]
    );
    assert_eq!(
        gaps(dir.path(), "engineer", "senior-engineer", "delivery"),
        ["senior-engineer needs more in 2 competencies that no goal addresses: system-design, incident-response"]
    );
}

#[test]
fn a_tsv_ladder_is_read_by_its_tabs() {
    let dir = with("ladder-import/ladder.tsv");
    let (code, out, _) = growth(dir.path(), &["ladder", "import", "ladder.tsv"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "# Imported by `growth ladder import` from ladder.tsv\nlevels:\n  - { id: engineer, name: \"Engineer\" }\n  - { id: senior, name: \"Senior\" }\ncompetencies:\n  - id: design\n    expectations:\n      engineer: \"Components\"\n      senior: \"Services\"\n"
    );
}

#[test]
fn the_ft_job_family_imports_with_its_fork_as_tracks() {
    let dir = with("ft/engineering.yml");
    let (code, out, err) = growth(
        dir.path(),
        &["ladder", "import", "engineering.yml", "-o", "ladder.yaml"],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        err,
        "growth: guessed 9 themes became competencies, holding 72 FT competencies as their levels' expectations\n\
         growth: guessed level `senior-2-ic` is on track `ic` (from its id)\n\
         growth: guessed level `senior-2-pm` is on track `manager` (from its id)\n\
         growth: guessed level `principal-ic` is on track `ic` (from its id)\n\
         growth: guessed level `principal-pm` is on track `manager` (from its id)\n\
         growth: guessed level `senior-2-pm` starts track `manager` after `senior-1`\n\
         growth: guessed level `tech-director` follows every track: after `principal-ic`, `principal-pm`\n\
         growth: wrote ladder.yaml; name it in growth.yaml (`ladder: …`), then run `growth ladder show LEVEL`\n"
    );
    let ladder = std::fs::read_to_string(dir.path().join("ladder.yaml")).unwrap();
    validates_against_the_schema(&ladder);
    let levels: Vec<&str> = ladder.lines().skip(1).take(9).collect();
    assert_eq!(
        levels,
        [
            "levels:",
            "  - { id: junior, name: \"Junior Engineer\" }",
            "  - { id: engineer, name: \"Engineer\" }",
            "  - { id: senior-1, name: \"Senior Engineer 1\" }",
            "  - { id: senior-2-ic, name: \"Senior Engineer 2 (Individual Contributor)\", track: ic }",
            "  - { id: senior-2-pm, name: \"Senior Engineer 2 (People Manager)\", track: manager, after: senior-1 }",
            "  - { id: principal-ic, name: \"Principal Engineer (Individual Contributor)\", track: ic }",
            "  - { id: principal-pm, name: \"Principal Engineer (People Manager)\", track: manager }",
            "  - { id: tech-director, name: \"Technology Director\", after: [principal-ic, principal-pm] }",
        ]
    );
    // A numbered FT summary is several expectations.
    assert!(ladder.contains("      tech-director:\n        - \"Expert: Oversees the strategic planning, implementation, and management of technology initiatives and drives innovation to enhance efficiency and competitiveness.\"\n        - \"Accountable for performance,"), "{ladder}");
    // Every FT theme rises from senior-1 to senior-2-ic; a plan with a goal for one lists
    // the other eight.
    assert_eq!(
        gaps(dir.path(), "senior-1", "senior-2-ic", "technical"),
        ["senior-2-ic needs more in 8 competencies that no goal addresses: planning-organising, independent-working, problem-solving-decision-making, business-impact, communication, team-work, curiosity-learning, leadership"]
    );
    // IC to people manager at the same grade is a change of track.
    let sideways = gaps(dir.path(), "senior-2-ic", "senior-2-pm", "technical");
    assert_eq!(sideways.len(), 1);
    assert!(
        sideways[0].starts_with("senior-2-pm (another track than senior-2-ic) needs more in "),
        "{sideways:?}"
    );
    let (code, _, err) = growth(
        dir.path(),
        &["lint", "--no-history", "--format", "json", "plan.md"],
    );
    assert_eq!(code, 0, "{err}");
    // Never overwrites: the second import is refused and the file is unchanged.
    let (code, out, err) = growth(
        dir.path(),
        &["ladder", "import", "engineering.yml", "-o", "ladder.yaml"],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "growth: error: ladder.yaml already exists; growth never overwrites it: choose a new file\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ladder.yaml")).unwrap(),
        ladder
    );
}

#[test]
fn bad_input_is_named_with_file_line_and_column() {
    let dir = TempDir::new().unwrap();
    let cases = [
        ("open.csv", "Competency,Junior\nDesign,\"never closed\n", "growth: error: open.csv:2:8: a quoted cell is never closed\n"),
        ("wide.csv", "Competency,Junior\nDesign,a,b\n", "growth: error: wide.csv:2:10: a cell beyond the header's 2 columns\n"),
        ("nolevels.csv", "Competency,Area\n", "growth: error: nolevels.csv:1:1: no level columns: after the competency column, one column per level, lowest first\n"),
        ("twice.csv", "Competency,Senior,senior\n", "growth: error: twice.csv:1:19: two level columns make the id `senior`\n"),
        ("ft.yml", "levels: [{ id: a }]\nthemes: [{ id: t }]\ncompetencies:\n  - { level: b, theme: t, summary: x }\n", "growth: error: ft.yml:4:14: `level: b` is not one of the job family's levels\n"),
        ("plain.yaml", "levels: [a]\n", "growth: error: plain.yaml: not a job family (`levels`, `themes` and `competencies`); a growth ladder needs no import\n"),
    ];
    for (name, text, expected) in cases {
        std::fs::write(dir.path().join(name), text).unwrap();
        let (code, out, err) = growth(dir.path(), &["ladder", "import", name]);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", expected),
            "{name}"
        );
    }
}
