//! Scoring at 1,000,000 deals: reading the win-probability rows (a row per closed deal and open
//! stage passed, sampled down to `ScoringSettings::max_win_rows`), fitting win probability with
//! argmin L-BFGS, scoring every open deal with its top contributions, and the whole
//! `Job::Scores` (both models' rows, both fits, every score) as the worker runs it.
//!
//! `cargo bench --bench scoring`. Uses the database `cargo bench --bench customers` generates
//! in `target/bench-data/` (made here if missing). scikit-learn's time on the same design
//! (written by `salesdesk report scoring --export-design`) is in BENCHMARKS.md.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::scoring::{ScoringSettings, score_all, train};
use salesdesk::db::{self, scoring_rows};

#[allow(dead_code)]
mod common;

use common::as_of;

fn scoring(c: &mut Criterion) {
    let path = common::big_db();
    let conn = db::open(&path).unwrap().conn;
    let settings = ScoringSettings::default();
    let started = Instant::now();
    let win = scoring_rows::win_rows(&conn, as_of(), settings.max_win_rows).unwrap();
    eprintln!(
        "read {} training rows ({:?} Won/Lost deals) and {} open deals in {:.2}s",
        win.training.labels.len(),
        win.training.examples,
        win.ids.len(),
        started.elapsed().as_secs_f64()
    );
    let all = scoring_rows::win_rows(&conn, as_of(), usize::MAX).unwrap();
    eprintln!(
        "without the cap there would be {} training rows",
        all.training.labels.len()
    );
    drop(all);
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
    group.bench_function("read the win-probability rows from SQLite", |b| {
        b.iter(|| scoring_rows::win_rows(&conn, as_of(), settings.max_win_rows).unwrap())
    });
    group.bench_function(
        "Job::Scores: both models' rows, both fits, every score",
        |b| {
            b.iter(|| {
                let win = scoring_rows::win_rows(&conn, as_of(), settings.max_win_rows).unwrap();
                let propensity = scoring_rows::propensity_rows(&conn, as_of()).unwrap();
                score_all(&win, &propensity, &settings)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
