//! `growth ladder show LEVEL [TARGET]`: what a level of the team's career ladder expects, or
//! what rises from one level to another — the question people ask most, answered without a
//! plan. The ladder is the one the config names.

use std::io::Write as _;

use serde::Serialize;

use crate::ladder::{Budget, Ladder, Step};
use crate::sanitize;
use crate::workspace::Workspace;

use super::{LadderShowArgs, ListFormat, EXIT_CLEAN};

/// One competency at a level, or between two.
#[derive(Serialize)]
struct Row<'a> {
    competency: &'a str,
    area: Option<&'a str>,
    /// The expectation at LEVEL (`None`: the ladder says nothing there yet).
    at_level: Option<&'a str>,
    /// The expectation at TARGET, when one is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    at_target: Option<&'a str>,
}

#[derive(Serialize)]
struct Shown<'a> {
    level: &'a str,
    level_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_name: Option<&'a str>,
    /// How TARGET stands to LEVEL: `up`, `down`, `same`, or `another-track`.
    #[serde(skip_serializing_if = "Option::is_none")]
    step: Option<&'static str>,
    competencies: Vec<Row<'a>>,
}

pub fn show(args: LadderShowArgs) -> anyhow::Result<u8> {
    let workspaces = Workspace::open(args.common.config.as_deref(), &[])?;
    let ladder = match workspaces.first().map(|ws| ws.ladder()).transpose()? {
        Some(Some(ladder)) => ladder,
        _ => anyhow::bail!(
            "no ladder to show: name one in growth.yaml (`ladder: ladder.yaml`) or pass --config"
        ),
    };
    let level = level_of(&ladder, &args.level)?;
    let target = args
        .target
        .as_deref()
        .map(|t| level_of(&ladder, t))
        .transpose()?;
    let name = |at: usize| ladder.levels[at].name.as_deref();
    let rows: Vec<Row> = match target {
        None => (ladder.competencies.iter())
            .filter_map(|c| {
                let at_level = Some(ladder.expectation(c, level)?);
                Some(Row {
                    competency: &c.id.value,
                    area: c.area.as_deref(),
                    at_level,
                    at_target: None,
                })
            })
            .collect(),
        Some(target) => ladder
            .rising(
                &ladder.levels[level].id.value,
                &ladder.levels[target].id.value,
            )
            .into_iter()
            .map(|c| Row {
                competency: &c.id.value,
                area: c.area.as_deref(),
                at_level: ladder.expectation(c, level),
                at_target: ladder.expectation(c, target),
            })
            .collect(),
    };
    let shown = Shown {
        level: &ladder.levels[level].id.value,
        level_name: name(level),
        target: target.map(|t| ladder.levels[t].id.value.as_str()),
        target_name: target.and_then(name),
        step: target.and_then(|t| {
            let step = ladder.step(&ladder.levels[level].id.value, &ladder.levels[t].id.value)?;
            Some(match step {
                Step::Same => "same",
                Step::Up => "up",
                Step::Down => "down",
                Step::Across => "another-track",
            })
        }),
        competencies: rows,
    };
    let mut out = super::stdout();
    match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &shown)?;
            writeln!(out)?;
        }
        ListFormat::Human => human(&shown, &mut out)?,
    }
    out.flush()?;
    Ok(EXIT_CLEAN)
}

/// The level's index, or an error that names the nearest id (or lists a few).
fn level_of(ladder: &Ladder, id: &str) -> anyhow::Result<usize> {
    if let Some(at) = ladder.level_index(id) {
        return Ok(at);
    }
    let shown = sanitize::line(id);
    match ladder.nearest_level(id, &mut Budget::default()) {
        Some(near) => {
            anyhow::bail!("`{shown}` is not a level of the ladder; did you mean `{near}`?")
        }
        None => anyhow::bail!(
            "`{shown}` is not a level of the ladder; {}",
            ladder.listing("levels", &ladder.level_ids())
        ),
    }
}

fn human(shown: &Shown, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let words = |id: &str, name: Option<&str>| crate::report::level_words(id, name);
    let level = words(shown.level, shown.level_name);
    match shown.target {
        None => writeln!(
            out,
            "{}: {} {}",
            sanitize::line(&level),
            shown.competencies.len(),
            plural(shown.competencies.len(), "competency", "competencies")
        )?,
        Some(target) => writeln!(
            out,
            "{} → {}{}: {} {}",
            sanitize::line(&level),
            sanitize::line(&words(target, shown.target_name)),
            match shown.step {
                Some("another-track") => " (another track)",
                Some("down") => " (below)",
                _ => "",
            },
            shown.competencies.len(),
            plural(
                shown.competencies.len(),
                "competency rises",
                "competencies rise"
            )
        )?,
    }
    for row in &shown.competencies {
        let area = row.area.map(|a| format!(" ({a})")).unwrap_or_default();
        writeln!(
            out,
            "\n  {}{}",
            sanitize::line(row.competency),
            sanitize::line(&area)
        )?;
        let text = |t: Option<&str>| sanitize::line(t.unwrap_or("(nothing yet)")).into_owned();
        match shown.target {
            None => writeln!(out, "    {}", text(row.at_level))?,
            Some(_) => {
                writeln!(out, "    now:    {}", text(row.at_level))?;
                writeln!(out, "    target: {}", text(row.at_target))?;
            }
        }
    }
    Ok(())
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
