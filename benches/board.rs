//! The pipeline board at 1,000,000 deals: the first frame, and one stage move to its redrawn frame.
//!
//! `cargo bench --bench board`. Uses the database `cargo bench --bench customers` generates in
//! `target/bench-data/` (made here if missing), copied so the moves do not change it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::db::{self, demo::DemoOptions};
use salesdesk::domain::{DealChange, Stage};
use salesdesk::tui::action::Action;
use salesdesk::tui::app::{App, Message};
use salesdesk::tui::headless::render;
use salesdesk::tui::update;
use salesdesk::worker::{self, Job, Request};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

fn bench_db() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let dir = target.join("bench-data");
    let source = dir.join("customers-100000-1000000.db");
    if !source.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let partial = dir.join("generating.db");
        let _ = std::fs::remove_file(&partial);
        let mut opened = db::open(&partial).unwrap();
        let options = DemoOptions {
            customers: 100_000,
            deals: 1_000_000,
            months: 36,
            seed: 7,
            as_of: as_of(),
        };
        db::demo::generate(&mut opened.conn, &options, false).unwrap();
        drop(opened);
        std::fs::rename(&partial, &source).unwrap();
    }
    let copy = dir.join("board-bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(&source, &copy).unwrap();
    copy
}

fn board(c: &mut Criterion) {
    let path = bench_db();
    let mut group = c.benchmark_group("pipeline board (1,000,000 deals)");
    group.sample_size(20);
    group.bench_function("open DB + first board frame (140x40)", |b| {
        b.iter(|| {
            let opened = db::open(&path).unwrap();
            let mut app = App::load(
                &opened.conn,
                path.display().to_string(),
                as_of(),
                Message::default(),
            )
            .unwrap();
            update(
                &mut app,
                Action::Resize {
                    width: 140,
                    height: 40,
                },
            );
            render(&app)
        })
    });

    let mut conn = db::open(&path).unwrap().conn;
    let mut app = App::load(
        &conn,
        path.display().to_string(),
        as_of(),
        Message::default(),
    )
    .unwrap();
    update(
        &mut app,
        Action::Resize {
            width: 140,
            height: 40,
        },
    );
    for request in app.jobs.take_outbox() {
        let reply = worker::execute(&mut conn, request);
        update(&mut app, Action::Worker(Box::new(reply)));
    }
    let deal = app.pipeline.column_cards(1).first().map(|c| c.id).unwrap();
    let mut forward = true;
    let mut generation = 1_000_000;
    group.bench_function(
        "stage move: save, update the card and totals, redraw",
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let to = if forward {
                        Stage::Proposal
                    } else {
                        Stage::Qualified
                    };
                    forward = !forward;
                    generation += 1;
                    let request = Request {
                        generation,
                        job: Job::Write {
                            deal_id: deal,
                            change: DealChange::Move { to },
                            today: as_of(),
                        },
                    };
                    let began = Instant::now();
                    let reply = worker::execute(&mut conn, request);
                    update(&mut app, Action::Worker(Box::new(reply)));
                    std::hint::black_box(render(&app));
                    total += began.elapsed();
                    app.jobs.take_outbox();
                }
                total
            })
        },
    );
    group.finish();
}

criterion_group!(benches, board);
criterion_main!(benches);
