//! README.md stays true: its rules table is the registry's, and its commands exist.
//!
//! `UPDATE_README=1 cargo test --test readme` rewrites the table from the registry.

use growth::lint::registry::RULES;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

fn table() -> String {
    let mut out = String::from("| code | name | default | fires when |\n|---|---|---|---|\n");
    for r in RULES {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            r.code,
            r.name,
            r.default,
            r.summary.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn rules_table_matches_the_registry() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find(START).expect("README has a rules:start marker") + START.len();
    let end = readme.find(END).expect("README has a rules:end marker");
    let expected = table();
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write("README.md", updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        expected,
        "run UPDATE_README=1 cargo test --test readme"
    );
}

/// The pre-commit snippets name a revision that exists: `main`, or a tag of this repository.
#[test]
fn pre_commit_rev_names_a_revision_that_exists() {
    let tags = std::process::Command::new("git")
        .args(["tag", "--list"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    for file in ["README.md", ".pre-commit-hooks.yaml"] {
        let text = std::fs::read_to_string(file).unwrap();
        let revs: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim_start_matches(['#', ' ']).strip_prefix("rev:"))
            .map(|r| r.split_whitespace().next().unwrap_or(""))
            .collect();
        assert!(!revs.is_empty(), "{file} has a `rev:` line");
        for rev in revs {
            assert!(
                rev == "main" || tags.lines().any(|t| t == rev),
                "{file}: `rev: {rev}` is neither main nor a tag"
            );
        }
    }
}
