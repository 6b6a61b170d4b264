//! Fuzz-style tests: no input makes the reader, the linter or a renderer panic or hang, and
//! every finding points inside its file.
//!
//! Two engines, both deterministic and bounded:
//! - proptest with a fixed ChaCha seed, no failure files and 500 cases per property, over
//!   arbitrary text and bytes and over mutations of the valid plans in the repository;
//! - a plain xorshift mutation loop (fixed seed, 2,000 iterations) that does not depend on
//!   proptest or its shrinking, and walks further from valid input by mutating its own output.
//!
//! The mutation engines also run the history diff between the original and the mutated plan
//! (both ways), replay its events into the facts the history rules use, and build and render
//! the progress report in every format.
//!
//! Each parse + lint must take less than [`TIME_LIMIT`]. Large inputs of pathological shapes
//! (many goals, long lines, unclosed delimiters) must finish in bounded time, and the steps that
//! were quadratic or recursive on such input have tests of their own. Run with
//! `-- --nocapture` to see how long each property took. For a deeper run, `GROWTH_FUZZ_SCALE=20` multiplies the number of
//! cases and iterations and `GROWTH_FUZZ_SEED=<n>` changes the seed of both engines.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use growth::asof::AsOf;
use growth::config::Config;
use growth::diagnostic::{Diagnostic, Summary};
use growth::history::{diff, facts, CommitInfo, Event, EventKind};
use growth::ladder::Ladder;
use growth::lint::Linter;
use growth::plan::{self, ParsedPlan};
use growth::render::{self, Format, LintReport};
use growth::report::build::{self, PlanInput};
use growth::report::model::{Range, Report};
use growth::report::ReportFormat;
use growth::severity::Severity;
use growth::source::{self, Span};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, RngAlgorithm, TestRng, TestRunner};

/// Cases per proptest property.
const CASES: u32 = 500;

/// Iterations of the xorshift loop.
const ITERATIONS: usize = 2_000;

/// The most one parse + lint may take, in a debug build.
const TIME_LIMIT: Duration = Duration::from_secs(2);

/// Characters that mean something in plans: YAML and Markdown syntax, line ends, a BOM, an emoji
/// marker, and some letters and digits.
const ALPHABET: &[char] = &[
    '-', '[', ']', '{', '}', ':', '#', '`', '\n', '\t', '"', '\'', '|', '>', '*', '&', '!', '%',
    '@', ',', '?', ' ', ' ', ' ', '\r', '\u{feff}', '📅', '✅', 'é', 'a', 'x', 'G', 'o', 'l', '0',
    '1', '2', '9',
];

/// Pieces of plan structure, inserted whole so mutations reach deeper than random characters.
const TOKENS: &[&str] = &[
    "---\n",
    "## Goal: ",
    "## Goal:\n",
    "```yaml\n",
    "```\n",
    "### Actions\n",
    "### Check-ins\n",
    "- [ ] ",
    "- [x] ",
    "(due 2026-02-30)",
    "(done 2026-04-01)",
    "📅 2026-13-01",
    "✅ ",
    "- 2026-03-01 [12%] ",
    "due: ",
    "status: finished\n",
    "goals:\n  - title: x\n",
    "actions: [{ text: a, done: 5 }]\n",
    "checkins: [{ date: x }]\n",
    "&a [x, x]\n",
    "*a",
    "{ a: [",
    "<!-- growth-disable-next-line GR201 -- why -->\n",
    "<!-- growth-disable-file GR999 -->\n",
    "# growth-disable-next-line GR101\n",
    "Be tech lead ",
    "get better at ",
    "Postgres 16 in production ",
    "20% of the ",
    "weekly ",
    "Q3 ",
    "\r\n",
    "\u{feff}",
    "\0",
    "\u{fffd}",
];

