//! `growth init [PATH]`: write a new plan from the template. Never overwrites: the file is
//! created with `create_new`, so even a file that appears between check and write is safe.

use std::io::Write;
use std::path::PathBuf;

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
        .unwrap_or_else(|| PathBuf::from(format!("plans/{}-h{half}.md", today.year())));
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
    template
        .replace("{owner}", &yaml_scalar(owner))
        .replace("{start}", &start.to_string())
        .replace("{end}", &end.to_string())
        .replace("{first_due}", &first_due.to_string())
        .replace("{period_name}", &name)
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
