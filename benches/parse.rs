//! Parsing and linting cost per plan (spec §7, issue: "a 5 KB plan costs tens of
//! microseconds"). The inputs are the shipped example plans, Markdown and YAML.
//!
//!     cargo bench --bench parse

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use growth::config::Config;
use growth::lint::Linter;
use growth::plan;

fn example(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn bench(c: &mut Criterion) {
    let inputs = [
        (
            "markdown",
            "plan.md",
            example("examples/team/plans/jane-doe/2026-h2.md"),
        ),
        (
            "yaml",
            "plan.plan.yaml",
            example("examples/team/plans/raj-patel/2026.plan.yaml"),
        ),
    ];
    let linter = Linter::new(
        &Config::default(),
        None,
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
    .unwrap();
    let mut group = c.benchmark_group("plan");
    for (name, path, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("parse/{name} ({} bytes)", text.len()), |b| {
            b.iter(|| plan::parse_str(black_box(path), black_box(text.as_str())))
        });
        let parsed = plan::parse_str(path, text.as_str());
        group.bench_function(format!("lint/{name} (rules only)"), |b| {
            b.iter(|| linter.lint(black_box(&parsed)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