/// `GROWTH_FUZZ_SCALE`: how many times the default number of cases to run (default 1).
fn scale() -> u32 {
    std::env::var("GROWTH_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// `GROWTH_FUZZ_SEED`: the seed of both engines (default fixed).
fn seed() -> u64 {
    std::env::var("GROWTH_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15)
}

// ---------------------------------------------------------------------------------------------
// What every run must satisfy.

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

/// The linter every case runs through: default config and the test ladder.
fn linter() -> Linter {
    let ladder = Ladder::load(Path::new("tests/fixtures/ladder.yaml")).unwrap();
    Linter::new(&Config::default(), Some(ladder), today()).unwrap()
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside a file of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character"
    );
}

fn check_diagnostic(parsed: &ParsedPlan, d: &Diagnostic) {
    let file = &parsed.file;
    let text = file.text();
    let what = format!("{} {} {:?}", d.code, d.message, d.start);
    check_span(text, d.span, &what);
    assert_eq!(d.path, file.path(), "{what}");
    assert!(!d.message.trim().is_empty(), "{what}: empty message");
    for p in [d.start, d.end] {
        assert!(p.line >= 1 && p.column >= 1, "{what}: position {p:?}");
        assert!(
            p.line <= file.line_count(),
            "{what}: line {} of {}",
            p.line,
            file.line_count()
        );
        // The line as stored, carriage returns included: a span may end on one.
        let start = file.line_start(p.line);
        let end = file.line_start(p.line + 1).max(start);
        let chars = text[start..end].trim_end_matches('\n').chars().count();
        // +1: a position may be just after the last character.
        assert!(
            p.column <= chars + 1,
            "{what}: column {} on a line of {chars}",
            p.column
        );
    }
    assert!(
        d.start <= d.end,
        "{what}: ends before it starts ({:?})",
        d.end
    );
    assert_eq!(d.start, file.position(d.span.start), "{what}");
}

/// Lints a parsed plan, checks every invariant, and renders it in every format.
fn check_parsed(linter: &Linter, parsed: &ParsedPlan) -> Vec<Diagnostic> {
    let text = parsed.file.text();
    for p in &parsed.problems {
        check_span(text, p.span, &p.message);
        assert!(!p.message.trim().is_empty());
    }
    let diags = linter.lint(parsed);
    for d in &diags {
        check_diagnostic(parsed, d);
    }
    if let Some(plan) = &parsed.plan {
        serde_json::to_string(plan).unwrap();
    }
    render_all(parsed, &diags);
    diags
}

/// Renders the findings in every format (SARIF, the slowest by far, for one file in eight).
fn render_all(parsed: &ParsedPlan, diags: &[Diagnostic]) {
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    for d in diags {
        summary.count(d.severity);
    }
    let sarif = parsed.file.text().len() % 8 == 0;
    let runs = [
        (Format::Human, false),
        (Format::Human, true),
        (Format::Json, false),
        (Format::Github, false),
        (Format::Junit, false),
        (Format::Sarif, false),
    ];
    for (format, color) in runs {
        if format == Format::Sarif && !sarif {
            continue;
        }
        let report = LintReport {
            diagnostics: diags,
            files: std::slice::from_ref(&parsed.file),
            summary,
            statistics: true,
            color,
            fail_on: Severity::Warning,
        };
        let mut out = Vec::new();
        render::write_lint(format, &report, &mut out).unwrap();
        if matches!(format, Format::Json | Format::Sarif) {
            serde_json::from_slice::<serde_json::Value>(&out).unwrap();
        }
    }
}

/// The history and report layers on two versions of a plan: the semantic diff both ways,
/// the facts replayed from its events, and the report in every format.
fn check_history_and_report(linter: &Linter, name: &str, old: &[u8], new: &[u8]) {
    let (Ok(old), Ok(new)) = (
        source::decode_text(old.to_vec()),
        source::decode_text(new.to_vec()),
    ) else {
        return;
    };
    let (old, new) = (plan::parse_str(name, old), plan::parse_str(name, new));
    let (Some(a), Some(b)) = (&old.plan, &new.plan) else {
        return;
    };
    let commit = |id: &str, day: u32| {
        Arc::new(CommitInfo {
            id: id.repeat(40),
            short: id.repeat(7),
            author: "fuzz".into(),
            email: String::new(),
            time: DateTime::parse_from_rfc3339(&format!("2026-03-{day:02}T10:00:00+00:00"))
                .unwrap(),
            summary: String::new(),
            agreed: Vec::new(),
        })
    };
    let (first, second) = (commit("a", 1), commit("b", 20));
    let event = |commit: &Arc<CommitInfo>, (goal, kind): (Option<String>, EventKind)| Event {
        commit: Arc::clone(commit),
        path: name.into(),
        plan: name.into(),
        goal,
        kind,
    };
    let mut events: Vec<Event> = vec![event(&first, (None, EventKind::PlanAdded))];
    events.extend(diff::added(a).into_iter().map(|e| event(&first, e)));
    events.extend(diff::diff(a, b).into_iter().map(|e| event(&second, e)));
    let _ = diff::diff(b, a);
    for e in &events {
        let _ = e.kind.describe();
    }
    let facts = facts::plan_facts(events.iter(), b, 14, &AsOf::now(today()));
    for found in &facts.backdated {
        check_span(new.file.text(), found.span, "a backdated entry");
    }
    let diagnostics = linter.lint_with_history(&new, Some(&facts));
    let input = PlanInput {
        path: name.into(),
        file: &new.file,
        plan: b,
        diagnostics: &diagnostics,
        facts: Some(&facts),
        events: events.iter().collect(),
        range: Range::default(),
        today: today(),
    };
    let plan_report = build::plan_report(&input, linter.lexicon());
    let plans = vec![plan_report.clone(), plan_report];
    let options = build::TeamOptions {
        ladder: None,
        quiet_days: 30,
        today: today(),
    };
    let team = build::team(&plans, &plans[..1], &[b, b], &options);
    let report = Report {
        version: 1,
        today: today(),
        range: Range::default(),
        history: true,
        notes: Vec::new(),
        team: Some(team),
        plans,
        archived: Vec::new(),
    };
    for format in [
        ReportFormat::Human,
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Json,
    ] {
        let mut out = Vec::new();
        growth::report::write(format, &report, format == ReportFormat::Human, &mut out).unwrap();
        assert!(
            out.len() < 4 * 1024 * 1024 + 64 * new.file.text().len(),
            "{format:?}: {} bytes of report for {} bytes of plan",
            out.len(),
            new.file.text().len()
        );
    }
}

/// Parses `text` as `name`, lints it, checks everything, and fails when it takes too long.
fn check_text(linter: &Linter, name: &str, text: &str) {
    let started = Instant::now();
    let parsed = plan::parse_str(name, text);
    let diags = check_parsed(linter, &parsed);
    let took = started.elapsed();
    assert!(
        took < TIME_LIMIT,
        "{name}: {} bytes took {took:?} ({} findings)",
        text.len(),
        diags.len()
    );
}

/// Bytes as a file holds them: refused with a located reason, or read as text and linted.
fn check_bytes(linter: &Linter, name: &str, bytes: &[u8]) {
    match source::decode_text(bytes.to_vec()) {
        Ok(text) => check_text(linter, name, &text),
        Err(err) => {
            let at = err.position().expect("a decoding error names its position");
            assert!(at.line >= 1 && at.column >= 1, "{err}");
            assert!(
                at.line <= bytes.iter().filter(|&&b| b == b'\n').count() + 1,
                "{err}"
            );
            // What an editor would show after replacing the bad bytes still lints.
            check_text(linter, name, &String::from_utf8_lossy(bytes));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Mutations.

/// One change to a file's bytes. Positions are taken modulo the length when applied.
#[derive(Debug, Clone)]
enum Mutation {
    Delete {
        at: usize,
        len: usize,
    },
    DuplicateLine(usize),
    Insert {
        at: usize,
        text: String,
    },
    SwapLines(usize, usize),
    Truncate(usize),
    /// Replaces a byte with another (may break UTF-8).
    Byte {
        at: usize,
        value: u8,
    },
}

fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        ranges.push(start..bytes.len());
    }
    ranges
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len();
    match m {
        Mutation::Delete { at, len } if n > 0 => {
            let at = at % n;
            let end = (at + len).min(n);
            bytes.drain(at..end);
        }
        Mutation::DuplicateLine(i) => {
            let lines = line_ranges(bytes);
            if !lines.is_empty() {
                let r = lines[i % lines.len()].clone();
                let copy = bytes[r.clone()].to_vec();
                bytes.splice(r.start..r.start, copy);
            }
        }
        Mutation::Insert { at, text } => {
            let at = at % (n + 1);
            bytes.splice(at..at, text.bytes());
        }
        Mutation::SwapLines(a, b) => {
            let lines = line_ranges(bytes);
            if lines.len() >= 2 {
                let (mut a, mut b) = (
                    lines[a % lines.len()].clone(),
                    lines[b % lines.len()].clone(),
                );
                if a.start > b.start {
                    std::mem::swap(&mut a, &mut b);
                }
                if a != b {
                    let mut out = bytes[..a.start].to_vec();
                    out.extend_from_slice(&bytes[b.clone()]);
                    out.extend_from_slice(&bytes[a.end..b.start]);
                    out.extend_from_slice(&bytes[a.clone()]);
                    out.extend_from_slice(&bytes[b.end..]);
                    *bytes = out;
                }
            }
        }
        Mutation::Truncate(at) => bytes.truncate(at % (n + 1)),
        Mutation::Byte { at, value } if n > 0 => bytes[at % n] = *value,
        _ => {}
    }
}

/// The valid plans in the repository: the canonical example, the shipped examples and the init
/// templates. Mutations start from these.
fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.components().any(|c| c.as_os_str() == "plans")
                && matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("md" | "yaml" | "yml")
                )
            {
                out.push(path);
            }
        }
    }
    let mut paths = vec![PathBuf::from("tests/fixtures/plans/canonical.md")];
    walk(Path::new("examples"), &mut paths);
    for template in ["src/cli/templates/plan.md", "src/cli/templates/plan.yaml"] {
        if Path::new(template).is_file() {
            paths.push(PathBuf::from(template));
        }
    }
    paths.sort();
    paths.dedup();
    let seeds: Vec<_> = paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    assert!(
        seeds.len() >= 5,
        "expected the canonical plan and the examples, found {}",
        seeds.len()
    );
    assert!(seeds
        .iter()
        .any(|(p, _)| p.extension().is_some_and(|e| e == "yaml")));
    seeds
}

