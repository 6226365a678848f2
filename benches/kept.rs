//! The desk's analyses at 1,000,000 deals as the worker answers them (issue 21): cold (nothing
//! kept, so computed and kept) and warm (the book unchanged, answered from the kept store); and
//! one changed deal scored with the fitted model instead of a refit.
//!
//! `cargo bench --bench kept`. Works on a copy of the database `cargo bench --bench customers`
//! generates in `target/bench-data/` (made here if missing), since it writes kept results.

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::forecast::ForecastOptions;
use salesdesk::analytics::pipeline::PeriodKind;
use salesdesk::analytics::scoring::ScoringSettings;
use salesdesk::db::board::BoardFilter;
use salesdesk::db::{self, cache};
use salesdesk::worker::{Job, Output, Request, execute};

#[allow(dead_code)]
mod common;

use common::as_of;

/// The heavy jobs the desk asks for on opening the board, the Tiers and the Forecast screens.
fn analyses() -> Vec<(&'static str, Job)> {
    vec![
        (
            "scores",
            Job::Scores {
                as_of: as_of(),
                settings: ScoringSettings::default(),
            },
        ),
        (
            "KPIs",
            Job::Kpis {
                kind: PeriodKind::Trailing12Months,
                as_of: as_of(),
                pipeline: Some(1),
            },
        ),
        (
            "board totals",
            Job::BoardTotals {
                filter: BoardFilter {
                    pipeline_id: Some(1),
                    ..BoardFilter::default()
                },
                period: (as_of() - chrono::Days::new(90), as_of()),
            },
        ),
        ("customer index", Job::CustomerIndex { as_of: as_of() }),
        ("tiers", Job::Tiers { as_of: as_of() }),
        (
            "forecast",
            Job::Forecast {
                as_of: as_of(),
                options: ForecastOptions::default(),
            },
        ),
    ]
}

fn kept(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.db");
    std::fs::copy(common::big_db(), &path).unwrap();
    let mut conn = db::open(&path).unwrap().conn;
    let run = |conn: &mut rusqlite::Connection, job: &Job| {
        execute(
            conn,
            Request {
                generation: 1,
                job: job.clone(),
            },
        )
    };
    let mut group = c.benchmark_group("kept analyses (1,000,000 deals)");
    group.sample_size(10);
    for (name, job) in analyses() {
        group.bench_function(format!("{name}: cold (computed and kept)"), |b| {
            b.iter(|| {
                cache::forget_all(&conn).unwrap();
                run(&mut conn, &job)
            })
        });
        run(&mut conn, &job);
        group.bench_function(format!("{name}: warm (book unchanged)"), |b| {
            b.iter(|| {
                let reply = run(&mut conn, &job);
                assert!(reply.computed_at.is_some(), "{name} was not kept");
                reply
            })
        });
    }
    let Output::Scores(Ok(set)) = run(&mut conn, &analyses()[0].1).output else {
        panic!("no scores");
    };
    let model = Box::new(set.win.model.clone().unwrap());
    let deal = set.win.scores[set.win.scores.len() / 2].0;
    group.bench_function("one changed deal scored with the fitted model", |b| {
        b.iter(|| {
            run(
                &mut conn,
                &Job::ScoreDeals {
                    as_of: as_of(),
                    ids: vec![deal],
                    model: model.clone(),
                    fit: 1,
                },
            )
        })
    });
    group.finish();
}

criterion_group!(benches, kept);
criterion_main!(benches);
