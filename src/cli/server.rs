//! `growth server`: the language server on standard input and output (see
//! [`crate::server`]).

use std::io::{BufReader, ErrorKind};

use super::ServerArgs;

pub fn run(args: ServerArgs) -> anyhow::Result<u8> {
    let served = crate::server::run(
        BufReader::new(std::io::stdin()),
        std::io::stdout().lock(),
        args.today,
    );
    match served {
        Ok(status) => Ok(status),
        // The client closed its end without `shutdown`: for LSP that is exit status 1, not
        // the quiet end of a pipe that `lint | head` is.
        Err(err) if err.kind() == ErrorKind::BrokenPipe => Ok(crate::server::EXIT_WITHOUT_SHUTDOWN),
        Err(err) => Err(err.into()),
    }
}