/// The name a mutated seed is parsed under: its own, so the form stays the same.
fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------------------------
// proptest engine.

fn runner() -> TestRunner {
    let config = RunnerConfig {
        cases: CASES * scale(),
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        max_shrink_iters: 2_000,
        ..RunnerConfig::default()
    };
    let mut key = [0u8; 32];
    for (i, b) in seed().to_le_bytes().iter().cycle().take(32).enumerate() {
        key[i] = b.wrapping_add(i as u8);
    }
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key))
}

/// Runs a property and prints how long it took.
fn run<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let started = Instant::now();
    let result = runner().run(&strategy, test);
    eprintln!(
        "fuzz: {name}: {} cases in {:.2?}",
        CASES * scale(),
        started.elapsed()
    );
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

fn plan_ish_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(ALPHABET).prop_map(String::from),
        1 => prop::sample::select(TOKENS).prop_map(String::from),
        1 => "[a-z ]{1,12}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let insert_text = prop_oneof![
        prop::collection::vec(prop::sample::select(ALPHABET), 1..12)
            .prop_map(|c| c.into_iter().collect()),
        prop::sample::select(TOKENS).prop_map(String::from),
    ];
    prop_oneof![
        (any::<usize>(), 1..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), insert_text).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::Byte { at, value }),
    ]
}

