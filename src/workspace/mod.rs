//! The ground every command stands on: the config that applies to what the command line
//! named, the ladder it points to, which files are plans and which of them were asked for,
//! and the git history around them.
//!
//! `lint`, `report` and `history` open workspaces and nothing else; none of them finds a
//! config, matches a glob or walks a directory on its own, so they cannot disagree about
//! which files are plans or where they are.

mod facts;
mod plans;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

pub use facts::{attach_evidence, bounded_facts_hold, facts_of};
pub use plans::{compile, is_document, DiscoverError, Found, PlanFile, PlanSet, Unreadable};

use crate::config::Config;
use crate::history::{self, Bound, History, HistoryError};
use crate::invalid::InvalidFile;
use crate::ladder::Ladder;
use crate::paths;

/// Why a workspace cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Invalid(#[from] InvalidFile),
    #[error(transparent)]
    Discover(#[from] DiscoverError),
}

/// One config and the paths it applies to.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub config: Config,
    pub plans: PlanSet,
    /// What the reader should know about where this workspace came from.
    pub notes: Vec<String>,
}

/// What part of history to read.
#[derive(Debug, Clone, Default)]
pub struct Window<'a> {
    /// The clock: "now" for the uncommitted pseudo-commit (`--today`, at midnight UTC, so
    /// output is repeatable); the local time when `None`.
    pub today: Option<NaiveDate>,
    pub since: Option<&'a str>,
    pub until: Option<&'a str>,
    /// Read only the commits from this day on (see [`history::Scope::from`]).
    pub from: Option<NaiveDate>,
    /// Whether agreements made before `from` matter (see [`history::Scope::agreements`]).
    pub agreements: bool,
    /// Walk history even when the cache holds this walk (`--no-cache`).
    pub no_cache: bool,
}

impl Workspace {
    /// The workspaces for the paths named on the command line (the current directory when
    /// none): `--config` for all of them, else each path's own config, found by walking up
    /// from it to the git root, so `growth lint repo-a repo-b` uses each repo's config.
    pub fn open(
        named_config: Option<&Path>,
        paths: &[PathBuf],
    ) -> Result<Vec<Workspace>, WorkspaceError> {
        if let Some(config) = named_config {
            return Ok(vec![Workspace::new(Config::load(config)?, paths)?]);
        }
        if paths.is_empty() {
            return Ok(vec![Workspace::new(
                Config::discover(Path::new("."))?,
                paths,
            )?]);
        }
        let mut groups: Vec<(Config, PathBuf, Vec<PathBuf>)> = Vec::new();
        for path in paths {
            let config = Config::discover(path)?;
            let root = paths::canonical(&config.root);
            match groups
                .iter_mut()
                .find(|(c, r, _)| c.path == config.path && *r == root)
            {
                Some((_, _, group)) => group.push(path.clone()),
                None => groups.push((config, root, vec![path.clone()])),
            }
        }
        groups
            .into_iter()
            .map(|(config, _, paths)| Workspace::new(config, &paths))
            .collect()
    }

    fn new(config: Config, paths: &[PathBuf]) -> Result<Workspace, WorkspaceError> {
        // With no config and no git around, nothing says where the plans' root is: every
        // ancestor of the directory is tried, so `growth lint plans/team-a` finds its plans.
        let root = paths::canonical(&config.root);
        let defaults = config.path.is_none();
        let loose = defaults && !root.ancestors().any(|d| d.join(".git").exists());
        let plans = PlanSet::new(&config.plans, &root, (defaults, loose), paths)?;
        let mut notes = Vec::new();
        // Outside git, a config above the directory named could be anyone's: say which.
        if let Some(file) = &config.path {
            let start = paths.first().map_or(Path::new("."), PathBuf::as_path);
            let start = paths::canonical(if start.is_file() {
                start.parent().unwrap_or(Path::new("."))
            } else {
                start
            });
            let in_git = root.ancestors().any(|d| d.join(".git").exists());
            if !in_git && start != root {
                notes.push(format!(
                    "using {} (found above {}, outside git)",
                    paths::shown(&paths::canonical(file)).display(),
                    paths::shown(&start).display()
                ));
            }
        }
        Ok(Workspace {
            config,
            plans,
            notes,
        })
    }

    /// The ladder the config names, if any.
    pub fn ladder(&self) -> Result<Option<Ladder>, InvalidFile> {
        let config = &self.config;
        let Some(path) = &config.ladder else {
            return Ok(None);
        };
        // A ladder that is not there is a mistake in the config: point at its `ladder:` line.
        if let (false, Some(file), Some(span)) = (path.exists(), &config.source, config.ladder_span)
        {
            return Err(InvalidFile {
                file: file.clone(),
                problems: vec![crate::config::missing_ladder(path, span)],
            });
        }
        Ladder::load(path).map(Some)
    }

    /// The selected plan files, sorted, and the places that could not be read.
    pub fn plan_files(&self) -> Found {
        self.plans.files()
    }

    /// The history of the selected plans (following them through renames).
    pub fn history(&self, window: &Window) -> Result<History, HistoryError> {
        let set = &self.plans;
        let is_plan = |path: &Path| set.is_plan(path);
        let options = history::Options {
            start: set.root(),
            is_plan: &is_plan,
            now: now(window.today),
            since: window.since.map(Bound::parse),
            until: window.until.map(Bound::parse),
            progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            review_tags: &self.config.review_tags,
        };
        // `GROWTH_FULL_HISTORY=1` walks all of history even where a bounded walk would do:
        // to check the one against the other.
        let full = std::env::var_os("GROWTH_FULL_HISTORY").is_some_and(|v| v == "1");
        let cache = history::cache::Settings::dir_from_env()
            .filter(|_| !window.no_cache)
            .map(|dir| history::cache::Settings {
                dir,
                key: set.plan_key(&self.config.plans),
            });
        let scope = history::Scope {
            from: window.from.filter(|_| !full),
            agreements: window.agreements,
            cache,
        };
        let mut history = history::load_with(&options, &scope)?;
        history.retain(|path| set.selects(path));
        if history.unsure() {
            let scope = history::Scope {
                from: None,
                ..scope
            };
            history = history::load_with(&options, &scope)?;
            history.retain(|path| set.selects(path));
        }
        Ok(history)
    }
}

/// "Now" for the uncommitted pseudo-commit.
fn now(today: Option<NaiveDate>) -> DateTime<FixedOffset> {
    let utc = FixedOffset::east_opt(0).expect("zero offset");
    match today {
        Some(day) => utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight")),
        None => chrono::Local::now().fixed_offset(),
    }
}
