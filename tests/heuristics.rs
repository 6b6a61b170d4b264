//! Precision and recall of the text heuristics (`src/lint/text.rs`) per rule, on
//! the labelled corpus (`tests/corpus/statements.yaml`: even indices for
//! development, odd indices held out, and all) and on fresh statements written
//! after the heuristics, in four batches, each scored before the word lists were
//! changed for it. The positive class is "the rule fires": vague for GR201, not
//! quantified for GR203, outcome for GR302.
//!
//! The corpus split is weak evidence: the corpus comes in "instead of … / try …"
//! pairs, and its labelling conventions were read whole before the heuristics were
//! written. The fresh batches' "before" scores are the better estimate on unseen text.
//!
//! `cargo test --test heuristics -- --nocapture` prints the tables and every
//! misclassified statement.

use growth::lint::text::Lexicon;

#[derive(serde::Deserialize)]
struct Entry {
    kind: String,
    text: String,
    vague: Option<bool>,
    quantified: Option<bool>,
    outcome: Option<bool>,
    /// `dev` or `held-out` (real.yaml only).
    split: Option<String>,
}

/// One rule: which kinds it reads, the label saying it should fire, and the heuristic.
struct Rule {
    name: &'static str,
    kinds: &'static [&'static str],
    expected: fn(&Entry) -> Option<bool>,
    fires: fn(&Lexicon, &str) -> bool,
}

const RULES: [Rule; 3] = [
    Rule {
        name: "GR201 vague-goal",
        kinds: &["title", "measure"],
        expected: |e| e.vague,
        fires: |l, t| l.vague(t).is_some(),
    },
    Rule {
        name: "GR203 unquantified-measure",
        kinds: &["measure"],
        // Fires when neither quantified nor a pass/fail end state that is not vague.
        expected: |e| Some(!e.quantified? && e.vague?),
        fires: |l, t| !l.checkable(t),
    },
    Rule {
        name: "GR302 outcome-as-action",
        kinds: &["action"],
        expected: |e| e.outcome,
        fires: |l, t| l.outcome(t).is_some(),
    },
];

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn load_corpus() -> Vec<Entry> {
    load("statements.yaml")
}

