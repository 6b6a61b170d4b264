//! `growth import FILE [-o NEW]`: a growth plan from a plan written before growth, on
//! standard output or in a new file. What the import guessed (which shape the goals take,
//! due dates from horizons, the owner, the period) is said on standard error.

use std::io::Write as _;

use anyhow::Context as _;

use crate::import::{plan, plan_out};
use crate::output::Output;
use crate::sanitize;

use super::{today, ImportArgs, EXIT_CLEAN};

pub fn run(args: ImportArgs) -> anyhow::Result<u8> {
    let output = args.output.as_deref().map(Output::new_file).transpose()?;
    let shown = args.file.display().to_string();
    let text = crate::source::read_text(&args.file)
        .with_context(|| format!("cannot read {}", sanitize::line(&shown)))?;
    let today = today(args.today);
    let mut imported = plan::import(&text, today);
    let owner = match args.owner.or_else(|| imported.owner.clone()) {
        Some(owner) => owner,
        None => {
            imported
                .guesses
                .push("owner `Your Name`: pass --owner".into());
            "Your Name".to_string()
        }
    };
    let (start, end) = plan_out::period(&imported, today);
    imported.guesses.push(format!("period {start} to {end}"));
    if imported.north_star.is_none() {
        imported.guesses.push("no north star found".into());
    }
    let rendered = plan_out::render(&imported, &owner, today);
    for guess in &imported.guesses {
        eprintln!("growth: guessed {}", sanitize::line(guess));
    }
    let goals = imported.goals().count();
    match (&output, &args.output) {
        (Some(output), Some(path)) => {
            output.write_new(rendered.as_bytes())?;
            eprintln!(
                "growth: wrote {} with {goals} goals; run `growth lint {}`",
                sanitize::line(&path.display().to_string()),
                sanitize::line(&path.display().to_string())
            );
        }
        _ => {
            let mut out = super::stdout();
            out.write_all(rendered.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(EXIT_CLEAN)
}
