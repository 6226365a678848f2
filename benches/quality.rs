//! The data-quality checks at 100,000 customers / 1,000,000 deals, with one contact per customer
//! (every 10th sharing its email with another customer's, every 20th its phone).
//!
//! `cargo bench --bench quality`. Uses the database `cargo bench --bench customers` generates in
//! `target/bench-data/` (made here if missing), copied so the contacts added do not change it.

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::db::{self, quality::quality_report};

#[allow(dead_code)]
mod common;

use common::as_of;

fn quality_bench(c: &mut Criterion) {
    let source = common::big_db();
    let copy = common::data_dir().join("quality-bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(&source, &copy).unwrap();
    let conn = db::open(&copy).unwrap().conn;
    conn.execute_batch(
        "DELETE FROM contacts;
         INSERT INTO contacts (customer_id, name, email, phone)
             SELECT id, 'Contact ' || id,
                    'buyer' || CASE WHEN id % 10 = 0 THEN id - 1 ELSE id END || '@example.com',
                    '+1 555 ' || printf('%07d', CASE WHEN id % 20 = 0 THEN id - 2 ELSE id END)
             FROM customers;",
    )
    .unwrap();
    let report = quality_report(&conn, as_of()).unwrap();
    eprintln!(
        "quality at 1M deals: {} rows need care, {} duplicate pairs",
        report.total(),
        report.checks[0].count
    );
    let mut group = c.benchmark_group("quality (100,000 customers / 1,000,000 deals)");
    group.sample_size(10);
    group.bench_function("every quality check", |b| {
        b.iter(|| quality_report(&conn, as_of()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, quality_bench);
criterion_main!(benches);
