//! The command line: argument definitions and the commands behind them.
//!
//! Commands return an [`ExitCode`]-like status; errors bubble up as `anyhow::Error` and become
//! exit status 2 in `main`.

mod checkin;
mod done;
mod due;
mod explain;
mod history;
mod init;
mod ladder;
mod ladder_import;
mod lint;
mod plan_import;
mod report;
mod server;
mod target;

pub use init::render as template;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::render::Format;
use crate::report::ReportFormat;
use crate::severity::Severity;

/// Exit statuses: 0 clean, 1 findings at or above `--fail-on`, 2 usage, config, I/O or
/// internal errors.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "growth",
    version,
    about = "Lint and report on growth plans kept as Markdown or YAML in git",
    long_about = "Lint and report on personal and career growth plans kept as Markdown (with YAML \
                  front matter) or YAML files in a git repository: SMART and \"less is more\" \
                  rules, career-ladder gaps, and progress from git history.",
    after_help = "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or I/O error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plans against the rules.
    Lint(LintArgs),
    /// Progress per plan and for the team, from the plans and their git history.
    Report(ReportArgs),
    /// The semantic event stream from git history, oldest first.
    History(HistoryArgs),
    /// Write a new plan from the template (never overwrites).
    Init(InitArgs),
    /// Print a growth plan made from a plan written before growth (focus points, goal
    /// tables, North Star lines, ✓ marks), keeping what it cannot place as free Markdown.
    Import(ImportArgs),
    /// Add a dated entry to a goal's check-ins (today's, unless --date).
    #[command(name = "check-in")]
    CheckIn(CheckinArgs),
    /// Tick the open action of a goal whose text contains TEXT, with the day it was done.
    Done(DoneArgs),
    /// Check-ins (by cadence) and actions coming due, per person, for scheduled reminders.
    Due(DueArgs),
    /// A language server over standard input and output, for editors: findings as you type,
    /// hover, fixes and completion.
    Server(ServerArgs),
    /// The career ladder: what a level expects, or what rises from one level to another.
    Ladder {
        #[command(subcommand)]
        command: LadderCommand,
    },
    /// Explain a rule: why it exists, with a bad and a good example.
    Explain {
        /// A rule code (GR201) or name (vague-goal), or a wording rule of the config (GW001).
        rule: String,
        /// Use this config file instead of discovering growth.yaml / .growth.yaml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// List every rule, with the severity this repository's config gives it.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
        /// Use this config file instead of discovering growth.yaml / .growth.yaml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into DIR.
    Man {
        /// Write growth.1, growth-lint.1, growth-report.1, … here instead of printing growth.1.
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print what growth reads from plans, as JSON (for debugging plans and for benchmarks).
    #[command(hide = true)]
    Parse {
        /// Plan files or directories.
        paths: Vec<PathBuf>,
        /// Parse only; print nothing.
        #[arg(long)]
        quiet: bool,
    },
}

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// The date to measure "overdue" and "expired" against [default: today].
    #[arg(long, env = "GROWTH_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum LadderCommand {
    /// What LEVEL expects in each competency; with TARGET, what rises from LEVEL to TARGET.
    Show(LadderShowArgs),
    /// Print a ladder.yaml made from a spreadsheet (CSV or TSV) or FT's job-family YAML.
    Import(LadderImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A Markdown plan in any shape.
    pub file: PathBuf,
    /// Write the plan to this new file instead of standard output (never overwrites).
    #[arg(short = 'o', long, value_name = "NEW")]
    pub output: Option<PathBuf>,
    /// The owner's name [default: an `Owner:` or `Name:` line of the plan].
    #[arg(long)]
    pub owner: Option<String>,
    /// The date horizons without a year and the plan's period are chosen from [default: today].
    #[arg(long, env = "GROWTH_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct LadderImportArgs {
    /// A CSV or TSV file (competency column, optional Area and Description, one column per
    /// level) or a Financial Times job-family YAML file.
    pub file: PathBuf,
    /// Write the ladder to this new file instead of standard output (never overwrites).
    #[arg(short = 'o', long, value_name = "NEW")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LadderShowArgs {
    /// A level id of the ladder (or a near miss of one).
    pub level: String,
    /// A level to compare with: what it asks for that LEVEL does not.
    pub target: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Lines for people (`text` is an old name).
    #[value(alias = "text", alias = "terminal")]
    Human,
    /// One JSON document.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour the output: `auto` means standard output is a terminal (not a file
    /// given with `-o`) and `NO_COLOR` / `CLICOLOR` do not say otherwise.
    pub fn enabled(self, to_file: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                !to_file
                    && std::io::IsTerminal::is_terminal(&std::io::stdout())
                    && anstream::AutoStream::choice(&std::io::stdout())
                        != anstream::ColorChoice::Never
            }
        }
    }
}

