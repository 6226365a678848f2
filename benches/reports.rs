//! The cold paths of `salesdesk report pipeline`, `report tiers` (as text) and `report scoring` at
//! 1,000,000 deals: everything each report reads and computes from an open connection, as the
//! command runs it, without printing (issue 21).
//!
//! `cargo bench --bench reports`. Uses the database `cargo bench --bench customers` generates
//! in `target/bench-data/` (made here if missing). Whole-command figures are in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::pipeline::{PeriodKind, pipeline_report};
use salesdesk::analytics::scoring::{ScoringReport, ScoringSettings, score_all};
use salesdesk::db::{self, pipeline_facts, scoring_rows, tiers};

#[allow(dead_code)]
mod common;

use common::as_of;

fn reports(c: &mut Criterion) {
    let path = common::big_db();
    let conn = db::open(&path).unwrap().conn;
    let settings = ScoringSettings::default();
    let mut group = c.benchmark_group("report cold paths (1,000,000 deals)");
    group.sample_size(10);
    group.bench_function("report pipeline: read the facts, every KPI", |b| {
        b.iter(|| {
            let facts = pipeline_facts::load_facts(&conn).unwrap();
            pipeline_report(&facts, PeriodKind::Trailing12Months, as_of())
        })
    });
    group.bench_function("report tiers: values, tiers and segments", |b| {
        b.iter(|| tiers::values(&conn, as_of()).unwrap())
    });
    group.bench_function("report scoring: both models' rows, fits and report", |b| {
        b.iter(|| {
            let win = scoring_rows::win_rows(&conn, as_of(), settings.max_win_rows).unwrap();
            let propensity = scoring_rows::propensity_rows(&conn, as_of()).unwrap();
            let set = score_all(&win, &propensity, &settings);
            ScoringReport::new(as_of(), &set, &win, &propensity)
                .win_probability
                .positives
        })
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
