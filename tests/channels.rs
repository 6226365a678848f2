//! Channels in the database: loading histories and plans, and `:apply`'s plan as one undoable batch.

mod common;

use rusqlite::{Connection, params};
use salesdesk::db::{channels, edits};
use salesdesk::domain::{Money, next_month};

/// Two channels with twelve months each, from 2025-01 to 2025-12.
fn channel_db() -> Connection {
    let conn = common::fixture_db();
    conn.execute_batch("INSERT INTO channels (id, name) VALUES (1, 'Search'), (2, 'Events');")
        .expect("channels");
    for month in 1..=12 {
        let label = format!("2025-{month:02}");
        for (id, base) in [(1, 100_000), (2, 300_000)] {
            let spend: i64 = base * (1 + (month * 7 % 5));
            conn.execute(
                "INSERT INTO channel_months (channel_id, month, spend_cents, revenue_cents)
                 VALUES (?1, ?2, ?3, ?4)",
                params![id, label, spend, spend * 3],
            )
            .expect("month");
        }
    }
    conn
}

fn planned(conn: &Connection) -> Vec<(i64, String, i64)> {
    conn.prepare("SELECT channel_id, month, spend_cents FROM channel_plans ORDER BY channel_id")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .expect("plans")
}

#[test]
fn load_gives_histories_current_spend_and_the_month_to_plan() {
    let conn = channel_db();
    let loaded = channels::load(&conn).expect("load");
    assert_eq!(loaded.latest_month.as_deref(), Some("2025-12"));
    assert_eq!(loaded.plan_month.as_deref(), Some("2026-01"));
    let names: Vec<&str> = loaded.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Events", "Search"]);
    let search = &loaded.channels[1];
    assert_eq!(search.months.len(), 12);
    assert_eq!(search.current_spend(), Money(100_000 * (1 + 84 % 5)));
    assert_eq!(search.input().current_spend, 5_000.0);
    assert_eq!(search.planned, None);
}

#[test]
fn a_plan_is_saved_in_one_batch_and_one_undo_takes_it_back() {
    let mut conn = channel_db();
    conn.execute(
        "INSERT INTO channel_plans (channel_id, month, spend_cents) VALUES (1, '2026-01', 700000)",
        [],
    )
    .expect("earlier plan");
    let saved = channels::save_plan(
        &mut conn,
        "2026-01",
        &[(1, Money(800_000)), (2, Money(1_200_000))],
        "2026-11-26 10:00:00",
        "tester",
    )
    .expect("saved");
    assert_eq!(saved.deal_id, None);
    assert_eq!(
        planned(&conn),
        [
            (1, "2026-01".into(), 800_000),
            (2, "2026-01".into(), 1_200_000)
        ]
    );
    let batches: i64 = conn
        .query_row(
            "SELECT count(DISTINCT batch) FROM edits WHERE entity = 'channel_plan'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(batches, 1);
    let loaded = channels::load(&conn).expect("load");
    assert_eq!(loaded.channels[1].planned, Some(Money(800_000)));

    let undone = edits::undo(&mut conn)
        .expect("undo")
        .expect("something to undo");
    assert_eq!(undone.batch, saved.batch);
    assert_eq!(planned(&conn), [(1, "2026-01".into(), 700_000)]);
    edits::redo(&mut conn)
        .expect("redo")
        .expect("something to redo");
    assert_eq!(
        planned(&conn),
        [
            (1, "2026-01".into(), 800_000),
            (2, "2026-01".into(), 1_200_000)
        ]
    );
}

#[test]
fn a_bad_plan_writes_nothing() {
    let mut conn = channel_db();
    let err = channels::save_plan(&mut conn, "2026-01", &[(1, Money(-5))], "now", "tester");
    assert!(err.is_err());
    let err = channels::save_plan(&mut conn, "January", &[(1, Money(5))], "now", "tester");
    assert!(err.is_err());
    let missing = channels::save_plan(&mut conn, "2026-01", &[(99, Money(5))], "now", "tester");
    assert!(
        missing.is_err(),
        "an unknown channel breaks the foreign key"
    );
    assert!(planned(&conn).is_empty());
    let edits: i64 = conn
        .query_row("SELECT count(*) FROM edits", [], |r| r.get(0))
        .expect("count");
    assert_eq!(edits, 0);
}

#[test]
fn next_month_rolls_over_the_year() {
    assert_eq!(next_month("2025-12").as_deref(), Some("2026-01"));
    assert_eq!(next_month("2025-02").as_deref(), Some("2025-03"));
    assert_eq!(next_month("soon"), None);
}