#[test]
fn arbitrary_text_never_panics() {
    let linter = linter();
    run("arbitrary text", any::<String>(), |text| {
        check_text(&linter, "p.md", &text);
        check_text(&linter, "p.yaml", &text);
        Ok(())
    });
}

#[test]
fn plan_ish_text_never_panics() {
    let linter = linter();
    run("plan-ish text", plan_ish_text(), |text| {
        check_text(&linter, "p.md", &text);
        check_text(&linter, "p.plan.yaml", &text);
        // The same text as front matter and as a goal block.
        check_text(&linter, "p.md", &format!("---\n{text}\n---\n"));
        check_text(
            &linter,
            "p.md",
            &format!("---\nowner: J\n---\n## Goal: G\n\n```yaml\n{text}\n```\n"),
        );
        Ok(())
    });
}

#[test]
fn arbitrary_bytes_never_panic() {
    let linter = linter();
    run(
        "arbitrary bytes",
        prop::collection::vec(any::<u8>(), 0..600),
        |bytes| {
            check_bytes(&linter, "p.md", &bytes);
            check_bytes(&linter, "p.yaml", &bytes);
            Ok(())
        },
    );
}

#[test]
fn mutated_plans_never_panic() {
    let linter = linter();
    let seeds = seeds();
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..6));
    run("mutated plans", strategy, |(seed, mutations)| {
        let (path, original) = &seeds[seed];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_bytes(&linter, &name_of(path), &bytes);
        check_history_and_report(&linter, &name_of(path), original, &bytes);
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// xorshift engine.

/// xorshift64*: small, fast, and the same on every platform.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn text(&mut self) -> String {
        if self.below(3) == 0 {
            return TOKENS[self.below(TOKENS.len())].to_string();
        }
        (0..1 + self.below(10))
            .map(|_| ALPHABET[self.below(ALPHABET.len())])
            .collect()
    }

    fn mutation(&mut self) -> Mutation {
        let at = self.next() as usize;
        match self.below(6) {
            0 => Mutation::Delete {
                at,
                len: 1 + self.below(120),
            },
            1 => Mutation::DuplicateLine(at),
            2 => Mutation::Insert {
                at,
                text: self.text(),
            },
            3 => Mutation::SwapLines(at, self.next() as usize),
            // Truncating is drastic: keep it rarer.
            4 if self.below(4) == 0 => Mutation::Truncate(at),
            4 => Mutation::Insert {
                at,
                text: self.text(),
            },
            _ => Mutation::Byte {
                at,
                value: self.next() as u8,
            },
        }
    }
}

