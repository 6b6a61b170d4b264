//! `growth.yaml`: which files are plans, where the ladder is, rule levels and rule options.
//!
//! Found by walking up from the directory being linted to the git root (`growth.yaml`, then
//! `.growth.yaml`), or named with `--config`. Every key has a default and an unknown key is an
//! error, so a typo never silently changes nothing.

use std::path::{Path, PathBuf};

use crate::decode::Decoder;
use crate::invalid::{parse_yaml, read_yaml, InvalidFile};
pub use crate::lint::options::RuleOptions;
use crate::lint::wording::Wording;
use crate::problem::{Problem, ProblemKind};
use crate::severity::{Level, Severity};
use crate::source::{SourceFile, Span, Spanned};
use crate::yaml::Node;

/// The config file names, in the order they are looked for.
pub const CONFIG_NAMES: &[&str] = &["growth.yaml", ".growth.yaml"];

/// Top-level config keys.
pub const CONFIG_KEYS: &[&str] = &[
    "plans",
    "ladder",
    "fail_on",
    "rules",
    "options",
    "wording",
    "review_tags",
    "evidence_repos",
    "front_matter",
];

/// The tags that mark a reviewed (agreed) commit, unless `review_tags:` says otherwise.
pub const DEFAULT_REVIEW_TAGS: &[&str] = &["review/*"];

/// Keys of `front_matter:`.
pub const FRONT_MATTER_CONFIG_KEYS: &[&str] = &["allow"];

/// Keys of `options:`.
pub const OPTION_KEYS: &[&str] = &[
    "max_development_goals",
    "max_open_actions",
    "max_active_goals",
    "stale_days",
    "backdate_days",
    "vague_phrases",
    "outcome_phrases",
];

/// The default plan globs, relative to the config's directory.
pub const DEFAULT_PLAN_GLOBS: &[&str] = &[
    "plans/**/*.md",
    "plans/**/*.yaml",
    "plans/**/*.yml",
    "**/*.plan.md",
    "**/*.plan.yaml",
    "**/*.plan.yml",
];

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from; `None` when running on defaults.
    pub path: Option<PathBuf>,
    /// The directory plan globs and the ladder path are relative to.
    pub root: PathBuf,
    /// Plan globs; the defaults unless `plans:` is set.
    pub plans: Vec<String>,
    pub ladder: Option<PathBuf>,
    /// Where `ladder:` is written, to point at when the file is missing.
    pub ladder_span: Option<Span>,
    pub fail_on: Severity,
    /// Rule levels by code or name, as written; checked against the rules by the lint engine.
    pub rules: Vec<(Spanned<String>, Spanned<Level>)>,
    pub options: RuleOptions,
    /// The team's own wording rules (`wording:`), the `GW` family.
    pub wording: Wording,
    /// The config file's text, for pointing at a key that turns out to be wrong later.
    pub source: Option<SourceFile>,
    /// Globs of tag names (without `refs/tags/`) that mark an agreed commit.
    pub review_tags: Vec<String>,
    /// Repositories evidence may cite as `NAME@REV`: name → path (relative paths are
    /// resolved against the config's directory).
    pub evidence_repos: Vec<(String, PathBuf)>,
}

impl Config {
    /// The defaults, rooted at `root`.
    pub fn defaults(root: impl Into<PathBuf>) -> Config {
        Config {
            path: None,
            root: root.into(),
            plans: DEFAULT_PLAN_GLOBS.iter().map(|s| s.to_string()).collect(),
            ladder: None,
            ladder_span: None,
            fail_on: Severity::Error,
            rules: Vec::new(),
            options: RuleOptions::default(),
            wording: Wording::default(),
            source: None,
            review_tags: DEFAULT_REVIEW_TAGS.iter().map(|s| s.to_string()).collect(),
            evidence_repos: Vec::new(),
        }
    }

