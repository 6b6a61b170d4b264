//! `growth server`: the language server on standard input and output (see
//! [`crate::server`]).

use std::io::BufReader;

use super::{today, ServerArgs};

pub fn run(args: ServerArgs) -> anyhow::Result<u8> {
    let today = today(args.today);
    let status = crate::server::run(
        BufReader::new(std::io::stdin()),
        std::io::stdout().lock(),
        today,
    )?;
    Ok(status)
}