#[test]
fn xorshift_mutations_never_panic() {
    let linter = linter();
    let seeds = seeds();
    let mut rng = XorShift(seed() | 1);
    let iterations = ITERATIONS * scale() as usize;
    let started = Instant::now();
    let mut slowest = (Duration::ZERO, 0);
    let (mut seed, mut bytes) = (0, seeds[0].1.clone());
    for i in 0..iterations {
        // Half the time keep mutating the last result, to walk further from valid input.
        if rng.below(2) == 0 || bytes.len() > 64 * 1024 {
            seed = rng.below(seeds.len());
            bytes = seeds[seed].1.clone();
        }
        for _ in 0..1 + rng.below(4) {
            let m = rng.mutation();
            apply(&mut bytes, &m);
        }
        let name = name_of(&seeds[seed].0);
        let one = Instant::now();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            check_bytes(&linter, &name, &bytes);
            check_history_and_report(&linter, &name, &seeds[seed].1, &bytes);
        }));
        if let Err(panic) = outcome {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!(
                "iteration {i}, {name}: {message}\ninput ({} bytes): {:?}",
                bytes.len(),
                String::from_utf8_lossy(&bytes)
            );
        }
        slowest = slowest.max((one.elapsed(), i));
    }
    eprintln!(
        "fuzz: xorshift mutations: {iterations} iterations in {:.2?} (slowest {:.2?} at {})",
        started.elapsed(),
        slowest.0,
        slowest.1
    );
}

