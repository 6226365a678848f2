//! The customers screen at scale: 100,000 customers and 1,000,000 deals.
//!
//! `cargo bench --bench customers`. The database is generated once into
//! `target/bench-data/` (about 20 s) and reused by later runs.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::tui::App;
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::headless::render;
use salesdesk::tui::screen::Screen;
use salesdesk::tui::update;

mod common;

use common::CUSTOMERS;

fn open_and_first_frame(c: &mut Criterion) {
    let path = common::big_db();
    c.bench_function("open DB + first customers frame (120x40)", |b| {
        b.iter(|| {
            let (conn, app) = common::first_app(&path, Screen::Customers, 120, 40);
            std::hint::black_box(conn);
            render(&app)
        })
    });
}

fn search_keystroke(c: &mut Criterion) {
    let path = common::big_db();
    let (_conn, mut searching) = common::loaded_app(&path, Screen::Customers, 120, 40);
    update(&mut searching, Action::Command(Command::StartSearch));
    assert!(searching.customers.searching);
    assert!(searching.customers.index.complete);
    assert_eq!(searching.customers.visible_len(), CUSTOMERS as usize);
    let mut typed_e = searching.clone();
    update(&mut typed_e, Action::Type('e'));
    let after_e = typed_e.customers.visible_len();
    assert!(
        after_e > 0 && after_e < CUSTOMERS as usize,
        "the keystroke really filters"
    );

    let mut group = c.benchmark_group("search keystroke to frame (100k customers)");
    group.sample_size(20);
    group.bench_function("first letter over all customers", |b| {
        b.iter_custom(|iters| timed_keystroke(&searching, Action::Type('e'), iters))
    });
    group.bench_function("second letter narrows", |b| {
        b.iter_custom(|iters| timed_keystroke(&typed_e, Action::Type('r'), iters))
    });
    group.bench_function("backspace widens to all", |b| {
        b.iter_custom(|iters| {
            timed_keystroke(&typed_e, Action::Command(Command::SearchBackspace), iters)
        })
    });
    group.finish();
}

/// Times `iters` keystrokes, each on a fresh copy of `start` (the copy is not timed).
fn timed_keystroke(start: &App, action: Action, iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let mut app = start.clone();
        let began = Instant::now();
        update(&mut app, action.clone());
        std::hint::black_box(render(&app));
        total += began.elapsed();
    }
    total
}

criterion_group!(benches, open_and_first_frame, search_keystroke);
criterion_main!(benches);
