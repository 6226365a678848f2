//! The quarter call at 1,000,000 deals: the distribution of the quarter's bookings with P(hit)
//! for the total, every team and every rep (slip model, deal odds, the exact convolutions and the
//! movers) given the band's calibration, the calibration itself (four earlier quarters
//! replayed), and a backtest of 8 quarters replayed from the stage history.
//!
//! `cargo bench --bench commit`. Uses the database `cargo bench --bench customers` generates in
//! `target/bench-data/` (made here if missing). Reading the book is timed once, outside.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::commit::{
    CallPeriod, CommitBook, CommitDeal, CommitSettings, Histories, backtest, call, call_with,
    own_or_stage_rate,
};
use salesdesk::analytics::scoring::ScoringSettings;
use salesdesk::db::commit::{live_band, load_book};
use salesdesk::db::{self};
use salesdesk::domain::Stage;

#[allow(dead_code)]
mod common;

use common::as_of;

fn commit(c: &mut Criterion) {
    let path = common::big_db();
    let conn = db::open(&path).unwrap().conn;
    let started = Instant::now();
    let book = load_book(&conn).unwrap();
    eprintln!(
        "read {} deals and {} stage changes in {:.2}s",
        book.deals.len(),
        book.stage_changes.len(),
        started.elapsed().as_secs_f64()
    );
    let settings = CommitSettings::default();
    let period = CallPeriod::quarter_of(as_of());
    let scoring = ScoringSettings::default();
    // The calibration puts past days' scores into the book it is given and takes them out again.
    let mut calibrating = book.clone();
    let calibrate = |book: &mut CommitBook| {
        let h = Histories::new(book);
        live_band(&conn, book, &h, period, as_of(), (&scoring, &settings)).unwrap()
    };
    let band = calibrate(&mut calibrating);
    let made = call(&book, period, as_of(), &settings, band);
    eprintln!(
        "{} open deals, {} reps, {} teams; P10 {} P50 {} P90 {} (±{}), P(hit) {:?}",
        made.deals.len(),
        made.reps.len(),
        made.teams.len(),
        made.total.spread.p10.whole(),
        made.total.spread.p50.whole(),
        made.total.spread.p90.whole(),
        made.total.spread.error.whole(),
        made.total.p_hit
    );
    let mut q = salesdesk::domain::Quarter::containing(as_of());
    let mut back = Vec::new();
    for _ in 0..8 {
        q = q.previous();
        back.push(q);
    }
    back.reverse();
    let mut group = c.benchmark_group("commit (1,000,000 deals)");
    group.sample_size(10);
    let win = |_: usize, d: &CommitDeal, stage: Stage| own_or_stage_rate(&book, d, stage);
    group.bench_function(
        "quarter distribution with P(hit) per total, team and rep",
        |b| {
            b.iter(|| {
                let h = Histories::new(&book);
                call_with(&book, &h, period, as_of(), &settings, &win, band)
            })
        },
    );
    group.bench_function(
        "band calibration (4 earlier quarters replayed, win model refitted for each)",
        |b| b.iter(|| calibrate(&mut calibrating)),
    );
    group.bench_function("stage histories (part of the call above)", |b| {
        b.iter(|| Histories::new(&book))
    });
    group.bench_function("backtest of 8 quarters", |b| {
        b.iter(|| backtest(&book, &back, 0, &settings))
    });
    group.finish();
}

criterion_group!(benches, commit);
criterion_main!(benches);
