//! README's first command: `examples/demo.sh` builds a plans repository with half a year of
//! dated history by several people. Built here into a temporary directory and read with the
//! growth under test, it shows what the demo promises.

use std::path::Path;
use std::process::Command;

use assert_cmd::Command as Growth;
use serde_json::Value;

fn demo() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().expect("a temporary directory");
    let repo = dir.path().join("demo");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(&repo)
        .env("DEMO_ONLY", "1")
        .env("HOME", dir.path())
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "demo plans repository: {} (21 commits by 4 people)\n",
            repo.display()
        )
    );
    dir
}

fn growth(dir: &Path, args: &[&str]) -> Value {
    let out = Growth::cargo_bin("growth")
        .expect("the growth binary")
        .current_dir(dir.join("demo"))
        .env("GROWTH_TODAY", "2026-11-30")
        .env("HOME", dir)
        .args(args)
        .output()
        .expect("growth runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_demo_has_the_history_a_review_needs() {
    let dir = demo();
    let lint = growth(dir.path(), &["lint", "--format", "json", "--exit-zero"]);
    let mut found: Vec<String> = lint["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("GR5")))
        .map(|d| {
            format!(
                "{} {} {}",
                d["code"].as_str().unwrap_or(""),
                d["path"].as_str().unwrap_or(""),
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "GR501 plans/ana-silva/2026-h2.md no progress on `incidents` for 31 days (in git history, last on 2026-10-30)",
            "GR501 plans/chen-wei/2026-h2.md no progress on `export` for 119 days (in git history, last on 2026-08-03)",
            "GR502 plans/ben-okafor/2026-h2.md check-in 2026-09-01 was committed 48 days later, on 2026-10-19 (587631b)",
            "GR502 plans/ben-okafor/2026-h2.md done date 2026-09-01 was committed 48 days later, on 2026-10-19 (587631b)",
            // Ben's plan was agreed (a trailer), so its moved goalposts are changes since.
            "GR505 plans/ben-okafor/2026-h2.md `checkout-latency`: due 2026-09-30 → 2026-11-30 (last changed in 2f99602 on 2026-09-14) since it was agreed by Dana Reyes on 2026-07-03 in 03726fc (Agreed-by)",
            "GR505 plans/ben-okafor/2026-h2.md `checkout-latency`: target 400 ms → 500 ms (last changed in 2f99602 on 2026-09-14) since it was agreed by Dana Reyes on 2026-07-03 in 03726fc (Agreed-by)",
        ]
    );
    let history = growth(dir.path(), &["history", "--format", "json"]);
    let events = history["events"].as_array().expect("events");
    let authors: std::collections::BTreeSet<&str> = events
        .iter()
        .filter_map(|e| e["commit"]["author"].as_str())
        .collect();
    assert_eq!(
        authors.into_iter().collect::<Vec<_>>(),
        ["Ana Silva", "Ben Okafor", "Chen Wei"]
    );
    assert!(events.iter().any(|e| e["event"] == "checkin-changed"));
    let report = growth(dir.path(), &["report", "--format", "json"]);
    assert_eq!(report["plans"].as_array().map(Vec::len), Some(3));
}
