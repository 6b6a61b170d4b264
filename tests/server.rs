//! `growth server`: a scripted LSP client drives the real binary over standard input and
//! output. Every read has a timeout, so a server that hangs fails the test instead of
//! stalling it. Plans are fixtures written here; the clock is `GROWTH_TODAY`.
//!
//! - `server/client.rs`: the client and the fixture directory.
//! - `server/session.rs`: initialize, debouncing, malformed and unknown messages, exit status.
//! - `server/features.rs`: findings at `lint`'s positions, hover, code actions, completion.
//! - `server/files.rs`: the config, the ladder, YAML and CRLF plans, history for saved plans.

#[path = "server/client.rs"]
mod client;
#[path = "server/features.rs"]
mod features;
#[path = "server/files.rs"]
mod files;
#[path = "server/session.rs"]
mod session;
#[allow(dead_code)]
#[path = "history/support.rs"]
mod support;
