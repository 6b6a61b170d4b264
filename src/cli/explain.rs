//! `growth explain RULE` and `growth rules`: rule documentation from the rules' own files.

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::lint::Linter;

use crate::decode::did_you_mean;
use crate::lint::registry::{self, RULES};

use super::{ListFormat, EXIT_CLEAN};

pub fn explain(name: &str) -> anyhow::Result<u8> {
    let Some(rule) = registry::find(name) else {
        let names: Vec<&str> = RULES.iter().flat_map(|r| [r.code, r.name]).collect();
        let hint =
            did_you_mean(name, &names).unwrap_or_else(|| "`growth rules` lists them".to_string());
        anyhow::bail!("`{name}` is not a rule; {hint}");
    };
    let mut out = std::io::stdout().lock();
    write!(out, "{}", rule.explanation())?;
    Ok(EXIT_CLEAN)
}

/// Every rule with the severity it runs at here: the config found from the current
/// directory (or `--config`) can turn rules off or change their level, and the list says so.
pub fn rules(format: ListFormat, config: Option<&Path>) -> anyhow::Result<u8> {
    let config = match config {
        Some(path) => Config::load(path)?,
        None => Config::discover(Path::new("."))?,
    };
    let linter = Linter::new(&config, None, chrono::NaiveDate::MIN)?;
    let level = |code: &str| linter.severity(code).map_or("off", |s| s.as_str());
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Human => {
            for rule in RULES {
                let level = level(rule.code);
                let changed = if level == rule.default.as_str() {
                    String::new()
                } else {
                    format!(" (default: {}, set in the config)", rule.default)
                };
                writeln!(
                    out,
                    "{}  {:<28} {:<8} {}{changed}",
                    rule.code, rule.name, level, rule.summary
                )?;
            }
        }
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = RULES
                .iter()
                .map(|r| {
                    let doc = r.doc();
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "default": r.default,
                        "severity": level(r.code),
                        "summary": r.summary,
                        "rationale": doc.rationale,
                        "bad": doc.bad,
                        "good": doc.good,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
    }
    Ok(EXIT_CLEAN)
}
