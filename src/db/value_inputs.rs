//! The value model's inputs, aggregated by SQLite in one pass over the Won deals: per customer
//! the trailing-12-month revenue and margin, the year before, and the last purchase; plus each
//! customer's set of products bought, for cross-sell.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::value::CustomerInputs;

/// Per customer created by ?1: Won cents, Σ cents × margin (basis points) over the deals whose
/// product margin is known, the Won cents whose margin is unknown (no product, or a product
/// imported without a margin) and Won deals in the 12 months to ?1, whether it won in the 12
/// months before those, and its last Won close date.
const CUSTOMER_VALUE: &str = "
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
    LEFT JOIN deals d ON d.customer_id = c.id AND d.stage = 'Won'
    LEFT JOIN products p ON p.id = d.product_id
    WHERE c.created_on <= ?1
    GROUP BY c.id
    ORDER BY c.id";

/// Every customer's value inputs as of `as_of`, by id.
pub fn customer_inputs(
    conn: &Connection,
    as_of: NaiveDate,
) -> rusqlite::Result<Vec<CustomerInputs>> {
    conn.prepare(CUSTOMER_VALUE)?
        .query_map([as_of.to_string()], |r| {
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
        })?
        .collect()
}

/// Each customer's products with a Won deal closed by `as_of`.
pub fn baskets(
    conn: &Connection,
    as_of: NaiveDate,
) -> rusqlite::Result<BTreeMap<i64, BTreeSet<i64>>> {
    let mut baskets: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT DISTINCT customer_id, product_id FROM deals
         WHERE stage = 'Won' AND closed_on <= ?1
           AND customer_id IS NOT NULL AND product_id IS NOT NULL",
    )?;
    let mut rows = stmt.query([as_of.to_string()])?;
    while let Some(r) = rows.next()? {
        baskets.entry(r.get(0)?).or_default().insert(r.get(1)?);
    }
    Ok(baskets)
}

/// Names by id of every customer.
pub fn customer_names(conn: &Connection) -> rusqlite::Result<BTreeMap<i64, String>> {
    conn.prepare("SELECT id, name FROM customers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Names by id of every product.
pub fn product_names(conn: &Connection) -> rusqlite::Result<BTreeMap<i64, String>> {
    conn.prepare("SELECT id, name FROM products")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}