/// Standard output, buffered: the machine formats are written in thousands of small pieces,
/// and a locked standard output is line-buffered (a 10,000-plan JSON report spent a third of
/// its time in write calls). Callers flush it.
fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

/// The format asked for; else the one `-o FILE`'s extension names (`report.html`); else the
/// default. An extension growth does not know is no choice: the default holds.
fn chosen_format<F>(given: Option<F>, output: Option<&std::path::Path>, default: F) -> F
where
    F: ValueEnum + Clone,
{
    given
        .or_else(|| {
            let ext = output?.extension()?.to_str()?.to_ascii_lowercase();
            let name = match ext.as_str() {
                "htm" => "html",
                "md" | "markdown" => "markdown",
                "xml" => "junit",
                "txt" => "human",
                other => other,
            };
            F::from_str(name, true).ok()
        })
        .unwrap_or(default)
}

/// Options shared by commands that read plans.
#[derive(Debug, Args)]
pub struct Common {
    /// Use this config file instead of discovering growth.yaml / .growth.yaml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The date to measure "overdue" and "expired" against [default: today].
    #[arg(long, env = "GROWTH_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<NaiveDate>,
    /// Read git history afresh, neither using nor updating the cache of earlier walks
    /// (kept in GROWTH_CACHE_DIR, else the user's cache directory).
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Plan files or directories [default: the plans of the current repository].
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
    /// Output format [default: from the extension of -o (.json, .sarif, .xml), else human].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit with 1 when there are findings at or above this severity [default: config's fail_on, or error].
    #[arg(long, value_name = "LEVEL", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// Exit with 0 even when there are findings (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Skip the rules that read git history (GR5xx).
    #[arg(long)]
    pub no_history: bool,
    /// Count findings per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Apply the mechanical fixes (misspelt keys, levels and competencies with one near
    /// match; year-first dates such as 2026/05/31) to the plans, then report what remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the mechanical fixes as a unified diff and write nothing; exit 1 when there is
    /// something to fix.
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Plan files or directories [default: the plans of the current repository].
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
    /// Output format [default: from the extension of -o (.html, .md, .json), else human].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Start of the period reported on: a date, a git revision, or `last-review`.
    #[arg(long, value_name = "DATE|REV|last-review")]
    pub since: Option<String>,
    /// End of the period reported on: a date or a git revision.
    #[arg(long, value_name = "DATE|REV")]
    pub until: Option<String>,
    /// Only plans whose owner contains NAME (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Also the ended plans of people who have a newer one (marked ended).
    #[arg(long)]
    pub all: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Plan files or directories [default: every plan of the repository].
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    /// Only events from this date (YYYY-MM-DD) or after this revision.
    #[arg(long, value_name = "DATE|REV")]
    pub since: Option<String>,
    /// Only events up to this date (YYYY-MM-DD) or revision.
    #[arg(long, value_name = "DATE|REV")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the plan (.md, or .yaml for the YAML form) [default: <year>-h<half>.md in the repository's plans/, or here when here is under plans/].
    pub path: Option<PathBuf>,
    /// The owner's name to put in the plan.
    #[arg(long)]
    pub owner: Option<String>,
    /// The date the plan's period is chosen from [default: today].
    #[arg(long, env = "GROWTH_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The goal's id (or its title's slug).
    pub goal: String,
    /// The measured value, in the unit of the goal's target (`17%`, `4 talks`).
    #[arg(long, value_name = "V")]
    pub value: Option<String>,
    /// What happened.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The plan that holds the goal [default: found among the repository's plans].
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The entry's date [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The goal's id (or its title's slug).
    pub goal: String,
    /// Part of the action's text (ignoring case); it must name one open action.
    pub text: String,
    /// The plan that holds the goal [default: found among the repository's plans].
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The day it was done [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Plan files or directories [default: the plans of the current repository].
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
    /// Also what falls due in the next DAYS days (overdue items are always listed).
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub within: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

fn parse_today(s: &str) -> Result<NaiveDate, String> {
    crate::decode::parse_date(s)
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Lint(args) => lint::run(args),
        Command::History(args) => history::run(args),
        Command::Report(args) => report::run(args),
        Command::Init(args) => init::run(args),
        Command::Import(args) => plan_import::run(args),
        Command::CheckIn(args) => checkin::run(args),
        Command::Done(args) => done::run(args),
        Command::Due(args) => due::run(args),
        Command::Server(args) => server::run(args),
        Command::Ladder {
            command: LadderCommand::Show(args),
        } => ladder::show(args),
        Command::Ladder {
            command: LadderCommand::Import(args),
        } => ladder_import::run(args),
        Command::Explain { rule, config } => explain::explain(&rule, config.as_deref()),
        Command::Rules { format, config } => explain::rules(format, config.as_deref()),
        Command::Completions { shell } => {
            let mut cmd = completion_command();
            clap_complete::generate(shell, &mut cmd, "growth", &mut std::io::stdout());
            Ok(EXIT_CLEAN)
        }
        Command::Parse { paths, quiet } => lint::parse(&paths, quiet),
        Command::Man { dir: None } => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(EXIT_CLEAN)
        }
        Command::Man { dir: Some(dir) } => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
            // One page per visible command, named as `man growth-lint` finds it.
            clap_mangen::generate_to(Cli::command(), &dir).map_err(|e| {
                anyhow::anyhow!("cannot write the man pages to {}: {e}", dir.display())
            })?;
            eprintln!(
                "growth: wrote the man pages to {}",
                crate::sanitize::line(&dir.display().to_string())
            );
            Ok(EXIT_CLEAN)
        }
    }
}

