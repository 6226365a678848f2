//! Scoring at 1,000,000 deals: fitting win probability on the closed deals (≈ 30 design
//! columns) with argmin L-BFGS, and scoring every open deal with its top contributions.
//!
//! `cargo bench --bench scoring`. Uses the database `cargo bench --bench customers` generates
//! in `target/bench-data/` (made here if missing). Reading the rows from SQLite is timed once and
//! printed, not benchmarked. scikit-learn's time on the same design (written by `salesdesk
//! report scoring --export-design`) is in BENCHMARKS.md.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::scoring::{ScoringSettings, train};
use salesdesk::db::{self, scoring_rows};

#[allow(dead_code)]
mod common;

use common::as_of;

fn scoring(c: &mut Criterion) {
    let path = common::big_db();
    let conn = db::open(&path).unwrap().conn;
    let started = Instant::now();
    let settings = ScoringSettings::default();
    let win = scoring_rows::win_rows(&conn, as_of(), settings.max_win_rows).unwrap();
    eprintln!(
        "read {} closed and {} open deals in {:.2}s",
        win.training.labels.len(),
        win.ids.len(),
        started.elapsed().as_secs_f64()
    );
    let model = train(&win.training, &settings).unwrap();
    eprintln!(
        "{} rows × {} columns, {} iterations, converged: {}, holdout AUC {:?}",
        model.train_rows,
        model.spec.width(),
        model.fit.iterations,
        model.fit.converged,
        model.holdout_metrics.as_ref().and_then(|m| m.auc)
    );
    let mut group = c.benchmark_group("scoring (1,000,000 deals)");
    group.sample_size(10);
    group.bench_function(
        "fit win probability: design, L-BFGS, train and holdout metrics",
        |b| b.iter(|| train(&win.training, &settings).unwrap()),
    );
    group.bench_function("score every open deal with its top 3 contributions", |b| {
        b.iter(|| model.score(&win.current))
    });
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