    /// Finds the config for `start` (a directory or a file): the nearest `growth.yaml` or
    /// `.growth.yaml` in it or a parent, stopping at the git root. Defaults when there is none,
    /// rooted at the git root (or at `start` outside git), so the default globs (`plans/…`)
    /// mean the repository's plans wherever inside it `growth` runs.
    pub fn discover(start: &Path) -> Result<Config, InvalidFile> {
        let start = if start.is_file() {
            start.parent().unwrap_or(Path::new("."))
        } else {
            start
        };
        let dir = crate::paths::canonical(if start.as_os_str().is_empty() {
            Path::new(".")
        } else {
            start
        });
        // Found from the absolute directory, shown from the current one: `growth lint ..`
        // from `plans/alice/` reads `../../growth.yaml`, not a path that climbs past it.
        // Outside git the search stops at the home directory and at the edge of the file
        // system, so a `growth.yaml` planted in a shared parent (`/tmp`, `/`) is not taken.
        let home = std::env::var_os("HOME").map(|h| crate::paths::canonical(Path::new(&h)));
        let start_device = device(&dir);
        for ancestor in dir.ancestors() {
            if device(ancestor) != start_device {
                break;
            }
            for name in CONFIG_NAMES {
                let candidate = ancestor.join(name);
                if candidate.is_file() {
                    return Config::load(&crate::paths::shown(&candidate));
                }
            }
            if ancestor.join(".git").exists() {
                return Ok(Config::defaults(crate::paths::shown(ancestor)));
            }
            if home.as_deref() == Some(ancestor) {
                break;
            }
        }
        Ok(Config::defaults(crate::paths::shown(&dir)))
    }

    /// Reads a config file.
    pub fn load(path: &Path) -> Result<Config, InvalidFile> {
        Config::from_yaml(path, read_yaml(path)?)
    }

    /// Reads a config from its text (an editor's unsaved buffer), as [`Config::load`] would.
    pub fn parse(path: &Path, text: impl Into<String>) -> Result<Config, InvalidFile> {
        Config::from_yaml(path, parse_yaml(SourceFile::new(path, text))?)
    }

    fn from_yaml(path: &Path, (file, root): (SourceFile, Node)) -> Result<Config, InvalidFile> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let mut config = Config::defaults(dir);
        config.path = Some(path.to_path_buf());
        let mut dec = Decoder::default();
        if let Some(fields) = dec.fields(&root, "config", CONFIG_KEYS) {
            if let Some(node) = fields.get("plans") {
                config.plans = read_globs(&mut dec, node);
            }
            if let Some(ladder) = fields.get("ladder").and_then(|n| dec.text(n)) {
                config.ladder = Some(tidy_join(&config.root, Path::new(&ladder.value)));
                config.ladder_span = Some(ladder.span);
            }
            if let Some(level) = fields
                .get("fail_on")
                .and_then(|n| dec.choice(n, SEVERITIES))
            {
                config.fail_on = level.value;
            }
            if let Some(node) = fields.get("rules") {
                config.rules = read_rule_levels(&mut dec, node);
            }
            if let Some(node) = fields.get("options") {
                read_options(&mut dec, node, &mut config.options);
            }
            if let Some(node) = fields.get("wording") {
                let taken: Vec<&str> = crate::lint::registry::RULES
                    .iter()
                    .flat_map(|r| [r.code, r.name])
                    .collect();
                config.wording = crate::lint::wording::read(&mut dec, node, &taken);
            }
            if let Some(node) = fields.get("review_tags") {
                config.review_tags = read_globs(&mut dec, node);
            }
            if let Some(node) = fields.get("evidence_repos") {
                config.evidence_repos = read_evidence_repos(&mut dec, node, &config.root);
            }
            if let Some(node) = fields.get("front_matter") {
                if let Some(f) = dec.fields(node, "front_matter", FRONT_MATTER_CONFIG_KEYS) {
                    let allow = f.get("allow").map_or_else(Vec::new, |n| dec.text_list(n));
                    config.options.front_matter_allow =
                        allow.into_iter().map(|k| k.value).collect();
                }
            }
        }
        // Everything wrong with the config is reported in one round: the values above, and
        // the rule names and the ladder path, which are checked here rather than when the
        // linter and the ladder are built, one fix-and-rerun later each.
        dec.problems
            .extend(unknown_rules(&config.rules, &config.wording));
        if let (Some(ladder), Some(span)) = (&config.ladder, config.ladder_span) {
            if !ladder.exists() {
                dec.report(missing_ladder(ladder, span));
            }
        }
        dec.problems.sort_by_key(|p| p.span.start);
        config.source = Some(file.clone());
        InvalidFile::check(file, dec.problems, config)
    }
}

/// A problem for each name under `rules:` that is not the code or name of a rule, built in or
/// one of the config's wording rules.
pub fn unknown_rules(
    rules: &[(Spanned<String>, Spanned<Level>)],
    wording: &Wording,
) -> Vec<Problem> {
    let names: Vec<&str> = crate::lint::registry::RULES
        .iter()
        .flat_map(|r| [r.code, r.name])
        .chain(wording.rules.iter().flat_map(|r| [r.code, r.name]))
        .collect();
    rules
        .iter()
        .filter(|(name, _)| {
            crate::lint::registry::find(&name.value).is_none()
                && wording.find(&name.value).is_none()
        })
        .map(|(name, _)| {
            let mut p = Problem::new(
                ProblemKind::UnknownField,
                name.span,
                format!("`{}` is not a rule", name.value),
            );
            p.help = crate::decode::did_you_mean(&name.value, &names)
                .or_else(|| Some("`growth rules` lists them".to_string()));
            p
        })
        .collect()
}

