//! The forecast at 1,000,000 deals: the month sums of the total and every rep, product and team
//! (SQL), and all their fits with intervals and backtests, as the worker runs them.
//!
//! `cargo bench --bench forecast`. Uses the database `cargo bench --bench customers` generates
//! in `target/bench-data/` (made here if missing); opening it adds the forecast indexes once.

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::forecast::{DEFAULT_HORIZON, ForecastOptions, forecast_groups};
use salesdesk::db::{self, forecast_series};
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::headless::render;
use salesdesk::tui::screen::Screen;
use salesdesk::tui::update;
use salesdesk::worker::{self, Job, Output, Request};

mod common;

use common::as_of;

fn forecast(c: &mut Criterion) {
    let path = common::big_db();
    let mut conn = db::open(&path).unwrap().conn;
    let groups = forecast_series::load_bookings(&conn, as_of()).unwrap();
    eprintln!("{} series", groups.len());
    let mut group = c.benchmark_group("forecast (1,000,000 deals)");
    group.sample_size(20);
    group.bench_function(
        "month sums in SQL + fit total, every rep, product, team",
        |b| {
            let mut generation = 0;
            b.iter(|| {
                generation += 1;
                let reply = worker::execute(
                    &mut conn,
                    Request {
                        generation,
                        job: Job::Forecast {
                            as_of: as_of(),
                            options: ForecastOptions::with_horizon(DEFAULT_HORIZON),
                        },
                    },
                );
                assert!(matches!(reply.output, Output::Forecast(Ok(_))));
                reply
            })
        },
    );
    group.bench_function("fits only (intervals and backtests included)", |b| {
        b.iter(|| forecast_groups(groups.clone(), as_of(), ForecastOptions::default()))
    });
    let (mut conn, mut app) = common::loaded_app(&path, Screen::Pipeline, 140, 40);
    group.bench_function(
        "key 4 on the board: sums, fits and the Forecast frame (140x40)",
        |b| {
            b.iter(|| {
                app.forecast.needs_fit = true;
                update(
                    &mut app,
                    Action::Command(Command::ShowScreen(Screen::Forecast)),
                );
                for request in app.jobs.take_outbox() {
                    let reply = worker::execute(&mut conn, request);
                    update(&mut app, Action::Worker(Box::new(reply)));
                }
                let frame = render(&app);
                update(
                    &mut app,
                    Action::Command(Command::ShowScreen(Screen::Pipeline)),
                );
                frame
            })
        },
    );
    group.finish();
}

criterion_group!(benches, forecast);
criterion_main!(benches);
