//! `growth`: lint and report on growth plans kept as Markdown or YAML in a git repository.
//!
//! The crate is a library with a thin binary. Reading goes
//! [`source`] (text and positions) → [`yaml`] (spanned YAML) → [`decode`] (typed values and
//! problems) → [`plan`] (the model, from either plan form). [`config`], [`ladder`] and
//! [`discover`] find and read everything around the plans. [`quantity`] reads targets and
//! check-in values as a number and a unit, so progress compares like with like.

pub mod cli;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod discover;
pub mod history;
pub mod invalid;
pub mod ladder;
pub mod lint;
pub mod parallel;
pub mod plan;
pub mod problem;
pub mod quantity;
pub mod render;
pub mod report;
pub mod severity;
pub mod source;
pub mod yaml;
