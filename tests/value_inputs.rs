//! The customers' value inputs and baskets, summed in Rust from one scan of the Won deals, equal
//! what SQL's own aggregation gives (the query `report tiers` ran before), on a demo book with
//! unknown margins, deals without a product and customers created later, for as-of dates that
//! include a leap day.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::Connection;
use salesdesk::analytics::value::CustomerInputs;
use salesdesk::db::value_inputs::{customer_inputs, won_by_customer};

/// The aggregation as SQL does it: every customer created by ?1 joined to its Won deals.
const REFERENCE: &str = "
    SELECT c.id,
           COALESCE(SUM(CASE WHEN d.closed_on > date(?1, '-1 year') AND d.closed_on <= ?1
                             THEN d.amount_cents END), 0),
           COALESCE(SUM(CASE WHEN d.closed_on > date(?1, '-1 year') AND d.closed_on <= ?1
                             AND p.margin_known = 1
                             THEN d.amount_cents * p.margin_bp END), 0),
           COALESCE(SUM(CASE WHEN d.closed_on > date(?1, '-1 year') AND d.closed_on <= ?1
                             AND COALESCE(p.margin_known, 0) = 0
                             THEN d.amount_cents END), 0),
           COALESCE(SUM(d.closed_on > date(?1, '-1 year') AND d.closed_on <= ?1), 0),
           COALESCE(MAX(d.closed_on > date(?1, '-2 years') AND d.closed_on <= date(?1, '-1 year')), 0),
           MAX(CASE WHEN d.closed_on <= ?1 THEN d.closed_on END)
    FROM customers c
    LEFT JOIN deals d NOT INDEXED ON d.customer_id = c.id AND d.stage = 'Won'
    LEFT JOIN products p ON p.id = d.product_id
    WHERE c.created_on <= ?1
    GROUP BY c.id
    ORDER BY c.id";

fn reference(conn: &Connection, as_of: NaiveDate) -> Vec<CustomerInputs> {
    let mut stmt = conn.prepare(REFERENCE).unwrap();
    stmt.query_map([as_of.to_string()], |r| {
        let margin_bp_cents: i64 = r.get(2)?;
        Ok(CustomerInputs {
            customer_id: r.get(0)?,
            revenue_cents: r.get(1)?,
            margin_cents: (margin_bp_cents + 5_000).div_euclid(10_000),
            unknown_margin_cents: r.get(3)?,
            won_deals: r.get(4)?,
            bought_year_before: r.get(5)?,
            last_won_on: r.get(6)?,
        })
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn reference_baskets(conn: &Connection, as_of: NaiveDate) -> BTreeMap<i64, BTreeSet<i64>> {
    let mut baskets: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let mut stmt = conn
        .prepare(
            "SELECT DISTINCT customer_id, product_id FROM deals NOT INDEXED
             WHERE stage = 'Won' AND closed_on <= ?1
               AND customer_id IS NOT NULL AND product_id IS NOT NULL",
        )
        .unwrap();
    let rows = stmt
        .query_map([as_of.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    for row in rows {
        let (customer, product) = row.unwrap();
        baskets.entry(customer).or_default().insert(product);
    }
    baskets
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn sums_and_baskets_match_the_sql_aggregation() {
    let end = day(2026, 11, 26);
    let mut opened = salesdesk::db::open(std::path::Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions {
        customers: 600,
        deals: 5_000,
        months: 36,
        seed: 11,
        as_of: end,
    };
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let conn = opened.conn;
    conn.execute_batch(
        "UPDATE products SET margin_known = 0 WHERE id % 3 = 0;
         UPDATE deals SET product_id = NULL WHERE id % 7 = 0;
         UPDATE deals SET closed_on = '2024-02-29' WHERE stage = 'Won' AND id % 11 = 0;
         UPDATE deals SET closed_on = '2025-03-01' WHERE stage = 'Won' AND id % 13 = 0;
         UPDATE customers SET created_on = '2026-06-01' WHERE id % 5 = 0;",
    )
    .unwrap();
    let won: i64 = conn
        .query_row("SELECT COUNT(*) FROM deals WHERE stage = 'Won'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(won > 1_000, "the book has Won deals to sum: {won}");
    for as_of in [
        end,
        day(2025, 2, 28),
        day(2025, 3, 1),
        day(2026, 2, 28),
        day(2024, 2, 29),
        day(2026, 1, 1),
    ] {
        let expected = reference(&conn, as_of);
        assert!(expected.iter().any(|c| c.won_deals > 0), "{as_of}");
        let scanned = won_by_customer(&conn, as_of).unwrap();
        assert_eq!(scanned.inputs, expected, "{as_of}");
        assert_eq!(customer_inputs(&conn, as_of).unwrap(), expected, "{as_of}");
        assert_eq!(scanned.baskets, reference_baskets(&conn, as_of), "{as_of}");
    }
}
