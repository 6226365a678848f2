//! Small books of business with known monthly bookings, for the forecast tests.

#![allow(dead_code)]

use chrono::NaiveDate;
use rusqlite::{Connection, params};

/// The as-of date of every forecast fixture: series end at 2026-10.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// An empty, migrated in-memory book with three reps (Cleo never wins), three products and
/// one customer.
pub fn empty_book() -> Connection {
    let conn = salesdesk::db::open(std::path::Path::new(":memory:"))
        .unwrap()
        .conn;
    conn.execute_batch(
        "INSERT INTO reps (id, name, email, team, region, max_open_tasks) VALUES
            (1, 'Ann Lee', 'ann@example.com', 'North', 'North', 20),
            (2, 'Bo Chen', 'bo@example.com', 'Central', 'Central', 20),
            (3, 'Cleo Díaz', 'cleo@example.com', 'North', 'North', 20);
         INSERT INTO products (id, name, family, list_price_cents, margin_bp) VALUES
            (1, 'Core Pro', 'Core', 480000, 7200),
            (2, 'Insight Plus', 'Analytics', 950000, 6000),
            (3, 'Onboarding Pack', 'Services', 300000, 3500);
         INSERT INTO customers (id, name, industry, region, owner_rep_id, created_on)
            VALUES (1, 'Acme Corp', 'Manufacturing', 'North', 1, '2020-01-01');",
    )
    .unwrap();
    conn
}

/// Adds a Won deal closed on `closed_on`.
pub fn won(conn: &Connection, rep: i64, product: i64, cents: i64, closed_on: &str) {
    deal(
        conn,
        rep,
        product,
        cents,
        "Won",
        "2020-01-01",
        Some(closed_on),
        None,
        None,
    );
}

/// Adds a deal with every field given.
#[allow(clippy::too_many_arguments)]
pub fn deal(
    conn: &Connection,
    rep: i64,
    product: i64,
    cents: i64,
    stage: &str,
    created_on: &str,
    closed_on: Option<&str>,
    expected_close_on: Option<&str>,
    probability_bp: Option<i64>,
) {
    conn.execute(
        "INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                            created_on, closed_on, expected_close_on, lost_reason, probability_bp)
         VALUES (1, ?1, ?2, 'deal', ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            rep,
            product,
            cents,
            stage,
            created_on,
            closed_on,
            expected_close_on,
            (stage == "Lost").then_some("Price"),
            probability_bp
        ],
    )
    .unwrap();
}

/// Thirty months (2024-05 to 2026-10) of Won deals with a trend and a year-end peak, for Ann
/// and Bo, plus open deals expected to close in the coming months.
pub fn seasonal_book() -> Connection {
    let conn = empty_book();
    let peak = [0, -20, 10, 15, 20, 25, 5, -10, 10, 20, 45, 80];
    for i in 0..30i64 {
        let month0 = (4 + i) % 12;
        let year = 2024 + (4 + i) / 12;
        let day = format!("{year}-{:02}-15", month0 + 1);
        let wobble = [3, -5, 8, -2, 6, -7, 1][(i % 7) as usize];
        won(
            &conn,
            1,
            1,
            (200 + 4 * i + peak[month0 as usize] + wobble) * 100_000,
            &day,
        );
        won(&conn, 2, 2, (80 + 2 * i + wobble) * 100_000, &day);
    }
    for (month, cents) in [
        ("2026-11-20", 30_000_000),
        ("2026-12-10", 50_000_000),
        ("2027-02-01", 20_000_000),
    ] {
        deal(
            &conn,
            1,
            1,
            cents,
            "Proposal",
            "2026-10-01",
            None,
            Some(month),
            None,
        );
    }
    conn
}
