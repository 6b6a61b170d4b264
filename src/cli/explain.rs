//! `growth explain RULE` and `growth rules`: rule documentation from the rules' own files.

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::lint::wording::WordingRule;
use crate::lint::Linter;

use crate::decode::did_you_mean;
use crate::lint::registry::{self, RULES};

use super::{ListFormat, EXIT_CLEAN};

/// A built-in rule from its own documentation; any other name is looked up among the config's
/// wording rules, which are documented by their entry.
pub fn explain(name: &str, config: Option<&Path>) -> anyhow::Result<u8> {
    let Some(rule) = registry::find(name) else {
        let config = load(config)?;
        if let Some(rule) = config.wording.find(name) {
            return explain_wording(rule, &config);
        }
        let names: Vec<&str> = RULES
            .iter()
            .flat_map(|r| [r.code, r.name])
            .chain(config.wording.rules.iter().flat_map(|r| [r.code, r.name]))
            .collect();
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
    let config = load(config)?;
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
            for rule in &config.wording.rules {
                writeln!(
                    out,
                    "{}  {:<28} {:<8} {}",
                    rule.code,
                    rule.name,
                    level(rule.code),
                    crate::sanitize::line(&rule.summary())
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
                .chain(config.wording.rules.iter().map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "default": r.severity,
                        "severity": level(r.code),
                        "summary": r.summary(),
                        "pattern": r.pattern,
                        "message": r.message,
                        "suggest": r.suggest,
                        "fields": r.fields.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
                    })
                }))
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
    }
    Ok(EXIT_CLEAN)
}

fn load(config: Option<&Path>) -> anyhow::Result<Config> {
    Ok(match config {
        Some(path) => Config::load(path)?,
        None => Config::discover(Path::new("."))?,
    })
}

/// A wording rule, as the config that defines it says.
fn explain_wording(rule: &WordingRule, config: &Config) -> anyhow::Result<u8> {
    let text = rule.explanation(config.path.as_deref());
    write!(std::io::stdout().lock(), "{}", crate::sanitize::text(&text))?;
    Ok(EXIT_CLEAN)
}
