//! Hostile repositories and file systems: nothing growth prints obeys what is in a file name,
//! an author or a plan; one bad place does not stop the run; git's odd corners are named, not
//! fatal. Every run is bounded in time.

use std::time::Duration;

use crate::support::{Repo, JANE};

/// Every byte a terminal would obey rather than show: ESC, BEL, CSI as one C1 character.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{80}'..='\u{9f}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what} prints {bad:?}:\n{text}");
}

/// `growth ARGS` in `repo`, killed after ten seconds.
fn run(repo: &Repo, args: &[&str]) -> std::process::Output {
    repo.growth()
        .args(args)
        .timeout(Duration::from_secs(10))
        .output()
        .expect("growth runs")
}

#[test]
fn names_authors_and_plan_text_never_reach_the_terminal_raw() {
    let repo = Repo::new();
    let evil_name = "plans/evil\u{1b}]0;pwned\u{7}.md";
    // A C1 CSI (U+009B) in a goal title, an OSC clipboard write in a check-in note.
    let plan = JANE
        .replace(
            "Solve production issues on my own",
            "Get better at \u{9b}31mthings",
        )
        .replace("solved 1 of 20", "\u{1b}]52;c;cHduZWQ=\u{7}");
    repo.write(evil_name, &plan);
    repo.commit_as("Mallory \u{1b}[2J", "plan", "2026-01-05");
    for args in [
        &["lint", "--exit-zero", "--color", "never"][..],
        &["lint", "--exit-zero", "--color", "always"],
        &["lint", "--exit-zero", "--format", "github"],
        &["history"],
        &["report", "--color", "never"],
        &["report", "--format", "markdown"],
    ] {
        let out = run(&repo, args);
        assert!(out.status.code().is_some(), "{args:?} was killed");
        // Colour codes are growth's own: judge what is left once they are taken out.
        let stdout = String::from_utf8_lossy(&out.stdout);
        let without_colour = strip_sgr(&stdout);
        assert_clean(&format!("{args:?} stdout"), without_colour.as_bytes());
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
    }
    let out = run(&repo, &["history"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Mallory \u{fffd}[2J"), "{text}");
    assert!(
        text.contains("plans/evil\u{fffd}]0;pwned\u{fffd}.md"),
        "{text}"
    );
    // An error that quotes a path is cleaned too.
    let out = run(&repo, &["lint", "missing\u{1b}[31m.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "growth: error: missing\u{fffd}[31m.md: no such file or directory\n"
    );
}

/// The text without SGR colour sequences (`ESC [ … m`), which growth writes itself with
/// `--color always`.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(end) if after[end..].starts_with('m') => rest = &after[end + 1..],
            _ => {
                out.push('\u{1b}');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_sgr_stripper_keeps_what_is_not_colour() {
    assert_eq!(strip_sgr("\u{1b}[1;31mred\u{1b}[0m"), "red");
    assert_eq!(strip_sgr("\u{1b}]0;x"), "\u{1b}]0;x");
    assert_eq!(strip_sgr("a\u{1b}[2Jb"), "a\u{1b}[2Jb");
}
