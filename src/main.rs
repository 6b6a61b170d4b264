//! The `growth` binary: parse arguments, run, map errors to exit status 2.

use std::process::ExitCode;

use clap::Parser;
use growth::cli::{self, Cli, EXIT_CLEAN, EXIT_ERROR};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        // `growth lint | head` closes the pipe early; that is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::from(EXIT_CLEAN),
        Err(err) => {
            // Errors quote paths and file contents: cleaned like every text for a terminal.
            eprintln!(
                "growth: error: {}",
                growth::sanitize::text(&format!("{err:#}"))
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