/// The problem of a `ladder:` path that names no file, at the path.
pub fn missing_ladder(path: &Path, span: Span) -> Problem {
    Problem::new(
        ProblemKind::Unreadable,
        span,
        format!("the ladder file {} does not exist", path.display()),
    )
    .with_help("fix the `ladder:` path (relative to this file) or create the ladder")
}

const SEVERITIES: &[(&str, Severity)] = &[
    ("error", Severity::Error),
    ("warning", Severity::Warning),
    ("info", Severity::Info),
];

const LEVELS: &[(&str, Level)] = &[
    ("off", Level::Off),
    ("info", Level::Info),
    ("warning", Level::Warning),
    ("error", Level::Error),
];

/// A list of globs (`plans:`, `review_tags:`), each checked where it is written.
fn read_globs(dec: &mut Decoder, node: &crate::yaml::Node) -> Vec<String> {
    let globs = dec.text_list(node);
    for glob in &globs {
        if let Err(err) = globset::Glob::new(&glob.value) {
            dec.report(Problem::new(
                ProblemKind::WrongType,
                glob.span,
                format!("`{}` is not a valid glob: {}", glob.value, err.kind()),
            ));
        }
    }
    globs.into_iter().map(|g| g.value).collect()
}

fn read_rule_levels(
    dec: &mut Decoder,
    node: &crate::yaml::Node,
) -> Vec<(Spanned<String>, Spanned<Level>)> {
    dec.named_entries(
        node,
        "`rules` maps rule codes or names to off, info, warning or error",
    )
    .iter()
    .filter_map(|(key, value)| {
        // YAML reads a bare `off` as text here because booleans are strict (true/false).
        let level = dec.choice(value, LEVELS)?;
        Some((Spanned::new(key.name.clone(), key.span), level))
    })
    .collect()
}

fn read_options(dec: &mut Decoder, node: &crate::yaml::Node, options: &mut RuleOptions) {
    let Some(fields) = dec.fields(node, "option", OPTION_KEYS) else {
        return;
    };
    let count = |dec: &mut Decoder, key: &str, slot: &mut u32| {
        if let Some(n) = fields.get(key).and_then(|n| dec.count(n)) {
            *slot = n.value;
        }
    };
    count(
        dec,
        "max_development_goals",
        &mut options.max_development_goals,
    );
    count(dec, "max_open_actions", &mut options.max_open_actions);
    count(dec, "max_active_goals", &mut options.max_active_goals);
    count(dec, "stale_days", &mut options.stale_days);
    count(dec, "backdate_days", &mut options.backdate_days);
    let phrases = |dec: &mut Decoder, key: &str| -> Vec<String> {
        fields
            .get(key)
            .map(|n| {
                dec.text_list(n)
                    .into_iter()
                    .map(|s| s.value.to_lowercase())
                    .collect()
            })
            .unwrap_or_default()
    };
    options.vague_phrases = phrases(dec, "vague_phrases");
    options.outcome_phrases = phrases(dec, "outcome_phrases");
}

/// `evidence_repos:`: names to repository paths, relative to the config's directory.
fn read_evidence_repos(
    dec: &mut Decoder,
    node: &crate::yaml::Node,
    root: &Path,
) -> Vec<(String, PathBuf)> {
    dec.named_entries(
        node,
        "`evidence_repos` maps names to repository paths (`payments: ../payments`)",
    )
    .iter()
    .filter_map(|(key, value)| {
        let path = dec.text(value)?;
        Some((key.name.clone(), tidy_join(root, Path::new(&path.value))))
    })
    .collect()
}

/// `dir/rel`, without a leading `./` when `dir` is the current directory.
fn tidy_join(dir: &Path, rel: &Path) -> PathBuf {
    if dir == Path::new(".") {
        rel.to_path_buf()
    } else {
        dir.join(rel)
    }
}

/// The file system a directory is on (its device id), to stop a search at its edge.
#[cfg(unix)]
fn device(dir: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| m.dev())
}

#[cfg(not(unix))]
fn device(_: &Path) -> Option<u64> {
    None
}

impl Default for Config {
    fn default() -> Self {
        Config::defaults(".")
    }
}
