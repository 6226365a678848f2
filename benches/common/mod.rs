//! The 100,000-customer / 1,000,000-deal database the benchmarks share, made once.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use salesdesk::db::{self, demo::DemoOptions};
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::app::{App, Message};
use salesdesk::tui::screen::Screen;
use salesdesk::tui::update;
use salesdesk::worker;

/// Customers in the benchmark book.
pub const CUSTOMERS: u32 = 100_000;
/// Deals in the benchmark book.
pub const DEALS: u32 = 1_000_000;

/// The day the benchmark book ends.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

/// The folder the benchmark databases live in (under the target folder).
pub fn data_dir() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("bench-data")
}

/// The shared book, generated on first use (about 15 s) and reused after.
pub fn big_db() -> PathBuf {
    let dir = data_dir();
    let path = dir.join(format!("customers-{CUSTOMERS}-{DEALS}.db"));
    if !path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let partial = dir.join("generating.db");
        let _ = std::fs::remove_file(&partial);
        let mut opened = db::open(&partial).unwrap();
        let options = DemoOptions {
            customers: CUSTOMERS,
            deals: DEALS,
            months: 36,
            seed: 7,
            as_of: as_of(),
        };
        let started = Instant::now();
        db::demo::generate(&mut opened.conn, &options, false).unwrap();
        opened
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        drop(opened);
        std::fs::rename(&partial, &path).unwrap();
        eprintln!(
            "generated {} in {:.1}s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    path
}

/// Opens the database at `path` and builds the app on `screen` at `width`×`height`, without
/// running any background job: the state of the first frame.
pub fn first_app(
    path: &std::path::Path,
    screen: Screen,
    width: u16,
    height: u16,
) -> (rusqlite::Connection, App) {
    let conn = db::open(path).unwrap().conn;
    let mut app = App::load(
        &conn,
        path.display().to_string(),
        as_of(),
        Message::default(),
    )
    .unwrap();
    update(&mut app, Action::Command(Command::ShowScreen(screen)));
    update(&mut app, Action::Resize { width, height });
    (conn, app)
}

/// Like [`first_app`], with every background job the app asked for run to completion.
pub fn loaded_app(
    path: &std::path::Path,
    screen: Screen,
    width: u16,
    height: u16,
) -> (rusqlite::Connection, App) {
    let (mut conn, mut app) = first_app(path, screen, width, height);
    loop {
        let requests = app.jobs.take_outbox();
        if requests.is_empty() {
            return (conn, app);
        }
        for request in requests {
            let reply = worker::execute(&mut conn, request);
            update(&mut app, Action::Worker(Box::new(reply)));
        }
    }
}
