//! Records at 100,000 customers / 1,000,000 deals: a search keystroke, opening a deal and a
//! customer record, a list-view page and sort change, the saved views' counts, and a bulk change
//! of 10,000 deals.
//!
//! `cargo bench --bench records`. Uses the database `cargo bench --bench customers` generates in
//! `target/bench-data/` (made here if missing), copied so the bulk changes do not change it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::db::reads::{self, ListIndex, ListPage, ListQuery, SavedView, SortColumn};
use salesdesk::db::records::{self, BulkChange, Stamp};
use salesdesk::db::{self, edits};
use salesdesk::domain::{DealChange, Stage};
use salesdesk::worker::{Job, Output, Request, execute};

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
    ListQuery::first_page(view, sort, true, 40, 30)
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
    held_list(&mut group, &mut conn, deal);
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

/// The first 200 rows of `q` from the held list.
fn first_page(index: &mut ListIndex, q: &ListQuery) -> ListPage {
    index.select(q, as_of());
    index.page(0, 200, as_of())
}

/// The list view held in memory: every open deal's keys read once, then view switches, sort
/// changes, pages and counts without SQLite, and a moved deal's keys brought up to date.
fn held_list(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    conn: &mut rusqlite::Connection,
    deal: i64,
) {
    let all = query(SortColumn::Amount, None);
    let stale = query(SortColumn::LastTouch, Some(SavedView::Stale));
    let slipped = query(SortColumn::ExpectedClose, Some(SavedView::Slipped));
    group.bench_function(
        "list held in memory: read every open deal's keys and order them (cold)",
        |b| b.iter(|| ListIndex::load(conn).unwrap()),
    );
    let mut index = ListIndex::load(conn).unwrap();
    let by_close = query(SortColumn::ExpectedClose, None);
    let switches = [
        ("view switch all -> stale, first page", &all, &stale),
        ("view switch stale -> slipped, first page", &stale, &slipped),
        (
            "sort change amount -> expected close, first page",
            &all,
            &by_close,
        ),
        (
            "sort change expected close -> amount (descending), first page",
            &by_close,
            &all,
        ),
    ];
    for (name, from, to) in switches {
        group.bench_function(format!("list held in memory: {name}"), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    index.select(from, as_of());
                    let started = Instant::now();
                    std::hint::black_box(first_page(&mut index, to));
                    spent += started.elapsed();
                }
                spent
            })
        });
    }
    group.bench_function("list held in memory: a page of 200 (cursor move)", |b| {
        b.iter(|| index.page(50_000, 200, as_of()))
    });
    group.bench_function("list held in memory: the saved views' counts", |b| {
        b.iter(|| index.counts(as_of(), 30, None))
    });
    let mut stage = Stage::Open(2);
    group.bench_function(
        "list held in memory: one deal moved -> its keys updated, the stale view's first page",
        |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    stage = if stage == Stage::Open(2) {
                        Stage::Open(1)
                    } else {
                        Stage::Open(2)
                    };
                    let job = Job::Write {
                        deal_id: deal,
                        change: DealChange::Move { to: stage },
                        today: as_of(),
                    };
                    let moved = execute(conn, Request { generation: 1, job });
                    assert!(matches!(moved.output, Output::Written(Ok(_))));
                    let started = Instant::now();
                    assert!(index.refresh(conn).unwrap());
                    std::hint::black_box(first_page(&mut index, &stale));
                    spent += started.elapsed();
                }
                spent
            })
        },
    );
}

criterion_group!(benches, records_bench);
criterion_main!(benches);
