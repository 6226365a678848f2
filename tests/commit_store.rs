//! The call's storage: category overrides are one undo step each, read in words, and survive a
//! refit; the call is stored once per day and period and never rewritten.

mod common;

use chrono::Datelike as _;

use salesdesk::analytics::commit::{BandScale, CallPeriod, Category, CommitSettings, call};
use salesdesk::db::commit::{Stored, history, load_book, store, track_record, waterfall_since};
use salesdesk::db::edits;
use salesdesk::db::records::{self, RecordError, Stamp};

fn stamp() -> Stamp<'static> {
    Stamp {
        at: "2026-11-26 10:00:00",
        actor: "tester",
        today: common::as_of(),
    }
}

fn category_of(conn: &rusqlite::Connection, id: i64) -> Option<String> {
    conn.query_row(
        "SELECT forecast_category FROM deals WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn overrides_are_undoable_in_words_and_survive_a_refit() {
    let mut conn = common::fixture_db();
    // Deals 1..=8: customers 1 and 2, each Won, Won, Proposal, Lost.
    let ids: Vec<i64> = (1..=8).collect();
    let s = records::set_category(&mut conn, &ids, Some(Category::Commit), stamp()).unwrap();
    assert_eq!((s.changed, s.skipped.len()), (2, 6));
    assert_eq!(s.written.summary, "2 deals set to Commit (6 skipped)");
    records::set_category(&mut conn, &[3], Some(Category::BestCase), stamp()).unwrap();
    let words: Vec<String> = edits::history(&conn, 10)
        .unwrap()
        .into_iter()
        .map(|l| l.words)
        .collect();
    assert!(
        words
            .iter()
            .any(|w| w.ends_with(": Category Commit → Best case")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w == "2 deals set to Commit (6 skipped)"),
        "{words:?}"
    );

    // A refit changes win probabilities, never an override.
    let mut book = load_book(&conn).unwrap();
    for d in &mut book.deals {
        d.win_probability = Some(0.01);
    }
    let period: CallPeriod = "2026Q4".parse().unwrap();
    let c = call(
        &book,
        period,
        common::as_of(),
        &CommitSettings::default(),
        BandScale::MODEL,
    );
    let three = c.deals.iter().find(|d| d.id == 3).unwrap();
    assert_eq!(
        (three.category.category, three.category.overridden),
        (Category::BestCase, true)
    );

    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(category_of(&conn, 3).as_deref(), Some("Commit"));
    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!((category_of(&conn, 3), category_of(&conn, 7)), (None, None));
    edits::redo(&mut conn).unwrap().unwrap();
    assert_eq!(category_of(&conn, 7).as_deref(), Some("Commit"));

    let err =
        records::set_category(&mut conn, &[1, 2], Some(Category::Pipeline), stamp()).unwrap_err();
    assert!(matches!(err, RecordError::Field(f) if f.field == "deals"));
}

#[test]
fn the_call_is_stored_once_a_day_and_never_rewritten() {
    let mut conn = common::fixture_db();
    let period: CallPeriod = "2026Q4".parse().unwrap();
    let settings = CommitSettings::default();
    let day = common::as_of();
    let book = load_book(&conn).unwrap();
    let first = call(&book, period, day, &settings, BandScale::MODEL);
    assert_eq!(store(&conn, &first).unwrap(), Stored::Written);

    conn.execute(
        "UPDATE deals SET amount_cents = amount_cents * 3 WHERE id = 3",
        [],
    )
    .unwrap();
    let book = load_book(&conn).unwrap();
    let again = call(&book, period, day, &settings, BandScale::MODEL);
    assert_ne!(
        again.total.spread, first.total.spread,
        "the book did change"
    );
    assert_eq!(store(&conn, &again).unwrap(), Stored::AlreadyStored);
    let line = history(&conn, "2026Q4").unwrap();
    assert_eq!(line.len(), 1);
    assert_eq!(
        line[0].p90_cents,
        first.total.spread.p90.cents(),
        "the first call is kept"
    );

    let next_day = day.succ_opt().unwrap();
    let later = call(&book, period, next_day, &settings, BandScale::MODEL);
    assert_eq!(store(&conn, &later).unwrap(), Stored::Written);
    assert_eq!(history(&conn, "2026Q4").unwrap().len(), 2);

    records::set_category(&mut conn, &[7], Some(Category::Omitted), stamp()).unwrap();
    let w = waterfall_since(&conn, &later, &book, day).unwrap().unwrap();
    assert_eq!(w.since, day);
    assert_eq!(
        w.start.cents + w.new.cents + w.slipped_in.cents + w.amount_changes.cents
            - w.won.cents
            - w.lost.cents
            - w.slipped_out.cents,
        w.end.cents
    );
    assert!(
        waterfall_since(&conn, &later, &book, day.pred_opt().unwrap())
            .unwrap()
            .is_none()
    );

    // Once the quarter is over, the stored calls meet what closed.
    assert!(track_record(&conn, &book, day).unwrap().is_empty());
    let next_year = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    let record = track_record(&conn, &book, next_year).unwrap();
    assert_eq!(record.len(), 1);
    let q4_start = day.with_day(1).and_then(|d| d.with_month(10)).unwrap();
    let won_q4: i64 = book
        .deals
        .iter()
        .filter(|d| d.stage == salesdesk::domain::Stage::Won)
        .filter(|d| d.closed_on.is_some_and(|c| c >= q4_start && c <= day))
        .map(|d| d.amount.cents())
        .sum();
    assert_eq!(record[0].actual_cents, won_q4);
    assert_eq!(
        (record[0].first.taken_on, record[0].last.taken_on),
        (day, next_day)
    );
}
