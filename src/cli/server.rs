//! `growth server`: the language server on standard input and output (see
//! [`crate::server`]).

use std::io::BufReader;

use super::ServerArgs;

pub fn run(args: ServerArgs) -> anyhow::Result<u8> {
    let status = crate::server::run(
        BufReader::new(std::io::stdin()),
        std::io::stdout().lock(),
        args.today,
    )?;
    Ok(status)
}
