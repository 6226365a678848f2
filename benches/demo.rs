//! Demo data generation into a fresh file database per iteration: at a moderate scale (10,000
//! customers, 75,000 deals) and at the benchmark book's (100,000 customers, 1,000,000 deals;
//! issue 21's target under 6 s and 250 MB); `cargo bench --bench demo` takes about four minutes.

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use salesdesk::db::demo::{DemoOptions, generate};
use salesdesk::db::{OpenedDb, open};
use tempfile::TempDir;

fn fresh_db() -> (TempDir, OpenedDb) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = open(&dir.path().join("bench.db")).expect("fresh database");
    (dir, db)
}

fn bench_generate(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2026, 5, 15).expect("valid date");
    let opts = DemoOptions {
        customers: 10_000,
        deals: 75_000,
        ..DemoOptions::standard(as_of)
    };
    let mut group = c.benchmark_group("demo");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20));
    group.bench_function("generate 10k customers 75k deals", |b| {
        b.iter_batched(
            fresh_db,
            |(dir, mut db)| {
                let summary = generate(&mut db.conn, &opts, false).expect("demo data");
                (dir, db, summary)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn bench_generate_1m(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2026, 5, 15).expect("valid date");
    let opts = DemoOptions {
        customers: 100_000,
        deals: 1_000_000,
        ..DemoOptions::standard(as_of)
    };
    let mut group = c.benchmark_group("demo");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(150));
    group.bench_function("generate 100k customers 1M deals", |b| {
        b.iter_batched(
            fresh_db,
            |(dir, mut db)| {
                let summary = generate(&mut db.conn, &opts, false).expect("demo data");
                (dir, db, summary)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench_generate, bench_generate_1m);
criterion_main!(benches);
