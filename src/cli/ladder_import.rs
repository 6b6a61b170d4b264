//! `growth ladder import FILE [-o NEW]`: a `ladder.yaml` from what a team already keeps (a
//! spreadsheet as CSV or TSV, or FT's job-family YAML), on standard output or in a new file.
//! What the import guessed (ids, tracks) is said on standard error.

use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

use crate::import::{ladder::Draft, ladder_csv, ladder_ft};
use crate::output::Output;
use crate::sanitize;

use super::{LadderImportArgs, EXIT_CLEAN};

pub fn run(args: LadderImportArgs) -> anyhow::Result<u8> {
    // Refused before any work: a mistyped -o costs nothing.
    let output = args.output.as_deref().map(Output::new_file).transpose()?;
    let draft = draft(&args.file)?;
    let text = draft.to_yaml();
    for guess in &draft.guesses {
        eprintln!("growth: guessed {}", sanitize::line(guess));
    }
    match (&output, &args.output) {
        (Some(output), Some(path)) => {
            output.write_new(text.as_bytes())?;
            eprintln!(
                "growth: wrote {}; name it in growth.yaml (`ladder: …`), then run `growth ladder show LEVEL`",
                sanitize::line(&path.display().to_string())
            );
        }
        _ => {
            let mut out = super::stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(EXIT_CLEAN)
}

fn draft(path: &Path) -> anyhow::Result<Draft> {
    let extension = (path.extension().and_then(|e| e.to_str()))
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let shown = path.display().to_string();
    if matches!(extension.as_str(), "yml" | "yaml") {
        let (file, root) = crate::invalid::read_yaml(path)?;
        anyhow::ensure!(
            ladder_ft::is_job_family(&root),
            "{}: not a job family (`levels`, `themes` and `competencies`); a growth ladder needs no import",
            sanitize::line(&shown)
        );
        return Ok(ladder_ft::import(&file, &root)?);
    }
    let text = crate::source::read_text(path).with_context(|| format!("cannot read {shown}"))?;
    Ok(ladder_csv::import(&shown, &text, extension == "tsv")?)
}
