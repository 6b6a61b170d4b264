//! `growth explain RULE` and `growth rules`: rule documentation from the rules' own files.

use std::io::Write;

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
    writeln!(
        out,
        "{} {} (default: {})\n",
        rule.code, rule.name, rule.default
    )?;
    writeln!(out, "Fires when: {}.\n", rule.summary)?;
    writeln!(out, "{}", rule.doc_markdown())?;
    Ok(EXIT_CLEAN)
}

pub fn rules(format: ListFormat) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Human => {
            for rule in RULES {
                writeln!(
                    out,
                    "{}  {:<28} {:<8} {}",
                    rule.code,
                    rule.name,
                    rule.default.as_str(),
                    rule.summary
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