/// The mutation helpers themselves do what they say.
#[test]
fn mutations_apply_as_described() {
    let mut b = b"a\nb\nc".to_vec();
    apply(&mut b, &Mutation::SwapLines(0, 1));
    assert_eq!(b, b"b\na\nc");
    apply(&mut b, &Mutation::DuplicateLine(1));
    assert_eq!(b, b"b\na\na\nc");
    apply(&mut b, &Mutation::Delete { at: 1, len: 2 });
    assert_eq!(b, b"b\na\nc");
    apply(
        &mut b,
        &Mutation::Insert {
            at: 0,
            text: "-".into(),
        },
    );
    assert_eq!(b, b"-b\na\nc");
    apply(&mut b, &Mutation::Truncate(3));
    assert_eq!(b, b"-b\n");
    let mut empty = Vec::new();
    for m in [
        Mutation::Delete { at: 5, len: 5 },
        Mutation::DuplicateLine(3),
        Mutation::SwapLines(1, 2),
        Mutation::Truncate(9),
        Mutation::Byte { at: 0, value: 0 },
    ] {
        apply(&mut empty, &m);
    }
    assert!(empty.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Large inputs.

/// Size of the large inputs: an eighth of the 1 MiB limit keeps the test fast in debug builds;
/// the known quadratic risks have tests of their own at a larger size.
const LARGE: usize = 128 * 1024;

/// The most a parse + lint of a [`LARGE`] file may take in a debug build.
const LARGE_TIME_LIMIT: Duration = Duration::from_secs(5);

/// `piece` repeated up to `len` bytes.
fn repeat(piece: &str, len: usize) -> String {
    piece.repeat(len / piece.len())
}

const FM: &str = "---\nowner: J\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n";

/// Shapes that make parsers and rules slow: many goals, long lines, unclosed delimiters.
fn large_shapes() -> Vec<(&'static str, String)> {
    let n = LARGE;
    let goals = |count: usize| {
        (0..count)
            .map(|i| format!("## Goal: g{i}\n"))
            .collect::<String>()
    };
    vec![
        ("same goal", format!("{FM}{}", repeat("## Goal: x\n", n))),
        ("distinct goals", format!("{FM}{}", goals(n / 16))),
        (
            "goals with blocks",
            format!("{FM}{}", repeat("## Goal: x\n```yaml\nid: a\n```\n", n)),
        ),
        (
            "actions",
            format!(
                "{FM}## Goal: x\n### Actions\n{}",
                repeat("- [ ] be tech lead (due 2026-02-30)\n", n)
            ),
        ),
        (
            "check-ins",
            format!(
                "{FM}## Goal: x\n### Check-ins\n{}",
                repeat("- 2026-01-01 [5] x\n", n)
            ),
        ),
        (
            "nested list",
            format!(
                "{FM}## Goal: x\n### Actions\n{}",
                (0..500)
                    .map(|i| format!("{}- [ ] a\n", " ".repeat(i * 2)))
                    .collect::<String>()
            ),
        ),
        ("backticks", format!("{FM}{}", repeat("`", n))),
        ("brackets", format!("{FM}{}", repeat("[", n))),
        ("links", format!("{FM}{}", repeat("[a](", n))),
        ("emphasis", format!("{FM}{}", repeat("*a", n))),
        ("block quotes", format!("{FM}{}", repeat(">", n))),
        ("list markers", format!("{FM}{}", repeat("- ", n))),
        (
            "suppressions",
            format!(
                "{FM}{}",
                repeat("<!-- growth-disable-next-line GR201 -->\n", n)
            ),
        ),
        ("unclosed comments", format!("{FM}{}", repeat("<!--", n))),
        (
            "long title",
            format!("{FM}## Goal: {}\n", repeat("get better at ", n)),
        ),
        (
            "yaml keys",
            (0..n / 10).map(|i| format!("k{i}: v\n")).collect(),
        ),
        (
            "yaml goals",
            format!("owner: J\ngoals:\n{}", repeat("  - title: x\n", n)),
        ),
        (
            "yaml actions",
            format!(
                "owner: J\ngoals:\n  - title: x\n    actions:\n{}",
                repeat("      - be tech lead\n", n)
            ),
        ),
        ("yaml long scalar", format!("owner: {}\n", repeat("a ", n))),
        ("yaml escapes", format!("owner: \"{}\n", repeat("\\\"", n))),
        (
            "yaml anchors",
            (0..900).map(|i| format!("k{i}: &a{i} v\n")).collect(),
        ),
        ("CRLF lines", format!("{FM}{}", repeat("\r\n", n))),
        ("CR only", format!("{FM}{}", repeat("\r", n))),
    ]
}

/// Every shape, read as both forms: parse + lint in bounded time, findings inside the file.
#[test]
fn large_inputs_finish_in_time() {
    let linter = linter();
    let started = Instant::now();
    let mut slow = Vec::new();
    for (shape, text) in large_shapes() {
        for name in ["p.md", "p.yaml"] {
            let one = Instant::now();
            let parsed = plan::parse_str(name, text.as_str());
            let diags = linter.lint(&parsed);
            let took = one.elapsed();
            if took >= LARGE_TIME_LIMIT {
                slow.push(format!(
                    "{shape} as {name}: {} bytes took {took:.2?}",
                    text.len()
                ));
            }
            for d in &diags {
                check_diagnostic(&parsed, d);
            }
        }
    }
    eprintln!(
        "fuzz: large inputs: {} shapes in {:.2?}",
        large_shapes().len(),
        started.elapsed()
    );
    assert!(
        slow.is_empty(),
        "over {LARGE_TIME_LIMIT:?}:\n{}",
        slow.join("\n")
    );
}

/// The YAML reader must not compare each key of a mapping with every earlier one to find
/// duplicates: a plan at the size limit can hold tens of thousands of keys.
#[test]
fn yaml_duplicate_key_check_is_not_quadratic() {
    let keys: String = (0..30_000).map(|i| format!("k{i}: v\n")).collect();
    let started = Instant::now();
    let root = growth::yaml::parse(&keys);
    let took = started.elapsed();
    assert!(root.is_ok(), "{:?}", root.err());
    assert!(took < TIME_LIMIT, "30,000 keys took {took:?}");
}

/// Finding duplicate goal ids (GR005) must not compare every goal with every other: a plan at
/// the size limit can hold 60,000 goal headings (30,000 here).
#[test]
fn duplicate_goal_check_is_not_quadratic() {
    use growth::severity::Level;
    use growth::source::Spanned;
    let mut config = Config::default();
    for rule in growth::lint::registry::RULES {
        let level = if rule.code == "GR005" {
            Level::Error
        } else {
            Level::Off
        };
        config.rules.push((
            Spanned::new(rule.code.to_string(), Span::at(0)),
            Spanned::new(level, Span::at(0)),
        ));
    }
    let linter = Linter::new(&config, None, today()).unwrap();
    let goals: String = (0..30_000).map(|i| format!("## Goal: g{i}\n")).collect();
    let text = format!("{FM}{goals}## Goal: g0\n");
    assert!(text.len() as u64 <= growth::source::MAX_FILE_BYTES);
    let parsed = plan::parse_str("p.md", text);
    let started = Instant::now();
    let diags = linter.lint(&parsed);
    let took = started.elapsed();
    assert_eq!(diags.len(), 1, "the last goal repeats the first");
    assert!(took < TIME_LIMIT, "GR005 on 30,001 goals took {took:?}");
}

// ---------------------------------------------------------------------------------------------
// The text heuristics on long text.

/// A title or measure of many capitalised words ("Word Word Word …"): each word's kind looked
/// at the word before it, recursively, so the cost was quadratic and the recursion as deep as
/// the run of capitalised words.
fn capitalised(words: usize) -> String {
    "Word ".repeat(words)
}

#[test]
fn capitalised_title_lints_in_linear_time() {
    let linter = linter();
    let text = format!("{FM}## Goal: {}\n", capitalised(1_500));
    let started = Instant::now();
    let parsed = plan::parse_str("p.md", text.as_str());
    let diags = linter.lint(&parsed);
    let took = started.elapsed();
    for d in &diags {
        check_diagnostic(&parsed, d);
    }
    assert!(
        took < TIME_LIMIT,
        "a title of 1,500 capitalised words (7.5 KB) took {took:?}"
    );
}

/// Set in the child process of `capitalised_text_does_not_overflow_the_stack`.
const CHILD: &str = "GROWTH_FUZZ_STACK_CHILD";

/// A stack overflow aborts the whole process, so the text heuristics run in a child process (this
/// test binary, filtered to this test) on a thread with a small stack; the parent checks that it
/// exited normally. 10,000 words is about 50 KB: a plan can hold twenty times as many.
#[test]
fn capitalised_text_does_not_overflow_the_stack() {
    if std::env::var_os(CHILD).is_some() {
        let run = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let lexicon = growth::lint::text::Lexicon::new(&[], &[]);
                let text = capitalised(10_000);
                lexicon.vague(&text);
                lexicon.quantified(&text);
                lexicon.outcome(&text);
            })
            .unwrap();
        run.join().unwrap();
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "capitalised_text_does_not_overflow_the_stack",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the child died ({}): {}",
        out.status,
        stderr
            .lines()
            .filter(|l| l.contains("overflow") || l.contains("panicked"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Every finding's line and column are computed from its byte offset; doing that by walking the
/// line from its start makes findings on one long line quadratic. 3,000 unknown keys in a
/// one-line flow mapping is 29 KB; a plan may be 35 times that.
#[test]
fn many_findings_on_one_long_line_lint_in_time() {
    let linter = linter();
    let keys: Vec<String> = (0..3_000).map(|i| format!("k{i}: v")).collect();
    let text = format!("{{{}}}\n", keys.join(", "));
    let started = Instant::now();
    let parsed = plan::parse_str("p.yaml", text.as_str());
    let diags = linter.lint(&parsed);
    let took = started.elapsed();
    assert_eq!(diags.iter().filter(|d| d.code == "GR002").count(), 3_000);
    let last = diags
        .iter()
        .filter(|d| d.code == "GR002")
        .max_by_key(|d| d.start)
        .unwrap();
    assert_eq!(
        (last.start.line, last.start.column),
        (1, text.rfind("k2999").unwrap() + 1)
    );
    assert!(
        took < TIME_LIMIT,
        "3,000 findings on one line of {} bytes took {took:?}",
        text.len()
    );
}

/// The human format hands each finding's lines to the snippet renderer, which measures every
/// character it is given: the whole of a long line for each finding was quadratic again (4,000
/// goals in a one-line YAML plan took 37 s in a release build; 1,000 took 2.9 s). Long lines are shown as a window around the
/// finding, and the location line still gives the true column.
#[test]
fn many_findings_on_one_long_line_render_in_time() {
    let linter = linter();
    let goals: Vec<String> = (0..1_000)
        .map(|i| format!("{{id: g{i}, title: ok, kind: development}}"))
        .collect();
    let text = format!(
        "period: {{start: 2026-01-01, end: 2026-06-30}}\ngoals: [{}]\n",
        goals.join(", ")
    );
    let parsed = plan::parse_str("p.yaml", text.as_str());
    let diags = linter.lint(&parsed);
    let started = Instant::now();
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    for d in &diags {
        summary.count(d.severity);
    }
    let report = LintReport {
        diagnostics: &diags,
        files: std::slice::from_ref(&parsed.file),
        summary,
        statistics: false,
        color: false,
        fail_on: Severity::Error,
    };
    let mut out = Vec::new();
    render::write_lint(Format::Human, &report, &mut out).unwrap();
    let took = started.elapsed();
    let out = String::from_utf8(out).unwrap();
    assert!(
        took < TIME_LIMIT,
        "{} findings on one line took {took:?}",
        diags.len()
    );
    // GR102 points at the goal's title.
    let column = text
        .lines()
        .nth(1)
        .unwrap()
        .find("g999, title: ok")
        .unwrap()
        + 14;
    let finding = out
        .split("\n\n")
        .find(|f| f.contains("error[GR102]: the goal `g999` has no actions"))
        .expect("g999's GR102");
    assert!(
        finding.contains(&format!(" --> p.yaml:2:{column}\n")),
        "{finding}"
    );
    let shown = finding.lines().find(|l| l.starts_with("2 | ")).unwrap();
    assert!(shown.starts_with("2 | …"), "{shown}");
    assert!(shown.chars().count() < 250, "{shown}");
}

/// The history diff pairs goals, actions and check-ins through maps: nested matching made
/// 60,000 changed actions take 17 s and 6,000 goals with half of them renamed 15 s. Here
/// 3,000 goals of 10 actions each, every action ticked and half the goals retitled (with the
/// `id` kept, so they pair as the same goal), both ways.
#[test]
fn history_diff_of_many_changes_is_not_quadratic() {
    let version = |ticked: bool| {
        let mut text = FM.to_string();
        for g in 0..3_000 {
            let title = match (ticked, g % 2) {
                (true, 0) => format!("Renamed goal {g}"),
                _ => format!("Goal {g}"),
            };
            text += &format!("## Goal: {title}\n\n```yaml\nid: g{g}\n```\n\n### Actions\n");
            for a in 0..10 {
                let mark = if ticked { "x" } else { " " };
                text += &format!("- [{mark}] Action {g}-{a}\n");
            }
        }
        text
    };
    let (old, new) = (version(false), version(true));
    assert!(new.len() as u64 <= growth::source::MAX_FILE_BYTES);
    let (old, new) = (plan::parse_str("p.md", old), plan::parse_str("p.md", new));
    let (old, new) = (old.plan.unwrap(), new.plan.unwrap());
    let started = Instant::now();
    let events = diff::diff(&old, &new);
    let back = diff::diff(&new, &old);
    let took = started.elapsed();
    let count = |events: &[(Option<String>, EventKind)], kind: &str| {
        events
            .iter()
            .filter(|(_, e)| format!("{e:?}").starts_with(kind))
            .count()
    };
    assert_eq!(count(&events, "ActionChecked"), 30_000);
    assert_eq!(count(&back, "ActionUnchecked"), 30_000);
    assert_eq!(
        count(&events, "GoalAdded") + count(&events, "GoalRemoved"),
        0
    );
    assert!(
        took < TIME_LIMIT,
        "two diffs of 30,000 actions took {took:?}"
    );
}
