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

/// Times generating `customers` and `deals` into a fresh book, measuring for `seconds`.
fn bench_size(c: &mut Criterion, name: &str, (customers, deals): (u32, u32), seconds: u64) {
    let as_of = NaiveDate::from_ymd_opt(2026, 5, 15).expect("valid date");
    let opts = DemoOptions {
        customers,
        deals,
        ..DemoOptions::standard(as_of)
    };
    let mut group = c.benchmark_group("demo");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(seconds));
    group.bench_function(name, |b| {
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

fn bench_generate(c: &mut Criterion) {
    bench_size(c, "generate 10k customers 75k deals", (10_000, 75_000), 20);
}

fn bench_generate_1m(c: &mut Criterion) {
    bench_size(
        c,
        "generate 100k customers 1M deals",
        (100_000, 1_000_000),
        150,
    );
}

criterion_group!(benches, bench_generate, bench_generate_1m);
criterion_main!(benches);
