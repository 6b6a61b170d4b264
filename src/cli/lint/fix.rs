//! `growth lint --fix` and `growth lint --diff`: the mechanical fixes of one lint run, written
//! or shown.
//!
//! Only the plans the run linted are touched, never the config or the ladder it read, and a
//! plan is written only when its fixes read back at least as well as it does now (see
//! [`crate::lint::fix`]) and it has not changed on disk since it was read. Each file is
//! written atomically and keeps its permissions, through the same writer as `-o`.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::lint::fix::{self, Fix};
use crate::output::Output;
use crate::paths;
use crate::plan;
use crate::source::SourceFile;

use super::Linted;
use crate::cli::{EXIT_CLEAN, EXIT_FINDINGS};

/// One plan's text with its fixes applied.
struct Change<'a> {
    source: &'a SourceFile,
    after: String,
    fixes: usize,
}

/// What `--fix` did, for its summary line.
#[derive(Debug, Default)]
pub struct Done {
    pub findings: usize,
    pub files: usize,
}

impl Done {
    pub fn summary_line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "fixed {} in {}",
            plural(self.findings, "finding", "findings"),
            plural(self.files, "file", "files")
        )
    }
}

/// The plans that have fixes which read back as well as the plan, in path order. A plan
/// whose fixes would not is named on standard error and left out.
fn changes(linted: &Linted) -> Vec<Change<'_>> {
    let mut by_path: HashMap<&Path, Vec<&Fix>> = HashMap::new();
    for d in &linted.diagnostics {
        if let Some(f) = &d.fix {
            by_path.entry(d.path.as_path()).or_default().push(f);
        }
    }
    let mut out = Vec::new();
    for source in &linted.sources {
        let Some(fixes) = by_path.get(source.path()) else {
            continue;
        };
        // A plan glob broad enough to match the config or the ladder does not make them
        // plans to rewrite.
        if linted.protected.contains(&paths::canonical(source.path())) {
            continue;
        }
        let fixed = fix::apply(source.text(), fixes.iter().copied());
        if fixed.applied == 0 {
            continue;
        }
        let before = plan::parse(source.clone());
        let after = plan::parse_str(source.path(), fixed.text.as_str());
        if !fix::reads_as_well(&before, &after) {
            crate::cli::note(&format!(
                "{}: not fixed: the fixed plan would not read as well as it does now (a renamed key that is there already?); fix it by hand",
                source.path().display()
            ));
            continue;
        }
        out.push(Change {
            source,
            after: fixed.text,
            fixes: fixed.applied,
        });
    }
    out
}

/// `--fix`: writes each plan that has fixes.
pub fn fix(linted: &Linted) -> anyhow::Result<Done> {
    let mut done = Done::default();
    for change in changes(linted) {
        let path = change.source.path();
        let now =
            std::fs::read(path).with_context(|| format!("cannot read {} again", path.display()))?;
        // The text read may differ from the bytes (lone carriage returns are read as line
        // feeds), and the file may have been edited since: either way, writing would lose
        // bytes that the fixes did not mean to touch.
        if now != change.source.text().as_bytes() {
            crate::cli::note(&format!(
                "{}: not fixed: the file is not as it was read (changed while growth ran, or lone carriage returns); run again or fix it by hand",
                path.display()
            ));
            continue;
        }
        Output::new(path)?.write(change.after.as_bytes())?;
        done.findings += change.fixes;
        done.files += 1;
    }
    Ok(done)
}

/// `--diff`: prints the fixes as a unified diff (to `-o FILE` when given); exit 1 when there
/// is something to fix.
pub fn diff(linted: &Linted, output: Option<&Output>) -> anyhow::Result<u8> {
    let changes = changes(linted);
    let mut text = String::new();
    for change in &changes {
        let shown = display(change.source.path());
        let diff = similar::TextDiff::from_lines(change.source.text(), change.after.as_str());
        text.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{shown}"), &format!("b/{shown}"))
                .to_string(),
        );
    }
    match output {
        Some(output) => output.write(text.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(if changes.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// A path as diff headers show it: with `/` separators.
fn display(path: &Path) -> String {
    let path: PathBuf = path.components().collect();
    path.to_string_lossy().replace('\\', "/")
}
