//! What the CLI test files share: running the real binary in a directory, with the clock
//! fixed, and reading what it said.

use std::path::Path;

use assert_cmd::Command;

/// The day these tests' plans are judged on.
pub const TODAY: &str = "2026-03-01";

/// Runs `growth ARGS` in `dir` with `GROWTH_TODAY` at [`TODAY`]: its exit status, standard
/// output and standard error.
pub fn growth(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("growth")
        .expect("the growth binary")
        .env("GROWTH_TODAY", TODAY)
        .env_remove("NO_COLOR")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("growth runs");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}
