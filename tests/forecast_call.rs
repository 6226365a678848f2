//! The Forecast screen's call view on the demo book at 80×24 and 200×50: the spread, the
//! roll-ups, the odds of the quota per team and rep, the movers (Enter opens one), the line of
//! the stored calls, the waterfall and the track record; and the desk storing its call once a
//! day, never rewriting it, and never for a replay of a past day.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use salesdesk::analytics::commit::{BandScale, CallPeriod, CommitSettings, call};
use salesdesk::db::commit::{load_book, store};
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::keymap::Context;

fn demo_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    // The call takes seconds: a run past ten would shift the right-aligned status by a cell.
    settings.add_filter(r" +ready · (\S+) \d+\.\d\ds", " ready · $1 [t]s");
    settings
}

/// A demo book with calls stored on four days of 2026Q4 and one of 2026Q3, on the call view.
fn demo_call(width: u16, height: u16) -> Headless {
    let mut opened = salesdesk::db::open(Path::new(":memory:")).unwrap();
    let mut options = salesdesk::db::demo::DemoOptions::standard(demo_as_of());
    // A third of the standard book: the same shape, a quicker test.
    options.customers = 700;
    options.deals = 5_000;
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    // Quotas a sixth higher than the demo's, so the quarter is in doubt and deals move it.
    opened
        .conn
        .execute("UPDATE quotas SET amount_cents = amount_cents * 7 / 6", [])
        .unwrap();
    let book = load_book(&opened.conn).unwrap();
    let settings = CommitSettings::default();
    for on in [day(8, 14), day(10, 1), day(10, 22), day(11, 5), day(11, 19)] {
        store(
            &opened.conn,
            &call(
                &book,
                CallPeriod::quarter_of(on),
                on,
                &settings,
                BandScale::MODEL,
            ),
        )
        .unwrap();
    }
    let mut h = common::desk(opened.conn, "demo.db", demo_as_of(), Message::default());
    h.resize(width, height);
    h.press(KeyCode::Char('4'));
    h.press(KeyCode::Char('c'));
    assert_eq!(h.app.forecast.contexts()[0], Context::ForecastCall);
    h
}

/// One demo book (the call takes seconds to make in a debug build) read at three sizes: each
/// part below checks one.
#[test]
fn the_call_reads_at_80_by_24_and_200_by_50_and_its_movers_and_waterfall_answer_keys() {
    let mut h = demo_call(80, 24);
    the_call_fits_80_by_24_and_says_how_sure_it_is(&h);
    h.resize(200, 50);
    the_call_at_200_by_50_lists_every_team_and_rep(&h);
    h.resize(120, 40);
    enter_opens_the_highlighted_movers_record_and_arrows_move_the_waterfall(h);
}

fn the_call_fits_80_by_24_and_says_how_sure_it_is(h: &Headless) {
    let text = h.render_text();
    for expected in [
        "the call for 2026Q4 as of 2026-11-26",
        "P10 ",
        "P50 ",
        "P90 ",
        "Commit",
        "P(hit)",
        "calibrated ×",
        "grid ±",
        "open deals",
        "not opened yet",
        "Total",
        "Deals that move P(hit) most",
        "4 stored calls",
        "since 2026-10-01",
        "2026Q3 called",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    snapshot_settings()
        .bind(|| insta::assert_snapshot!("the_call_fits_80_by_24_and_says_how_sure_it_is", text));
    // A replay of a past day (the demo's as-of is not today) stores nothing.
    let sheet = h.app.forecast.call.sheet.as_ref().unwrap();
    assert!(sheet.stored.starts_with("not stored"), "{}", sheet.stored);
    let n: i64 = h
        .conn()
        .query_row("SELECT COUNT(*) FROM commit_snapshots", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5);
}

fn the_call_at_200_by_50_lists_every_team_and_rep(h: &Headless) {
    let text = h.render_text();
    let sheet = h.app.forecast.call.sheet.as_ref().unwrap();
    for rep in &sheet.call.reps {
        assert!(text.contains(&rep.name), "{} missing:\n{text}", rep.name);
    }
    for expected in ["Closed", "Best", "Deals", "won→", "=now"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    snapshot_settings()
        .bind(|| insta::assert_snapshot!("the_call_at_200_by_50_lists_every_team_and_rep", text));
}

fn enter_opens_the_highlighted_movers_record_and_arrows_move_the_waterfall(mut h: Headless) {
    let movers = h
        .app
        .forecast
        .call
        .sheet
        .as_ref()
        .unwrap()
        .call
        .movers
        .clone();
    assert!(movers.len() >= 2, "the demo quarter has movers");
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.records.top(),
        Some(salesdesk::tui::effects::RecordRef::Deal(movers[1].id))
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Right);
    assert_eq!(waterfall_since(&h), Some(day(10, 22)));
    h.press(KeyCode::Left);
    h.press(KeyCode::Left);
    assert_eq!(waterfall_since(&h), Some(day(10, 1)));
    h.press(KeyCode::Char('c'));
    assert!(!h.app.forecast.call.shown);
}

/// The day the call view's waterfall starts from.
fn waterfall_since(h: &Headless) -> Option<NaiveDate> {
    let sheet = h.app.forecast.call.sheet.as_ref().unwrap();
    sheet.waterfall.as_ref().map(|w| w.since)
}

fn snapshots(conn: &rusqlite::Connection) -> Vec<(String, String, i64)> {
    conn.prepare("SELECT period, taken_on, p50_cents FROM commit_snapshots ORDER BY taken_on")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Opens the desk on the book at `path` as of today, as `salesdesk` does, and lets it settle.
fn open_desk_today(path: &Path) -> Headless {
    let opened = salesdesk::db::open(path).unwrap();
    let today = chrono::Local::now().date_naive();
    let app = App::load(&opened.conn, "book.db".into(), today, Message::default()).unwrap();
    let mut h = Headless::new(app, opened.conn);
    h.resize(80, 24);
    h
}

#[test]
fn opening_the_desk_twice_in_a_day_stores_one_call_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let today = chrono::Local::now().date_naive();
    {
        let mut opened = salesdesk::db::open(&path).unwrap();
        let mut options = salesdesk::db::demo::DemoOptions::standard(today);
        options.deals = 2_000;
        options.customers = 300;
        salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    }
    let first = open_desk_today(&path);
    let stored = snapshots(first.conn());
    assert_eq!(stored.len(), 1, "the first opening stores the call");
    assert_eq!(stored[0].1, today.to_string());
    assert_eq!(stored[0].0, CallPeriod::quarter_of(today).to_string());
    drop(first);
    {
        let conn = salesdesk::db::open(&path).unwrap().conn;
        conn.execute(
            "UPDATE deals SET amount_cents = amount_cents * 3
             WHERE stage NOT IN ('Won', 'Lost')",
            [],
        )
        .unwrap();
    }
    let second = open_desk_today(&path);
    assert_eq!(snapshots(second.conn()), stored, "kept as it was");
}