/// The command line as shells should complete it: rule codes and names after `explain`, and
/// no hidden commands (`man`, `parse`), which the `help` subcommand would otherwise list. Only
/// the completions see this; parsing keeps growth's own messages for an unknown rule.
fn completion_command() -> clap::Command {
    let rules: Vec<clap::builder::PossibleValue> = crate::lint::registry::RULES
        .iter()
        .flat_map(|r| {
            [
                clap::builder::PossibleValue::new(r.code).help(r.summary),
                clap::builder::PossibleValue::new(r.name).help(r.summary),
            ]
        })
        .collect();
    let full = Cli::command();
    // clap's generators list hidden subcommands too; a command without them is built instead.
    let visible = full
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .map(|s| match s.get_name() {
            "explain" => s.mut_arg("rule", |arg| {
                arg.value_parser(clap::builder::PossibleValuesParser::new(rules.clone()))
            }),
            _ => s,
        });
    clap::Command::new("growth")
        .version(env!("CARGO_PKG_VERSION"))
        .about(full.get_about().cloned().unwrap_or_default())
        .disable_help_subcommand(true)
        .subcommand_required(true)
        .subcommands(visible)
}

/// A `--since` after `--until` (both dates) asks for nothing: a usage error, not an empty
/// answer.
pub(crate) fn check_range(since: Option<&str>, until: Option<&str>) -> anyhow::Result<()> {
    let date = |v: Option<&str>| v.and_then(|v| crate::decode::parse_date(v).ok());
    if let (Some(s), Some(u)) = (date(since), date(until)) {
        if s > u {
            anyhow::bail!("--since {s} is after --until {u}: the range is empty (swap them?)");
        }
    }
    Ok(())
}

/// A note for the reader on standard error, cleaned of anything that would act on the
/// terminal (it may quote paths and plan text).
pub(crate) fn note(message: &str) {
    eprintln!("growth: note: {}", crate::sanitize::text(message));
}

/// The local date, unless one was given.
pub fn today(given: Option<NaiveDate>) -> NaiveDate {
    crate::asof::today(given)
}
