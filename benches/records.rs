//! Records at 100,000 customers / 1,000,000 deals: a search keystroke, opening a deal and a
//! customer record, a list-view page and sort change, the saved views' counts, and a bulk change
//! of 10,000 deals.
//!
//! `cargo bench --bench records`. Uses the database `cargo bench --bench customers` generates in
//! `target/bench-data/` (made here if missing), copied so the bulk changes do not change it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::db::reads::{self, ListIndex, ListQuery, SavedView, SortColumn};
use salesdesk::db::records::{self, BulkChange, Stamp};
use salesdesk::db::{self, edits};

#[allow(dead_code)]
mod common;

use common::as_of;

fn bench_db() -> PathBuf {
    let source = common::big_db();
    let copy = common::data_dir().join("records-bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(&source, &copy).unwrap();
    copy
}

fn query(sort: SortColumn, view: Option<SavedView>) -> ListQuery {
    ListQuery {
        view,
        stage: None,
        owner_rep_id: None,
        team: None,
        product_id: None,
        closes_between: None,
        text: None,
        sort,
        descending: true,
        offset: 0,
        limit: 40,
        stale_days: 30,
    }
}

fn records_bench(c: &mut Criterion) {
    let path = bench_db();
    let mut conn = db::open(&path).unwrap().conn;
    let mut group = c.benchmark_group("records (100,000 customers / 1,000,000 deals)");
    group.sample_size(10);
    for text in ["i", "iron", "core"] {
        group.bench_function(format!("search keystroke '{text}' (20 per kind)"), |b| {
            b.iter(|| reads::search(&conn, text, 20).unwrap())
        });
    }
    let deal: i64 = conn
        .query_row(
            "SELECT MAX(id) FROM deals WHERE closed_on IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    group.bench_function("open a deal record", |b| {
        b.iter(|| reads::deal_record(&conn, deal, as_of()).unwrap())
    });
    group.bench_function("open a customer record", |b| {
        b.iter(|| reads::customer_record(&conn, 1).unwrap())
    });
    group.bench_function("list view page, by amount", |b| {
        b.iter(|| reads::pipeline_page(&conn, &query(SortColumn::Amount, None), as_of()).unwrap())
    });
    group.bench_function("list view sort change to expected close", |b| {
        b.iter(|| {
            reads::pipeline_page(&conn, &query(SortColumn::ExpectedClose, None), as_of()).unwrap()
        })
    });
    group.bench_function("list view switch to the stale view", |b| {
        b.iter(|| {
            reads::pipeline_page(
                &conn,
                &query(SortColumn::LastTouch, Some(SavedView::Stale)),
                as_of(),
            )
            .unwrap()
        })
    });
    let by_amount = query(SortColumn::Amount, None);
    group.bench_function(
        "list held in memory: read every open deal's sort keys once",
        |b| b.iter(|| ListIndex::load(&conn, &by_amount, as_of()).unwrap()),
    );
    let mut index = ListIndex::load(&conn, &by_amount, as_of()).unwrap();
    index.sort(SortColumn::Amount, true);
    group.bench_function("list held in memory: a page of 200 (cursor move)", |b| {
        b.iter(|| index.page(&conn, 50_000, 200, as_of()).unwrap())
    });
    let mut descending = false;
    group.bench_function(
        "list held in memory: sort change (expected close, either way) and its first page",
        |b| {
            b.iter(|| {
                descending = !descending;
                index.sort(SortColumn::ExpectedClose, descending);
                index.page(&conn, 0, 200, as_of()).unwrap()
            })
        },
    );
    let stale = query(SortColumn::LastTouch, Some(SavedView::Stale));
    group.bench_function(
        "list held in memory: switch to the stale view (read with last touches, sorted, page)",
        |b| {
            b.iter(|| {
                let mut index = ListIndex::load(&conn, &stale, as_of()).unwrap();
                index.sort(SortColumn::LastTouch, false);
                index.page(&conn, 0, 200, as_of()).unwrap()
            })
        },
    );
    group.bench_function("saved views' counts", |b| {
        b.iter(|| reads::saved_view_counts(&conn, as_of(), 30).unwrap())
    });
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM deals WHERE closed_on IS NULL ORDER BY id LIMIT 10000")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let stamp = Stamp {
        at: "2026-11-26 10:00:00",
        actor: "bench",
        today: as_of(),
    };
    let mut rep = 1;
    group.bench_function(
        "bulk: give 10,000 open deals to another rep (one undo step)",
        |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    rep = rep % 3 + 2;
                    let started = Instant::now();
                    let summary =
                        records::bulk_change(&mut conn, &ids, &BulkChange::Owner(rep), stamp)
                            .unwrap();
                    spent += started.elapsed();
                    assert!(summary.changed > 0);
                    edits::undo(&mut conn).unwrap();
                }
                spent
            })
        },
    );
    group.finish();
}

criterion_group!(benches, records_bench);
criterion_main!(benches);
