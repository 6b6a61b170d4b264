//! `growth`: lint and report on growth plans kept as Markdown or YAML in a git repository.
//!
//! The crate is a library with a thin binary. Reading goes
//! [`source`] (text and positions) → [`yaml`] (spanned YAML) → [`decode`] (typed values and
//! problems) → [`plan`] (the model, from either plan form). [`config`], [`ladder`] and
//! [`discover`] find and read everything around the plans.

pub mod decode;
pub mod plan;
pub mod problem;
pub mod source;
pub mod yaml;
pub mod config;
pub mod discover;
pub mod invalid;
pub mod ladder;
pub mod severity;
pub mod diagnostic;
pub mod lint;
pub mod render;
pub mod cli;
