//! `growth`: lint and report on growth plans kept as Markdown or YAML in a git repository.
//!
//! The crate is a library with a thin binary. Reading goes
//! [`source`] (text and positions) → [`yaml`] (spanned YAML) → [`decode`] (typed values and
//! problems) → [`plan`] (the model, from either plan form). [`workspace`] stands every
//! command on the same ground: the [`config`], the [`ladder`], which files are plans, and
//! their [`history`]; [`paths`] has the one rule for showing paths and [`asof`] the one
//! place that decides which day a run looks at. [`quantity`] reads targets and check-in
//! values as a number and a unit, so progress compares like with like; [`sanitize`] is the one
//! gate for text on its way to a terminal. [`server`] puts `lint`'s engine, explanations and
//! fixes behind the Language Server Protocol for editors. [`evidence`] checks what actions
//! cite as proof against git.

pub mod asof;
pub mod cli;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod due;
pub mod edit;
pub mod evidence;
pub mod history;
pub mod import;
pub mod invalid;
pub mod ladder;
pub mod lint;
pub mod output;
pub mod parallel;
pub mod paths;
pub mod plan;
pub mod problem;
pub mod quantity;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod server;
pub mod severity;
pub mod source;
#[cfg(test)]
mod testing;
pub mod workspace;
pub mod yaml;
