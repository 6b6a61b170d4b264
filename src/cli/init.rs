//! `growth init [PATH]`: write a new plan from the template. Never overwrites: the file is
//! created with `create_new`, so even a file that appears between check and write is safe.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{Datelike, NaiveDate};

use crate::plan::PlanFormat;

use super::{today, InitArgs, EXIT_CLEAN};

const MARKDOWN: &str = include_str!("templates/plan.md");
const YAML: &str = include_str!("templates/plan.yaml");

pub fn run(args: InitArgs) -> anyhow::Result<u8> {
    let today = today(args.today);
    let half = if today.month() <= 6 { 1 } else { 2 };
    let path = args
        .path
        .unwrap_or_else(|| default_path(&format!("{}-h{half}.md", today.year())));
    let owner = args.owner.unwrap_or_else(|| "Your Name".to_string());
    let text = render(PlanFormat::of(&path), &owner, today);

    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|err| match err.kind() {
            std::io::ErrorKind::AlreadyExists => {
                anyhow::anyhow!(
                    "{} already exists; growth init never overwrites a file",
                    path.display()
                )
            }
            _ => anyhow::Error::new(err).context(format!("cannot create {}", path.display())),
        })?;
    file.write_all(text.as_bytes())?;
    let shown = crate::sanitize::line(&path.display().to_string()).into_owned();
    eprintln!("growth: wrote {shown}; fill it in, then run `growth lint {shown}`");
    Ok(EXIT_CLEAN)
}

/// Where a plan is written when no path is given: in the repository's `plans/` directory
/// wherever inside the repository `growth init` runs (from `docs/`, not `docs/plans/`), and
/// in the current directory when that is already inside `plans/` (`plans/jane/`, where the
/// user keeps their plans). Outside a repository, `plans/` under the current directory.
fn default_path(name: &str) -> PathBuf {
    let root = crate::config::Config::discover(Path::new("."))
        .map(|c| c.root)
        .unwrap_or_else(|_| PathBuf::from("."));
    let plans = root.join("plans");
    let here = crate::paths::canonical(Path::new("."));
    if here.starts_with(crate::paths::canonical(&plans)) {
        PathBuf::from(name)
    } else if root == Path::new(".") {
        Path::new("plans").join(name)
    } else {
        plans.join(name)
    }
}

/// The template for a plan covering the half-year that contains `today`.
pub fn render(format: PlanFormat, owner: &str, today: NaiveDate) -> String {
    let year = today.year();
    let (start, end, name) = if today.month() <= 6 {
        (
            ymd(year, 1, 1),
            ymd(year, 6, 30),
            format!("first half of {year}"),
        )
    } else {
        (
            ymd(year, 7, 1),
            ymd(year, 12, 31),
            format!("second half of {year}"),
        )
    };
    let first_due = (today + chrono::Days::new(30)).min(end);
    let template = match format {
        PlanFormat::Markdown => MARKDOWN,
        PlanFormat::Yaml => YAML,
    };
    fill(
        template,
        &[
            ("owner", yaml_scalar(owner)),
            ("start", start.to_string()),
            ("end", end.to_string()),
            ("first_due", first_due.to_string()),
            ("period_name", name),
        ],
    )
}

/// The template with each `{name}` placeholder replaced by its value, in one pass over the
/// template: a value is never searched for placeholders itself, so an owner named
/// `{start}` is written as that, not as a date. Braces that name no placeholder stay.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let (name, value) = values.iter().find(|(name, _)| *name == &after[..close])?;
            Some((name.len(), value))
        });
        match value {
            Some((len, value)) => {
                out.push_str(value);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

/// A name as a YAML scalar: quoted when plain YAML would misread it.
fn yaml_scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || " .-'".contains(c))
        && !s.starts_with(['-', '\'', ' '])
        && !s.ends_with(' ');
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        ymd(2026, 3, 1)
    }

    /// The lint rule that flags an unfilled template knows the template's words: an
    /// unchanged template is reported for each of them, so it cannot pass as a plan.
    #[test]
    fn an_unfilled_template_is_flagged_for_every_placeholder() {
        use crate::lint::rules::gr008_unfilled_template::PLACEHOLDERS;
        let linter = crate::lint::Linter::new(&crate::config::Config::default(), None, day())
            .expect("the default config");
        for (format, path) in [
            (PlanFormat::Markdown, "p.md"),
            (PlanFormat::Yaml, "p.plan.yaml"),
        ] {
            let text = render(format, "Your Name", day());
            let found: Vec<String> = linter
                .lint(&crate::plan::parse_str(path, text))
                .into_iter()
                .filter(|d| d.code == "GR008")
                .map(|d| d.message)
                .collect();
            let expected: Vec<String> = PLACEHOLDERS
                .iter()
                .map(|(what, _)| format!("the {what} is still the `growth init` placeholder"))
                .collect();
            assert_eq!(found, expected, "{path}");
        }
    }

    #[test]
    fn placeholders_are_filled_once() {
        let values = [("a", "{b}".to_string()), ("b", "B".to_string())];
        assert_eq!(fill("{a} {b} {c} { {a", &values), "{b} B {c} { {a");
        assert_eq!(
            fill("period: { start: {b} }", &values),
            "period: { start: B }"
        );
    }

    #[test]
    fn an_owner_that_looks_like_a_placeholder_is_written_as_it_is() {
        for format in [PlanFormat::Markdown, PlanFormat::Yaml] {
            for owner in ["{start}", "{owner}", "{end} {period_name}", "x{first_due}"] {
                let text = render(format, owner, day());
                let quoted = serde_json::to_string(owner).unwrap();
                assert!(
                    text.contains(&format!("owner: {quoted}\n")),
                    "{owner}: {text}"
                );
                let parsed = crate::plan::parse_str(
                    if format == PlanFormat::Markdown {
                        "p.md"
                    } else {
                        "p.plan.yaml"
                    },
                    text,
                );
                let plan = parsed.plan.expect("the template parses");
                assert_eq!(plan.owner.map(|o| o.value).as_deref(), Some(owner));
                let period = plan.period.expect("a period");
                assert_eq!(period.start.value, ymd(2026, 1, 1));
            }
        }
    }
}
