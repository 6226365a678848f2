//! The pipeline board at 1,000,000 deals: the first frame, and one stage move to its redrawn frame.
//!
//! `cargo bench --bench board`. Uses the database `cargo bench --bench customers` generates in
//! `target/bench-data/` (made here if missing), copied so the moves do not change it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::domain::{DealChange, Stage};
use salesdesk::tui::action::Action;
use salesdesk::tui::headless::render;
use salesdesk::tui::screen::Screen;
use salesdesk::tui::update;
use salesdesk::worker::{self, Job, Request};

mod common;

use common::as_of;

/// A copy of the shared book, so the moves do not change it.
fn bench_db() -> PathBuf {
    let source = common::big_db();
    let copy = common::data_dir().join("board-bench.db");
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
            let (conn, app) = common::first_app(&path, Screen::Pipeline, 140, 40);
            std::hint::black_box(conn);
            render(&app)
        })
    });

    let (mut conn, mut app) = common::loaded_app(&path, Screen::Pipeline, 140, 40);
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
                        Stage::Open(2)
                    } else {
                        Stage::Open(1)
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