fn load(file: &str) -> Vec<Entry> {
    let path = format!("{}/tests/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("read the corpus");
    let node = growth::yaml::parse(&text).expect("parse the corpus");
    serde_json::from_value::<Vec<Entry>>(node.to_json()).expect("read the corpus")
}

/// Scores `rule` on `entries`; pushes the misclassified ones onto `misses`.
fn score(rule: &Rule, lexicon: &Lexicon, entries: &[Entry], misses: &mut Vec<String>) -> Score {
    let mut s = Score::default();
    for e in entries
        .iter()
        .filter(|e| rule.kinds.contains(&e.kind.as_str()))
    {
        let Some(expected) = (rule.expected)(e) else {
            continue;
        };
        match (expected, (rule.fires)(lexicon, &e.text)) {
            (true, true) => s.tp += 1,
            (false, false) => s.tn += 1,
            (false, true) => {
                s.fp += 1;
                misses.push(format!("    false alarm  {:<7} {}", e.kind, e.text));
            }
            (true, false) => {
                s.fn_ += 1;
                misses.push(format!("    missed       {:<7} {}", e.kind, e.text));
            }
        }
    }
    s
}

/// The table for every rule and split, the misclassified statements of the last
/// split (the union of the others), and the rules below 0.90 on that last split.
fn table(lexicon: &Lexicon, splits: &[(&str, &[Entry])]) -> (String, Vec<String>) {
    let (out, scores) = table_of(lexicon, splits, splits.len() - 1);
    let failures = scores
        .iter()
        .filter(|(_, p, r)| *p < 0.90 || *r < 0.90)
        .map(|(name, p, r)| format!("{name}: precision {p:.3}, recall {r:.3}"))
        .collect();
    (out, failures)
}

/// The table for every rule and split, the misclassified statements of split
/// `show` only, and each rule's precision and recall on the last split.
fn table_of(
    lexicon: &Lexicon,
    splits: &[(&str, &[Entry])],
    show: usize,
) -> (String, Vec<(&'static str, f64, f64)>) {
    let mut out = format!(
        "{:<28} {:<15} {:>4} {:>4} {:>4} {:>4} {:>10} {:>7}\n",
        "rule", "split", "TP", "FP", "FN", "TN", "precision", "recall"
    );
    let mut scores = Vec::new();
    for rule in &RULES {
        let mut shown = Vec::new();
        for (n, (split, entries)) in splits.iter().enumerate() {
            let mut misses = Vec::new();
            let s = score(rule, lexicon, entries, &mut misses);
            let (p, r) = (s.precision(), s.recall());
            out += &format!(
                "{:<28} {:<15} {:>4} {:>4} {:>4} {:>4} {:>10.3} {:>7.3}\n",
                rule.name, split, s.tp, s.fp, s.fn_, s.tn, p, r
            );
            if n + 1 == splits.len() {
                scores.push((rule.name, p, r));
            }
            if n == show {
                shown = misses;
            }
        }
        for m in &shown {
            out += &format!("{m}\n");
        }
    }
    (out, scores)
}

#[test]
fn corpus_meets_precision_and_recall() {
    let corpus = load_corpus();
    assert!(
        corpus.len() > 250,
        "the corpus has {} entries",
        corpus.len()
    );
    let half = |parity: usize| -> Vec<Entry> {
        load_corpus()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == parity)
            .map(|(_, e)| e)
            .collect()
    };
    let (even, odd) = (half(0), half(1));
    let splits: [(&str, &[Entry]); 3] = [
        ("dev (even)", &even),
        ("held-out (odd)", &odd),
        ("all", &corpus),
    ];
    let (report, failures) = table(&Lexicon::default(), &splits);
    println!("\ncorpus: {} statements\n{report}", corpus.len());
    assert!(failures.is_empty(), "below 0.90: {failures:#?}");
}

/// Real statements (`tests/corpus/real.yaml`), split by source. Tuning looks at the
/// dev misses only, so the table lists those and never the held-out ones: set
/// `GROWTH_SHOW_HELD_OUT=1` to see them once tuning is over.
fn real_splits() -> (Vec<Entry>, Vec<Entry>, Vec<Entry>) {
    let all = load("real.yaml");
    let half = |name: &str| -> Vec<Entry> {
        load("real.yaml")
            .into_iter()
            .filter(|e| e.split.as_deref() == Some(name))
            .collect()
    };
    (half("dev"), half("held-out"), all)
}

/// Held-out precision and recall per rule as measured when tuning on dev ended
/// (baseline: GR201 1.000/0.460, GR203 1.000/0.933, GR302 1.000/0.000); the test
/// fails when a change drops either by more than `MARGIN`. GR302 has only 5 held-out
/// positives, so its recall moves in steps of 0.2.
///
/// GR203 changed meaning (issue 10): a pass/fail end state that is not vague is a measure, so
/// its positives are the measures that are neither quantified nor such an end state, read
/// from the labels as `!quantified && vague`. Its floor is the held-out score under that
/// definition, measured once after tuning on dev (7 held-out positives; was 15).
///
/// Raised after tuning on the second dev batch (sources 31-50): GR201 0.620 → 0.660 recall;
/// GR203 precision 0.750 → 1.000.
///
/// GR302 precision lowered 1.000 → 0.500 (2026-12-03): end states as actions ("Understand
/// the team's scope", "Develop strong debugging skills", "Your posts are cited by others")
/// raise one false alarm on held-out, which has only 5 positives. A fourth batch of 171
/// actions (29 positives) scored once on arrival decided it: recall 0.069 → 0.310 with no
/// false alarm on its 142 negatives.
const HELD_OUT_FLOOR: [(&str, f64, f64); 3] = [
    ("GR201 vague-goal", 1.000, 0.660),
    ("GR203 unquantified-measure", 1.000, 0.857),
    ("GR302 outcome-as-action", 0.500, 0.200),
];
const MARGIN: f64 = 0.02;

#[test]
fn real_statements_do_not_regress_on_held_out() {
    let (dev, held_out, all) = real_splits();
    assert!(all.len() >= 400, "real.yaml has {} entries", all.len());
    assert_eq!(
        dev.len() + held_out.len(),
        all.len(),
        "every entry has a split"
    );
    let splits: [(&str, &[Entry]); 3] = [("dev", &dev), ("held-out", &held_out), ("all", &all)];
    let show = if std::env::var_os("GROWTH_SHOW_HELD_OUT").is_some() {
        1
    } else {
        0
    };
    let (report, _) = table_of(&Lexicon::default(), &splits, show);
    // The last split is "all"; score held-out on its own for the floor.
    let (_, held) = table_of(&Lexicon::default(), &splits[1..2], usize::MAX);
    println!(
        "\nreal statements: {} ({} dev, {} held-out); misses listed: {}\n{report}",
        all.len(),
        dev.len(),
        held_out.len(),
        splits[show].0
    );
    for ((name, p, r), (floor_name, fp, fr)) in held.iter().zip(HELD_OUT_FLOOR) {
        assert_eq!(*name, floor_name);
        assert!(
            *p >= fp - MARGIN && *r >= fr - MARGIN,
            "{name} on held-out: precision {p:.3} (floor {fp:.3}), recall {r:.3} (floor {fr:.3})"
        );
    }
}

// Fresh statements, labelled in the corpus's conventions: `kind | labels | text`, one a
// line; the labels that are true ("vague", "quantified", "outcome"), or "-" (the kind's
// other labels are false). Each batch was scored before the word lists were changed for
// it: the "before" figures are that first score, the honest estimate on unseen text.

/// Batch 1. Before: GR201 P 0.958 R 0.920, GR203 P 1 R 1, GR302 P 1 R 0.846.
/// Then added: "sense", "present", "agrees I'm", "make the shortlist", "achieve … level".
const BATCH_1: &str = "
title   | vague            | Get more comfortable with Terraform
title   | -                | Write the Terraform module for our VPCs and get it merged
title   | vague            | Improve onboarding docs
title   | -                | Improve onboarding docs so that a new hire can set up their laptop without asking for help
title   | vague            | Strengthen my stakeholder management
title   | -                | Reduce flaky tests in the integration suite from 30 to under 5
title   | vague            | Be a better listener
title   | vague            | Focus on quality
title   | -                | Migrate the billing jobs from cron to Temporal
title   | vague            | Learn Go by the end of the year
title   | vague            | Develop my product sense
title   | vague            | Build stronger relationships with the design team
title   | -                | Increase unit test coverage for the auth service to 85%
title   | -                | Explore event sourcing and present a recommendation to the architecture guild
title   | vague            | Upskill in data engineering
title   | vague            | Be a more effective communicator
title   | -                | Own the release process and cut a release every two weeks
title   | vague            | Become more involved in open source
title   | -                | Contribute three merged PRs to the tokio project
title   | vague            | Work on the search relevance project
title   | vague            | Deepen my knowledge of security
title   | -                | Run the team's first chaos engineering game day in Q2
title   | vague            | Get better at saying no
title   | -                | Understand how our pricing works well enough to answer customer questions on my own
title   | vague            | Keep learning new technologies
measure | vague            | The team ships faster
measure | quantified       | Lead time for changes drops from 5 days to 2 days
measure | vague            | Customers are happier with support
measure | quantified       | CSAT for my tickets is 4.5 or higher for the quarter
measure | vague            | My manager agrees I'm ready for promotion
measure | quantified       | I run the weekly planning meeting without my manager present
measure | quantified       | The Kubernetes 1.30 upgrade is done in every cluster
measure | -                | Kubernetes 1.30 upgrade is done
measure | vague            | Fewer bugs reported
measure | quantified       | Bug reports against my features halve by H2
measure | vague            | Better documentation
measure | -                | Runbook reviewed and signed off by the SRE lead
measure | vague            | More people attend the guild
measure | quantified       | Guild attendance averages 15 people per session
measure | vague            | I feel ready to lead a project
measure | vague            | Handle on-call well
measure | vague            | Some improvement in code review turnaround
measure | vague            | I give feedback regularly
measure | quantified       | Page load under 2 seconds on 3G for 90% of sessions
measure | -                | Complete the AWS Solutions Architect certification
action  | outcome          | Get my PR approved by the platform team
action  | outcome          | Get sign-off from the security team on the threat model
action  | -                | Get the on-call handbook reviewed by two SREs
action  | outcome          | Be appointed as release manager
action  | -                | Be the scribe for the incident review
action  | outcome          | Become an AWS certified architect
action  | -                | Receive feedback from my skip-level
action  | -                | Earn the AWS Solutions Architect certification
action  | outcome          | Win over the sceptical stakeholders
action  | outcome          | Be given a bigger scope
action  | -                | Schedule a promotion conversation with my manager
action  | -                | Land the new retry logic in production
action  | -                | Secure the S3 buckets with bucket policies
action  | -                | Be on call for the payments service in March
action  | -                | Gain experience with Kafka by building a consumer
action  | outcome          | Get accepted into the Rust mentorship programme
action  | outcome          | Make the shortlist for the conference
action  | outcome          | Achieve staff level by next year
action  | outcome          | Be respected as a senior voice on the team
action  | -                | Attend the leadership offsite
action  | outcome          | Be invited to speak at KubeCon
action  | outcome          | Be promoted
action  | -                | Present the roadmap at the all-hands
action  | outcome          | Become the owner of the deploy pipeline
";

/// Batch 2. Before: GR201 P 1 R 0.813, GR203 P 1 R 1, GR302 P 1 R 0.700.
/// Then added: "sharpen", verdicts ("good", "positive"), "put forward", "mentioned", "slot".
const BATCH_2: &str = "
title   | vague            | Get comfortable giving feedback
title   | -                | Strengthen our incident process by writing a runbook for each of the 6 critical alerts
title   | vague            | Be more organised
title   | -                | Publish a monthly newsletter for the platform team
title   | vague            | Learn the basics of Terraform
title   | vague            | Help the team grow
title   | vague            | Take on more responsibility
title   | vague            | Increase my visibility with senior leadership
title   | -                | Speak at two external conferences this year
title   | -                | Cut cloud spend for the analytics cluster by 20%
title   | -                | Improve the reliability of the checkout service to 99.95% uptime
title   | vague            | Grow into a senior role
title   | -                | Build a mentoring programme for new graduates
title   | vague            | Sharpen my SQL skills
title   | vague            | Practise more mindfulness
measure | quantified       | Fewer than 2 customer escalations per month
measure | vague            | Stakeholders are satisfied with the roadmap
measure | quantified       | On-call handover notes written after every shift
measure | vague            | My code is cleaner
measure | -                | Design docs are approved on first review
measure | vague            | Team velocity is more predictable
measure | quantified       | Reviews turned around within 24 hours
measure | vague            | I know the codebase better
measure | quantified       | Coverage is at least 80% on new code
measure | vague            | Increased confidence when presenting
measure | vague            | A good relationship with the data team
measure | vague            | Manager feedback is positive
action  | outcome          | Be put forward for the staff promotion
action  | outcome          | Get buy-in from the architects for the new API style
action  | -                | Ask the architects for feedback on the new API style
action  | outcome          | Become the tech lead for the payments squad
action  | outcome          | Be mentioned in the quarterly all-hands
action  | outcome          | Get nominated for the engineering excellence award
action  | -                | Host the next brown-bag session
action  | -                | Be the first responder for alerts this week
action  | outcome          | Be hired by Stripe
action  | outcome          | Gain the trust of the ops team by fixing their top three tickets
action  | outcome          | Earn my first conference talk slot
action  | outcome          | Get picked for the hackathon jury
action  | -                | Review the promotion rubric with my manager
action  | outcome          | Be selected
";

/// Batch 3. Before: GR201 P 1 R 0.833, GR203 P 0.833 R 1, GR302 P 1 R 0.909.
/// Then added: "know", "involved", "everyone", and "be" + any regular participle (a passive).
const BATCH_3: &str = "
title   | -                | Reduce the p99 latency of the search API below 300ms
title   | vague            | Make on-call less stressful
title   | -                | Automate the quarterly access review
title   | -                | Get the team to adopt trunk-based development
title   | vague            | Write more unit tests
title   | -                | Improve my German to B2 level and pass the Goethe exam
title   | vague            | Support the juniors better
title   | -                | Set up a weekly office hour for the data platform
title   | vague            | Grow as an engineer
title   | -                | Lead the Q4 planning for the mobile team
title   | vague            | Be a stronger advocate for accessibility
title   | -                | Deliver the GDPR export feature before the legal deadline
title   | vague            | Know the billing system inside out
title   | -                | Document every public endpoint of the payments API
title   | vague            | Take more initiative in planning
measure | vague            | Fewer escalations from the support team
measure | quantified       | Zero open critical vulnerabilities at the end of each month
measure | quantified       | Everyone on the team can run a release
measure | quantified       | Release notes go out the same day as each release
measure | vague            | I am more comfortable with Rust
measure | vague            | The roadmap is clear to stakeholders
measure | quantified       | Incident MTTR under 1 hour for SEV2s
measure | vague            | Good test coverage
measure | quantified       | Stakeholders receive a written update by 5pm every Friday
measure | quantified       | The service handles 2x the current peak load
measure | vague            | My presentations are well received
measure | quantified       | Onboarding time for new engineers drops to two weeks
action  | outcome          | Get promoted to principal
action  | outcome          | Become a certified scrum master
action  | -                | Get certified as a scrum master
action  | outcome          | Be considered for the tech lead role
action  | outcome          | Be involved in hiring decisions
action  | -                | Sign up for the interview training
action  | -                | Be the point of contact for the Kafka upgrade
action  | outcome          | Get the team's approval for the new on-call rota
action  | outcome          | Attain the senior title
action  | outcome          | Be seen by leadership as a reliable owner
action  | outcome          | Get a seat at the architecture table
action  | -                | Propose myself as tech lead for the rewrite
action  | outcome          | Be elected to the works council
action  | -                | Achieve 90% coverage on the parser
action  | -                | Land the Kafka upgrade before the freeze
action  | outcome          | Receive my manager's sign-off on the promotion packet
action  | -                | Make a list of the three things blocking promotion
action  | outcome          | Be better at estimating
";

/// Batch 4. Before: GR201 P 0.923 R 0.800, GR203 P 1 R 1, GR302 P 1 R 0.909.
/// Then added: "enough … to" apart, "trust(s)", "notice", "brand", "merged".
const BATCH_4: &str = "
title   | -                | Improve the signup conversion rate from 3% to 4.5%
title   | -                | Learn enough Python to automate the weekly finance export
title   | vague            | Work on better documentation
title   | vague            | Become a better public speaker
title   | -                | Ship the offline mode for the Android app
title   | vague            | Improve developer experience
title   | vague            | Increase NPS
title   | -                | Run a monthly architecture clinic for the product teams
title   | vague            | Get more involved in hiring
title   | -                | Understand the cost model of our AWS bill and cut it by 15%
title   | vague            | Explore moving the CI to GitHub Actions
title   | -                | Mentor a junior until they can run the deploy on their own
title   | vague            | Be more strategic about my time
title   | -                | Lead the migration of 40 services to the new logging stack
title   | vague            | Build my personal brand
title   | vague            | Gain confidence in SQL
title   | -                | Grow the newsletter to 2,000 subscribers
title   | -                | Develop the billing export API
measure | quantified       | Conversion rate rises from 3% to 4.5% by September
measure | vague            | The team trusts my estimates
measure | quantified       | I can explain our architecture to a new hire in under 30 minutes
measure | vague            | Fewer meetings
measure | quantified       | Every service has an owner listed in the catalogue
measure | vague            | My manager is satisfied
measure | quantified       | Stakeholders get a clear weekly update
measure | vague            | Customers notice the improvement
measure | vague            | The backlog is smaller
measure | quantified       | Build time is below 5 minutes on 95% of runs
measure | vague            | I feel less stressed on call
measure | quantified       | Python 3.12 in production for all services
measure | -                | Python 3.12 in production
action  | outcome          | Be promoted to engineering manager
action  | outcome          | Get approval to hire a contractor
action  | -                | Request a budget for the team offsite
action  | outcome          | Be trusted to run releases alone
action  | -                | Be prepared for the promotion interview
action  | outcome          | Get selected for the speaker programme
action  | -                | Write a blog post every month
action  | outcome          | Be known for clean code
action  | outcome          | Earn the team's trust by delivering the migration on time
action  | outcome          | Get my first PR merged
action  | outcome          | Become a member of the security guild
action  | outcome          | Be mentored by a staff engineer
action  | -                | Set up a recurring 1:1 with my skip-level
action  | -                | Lead the next incident review
action  | outcome          | Be assigned the on-call lead role
action  | outcome          | Receive the Q3 bonus
action  | -                | Get started on the Kubernetes course
";

fn entries(batch: &str) -> Vec<Entry> {
    let entry = |line: &str| {
        let mut parts = line.splitn(3, '|').map(str::trim);
        let (kind, labels, text) = (parts.next()?, parts.next()?, parts.next()?);
        let label = |name: &str| labels.split_whitespace().any(|l| l == name);
        Some(Entry {
            split: None,
            kind: kind.to_string(),
            text: text.to_string(),
            vague: (kind != "action").then(|| label("vague")),
            quantified: (kind == "measure").then(|| label("quantified")),
            outcome: (kind == "action").then(|| label("outcome")),
        })
    };
    batch.lines().filter_map(entry).collect()
}

#[test]
fn fresh_statements_meet_precision_and_recall() {
    let batches = [
        ("batch 1", entries(BATCH_1)),
        ("batch 2", entries(BATCH_2)),
        ("batch 3", entries(BATCH_3)),
        ("batch 4", entries(BATCH_4)),
    ];
    let all = entries(&[BATCH_1, BATCH_2, BATCH_3, BATCH_4].concat());
    let splits: Vec<(&str, &[Entry])> = batches
        .iter()
        .map(|(n, e)| (*n, e.as_slice()))
        .chain([("all fresh", all.as_slice())])
        .collect();
    let (report, failures) = table(&Lexicon::default(), &splits);
    println!("\nfresh statements (not in the corpus)\n{report}");
    assert!(failures.is_empty(), "below 0.90: {failures:#?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Plans are user input: the heuristics must not panic on any text.
    #[test]
    fn any_text_is_handled(
        text in "\\PC{0,80}",
        words in proptest::collection::vec("[a-zA-Z0-9%:.,'’€-]{0,12}", 0..12),
    ) {
        let lexicon = Lexicon::new(&["touch base".into(), String::new()], &[",".into()]);
        for t in [text, words.join(" ")] {
            let _ = (lexicon.vague(&t), lexicon.quantified(&t), lexicon.outcome(&t));
        }
    }
}
