//! The deal checks, in one pass over the deals inside SQLite (only the rows some check flags come
//! out): missing fields, impossible dates and amounts far from the product's list price (rule:
//! [`crate::analytics::quality::is_outlier`], with [`OUTLIER_FACTOR`]).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Check, Found, RowKind};
use crate::analytics::quality::{OUTLIER_FACTOR, is_outlier};

/// The deal checks: key, group and words, in report order.
const CHECKS: [(&str, &str, &str); 6] = [
    (
        "deal_won_no_customer",
        "Missing",
        "won deals without a customer (customer value, tiers and cross-sell cannot count them)",
    ),
    (
        "deal_no_product",
        "Missing",
        "deals without a product (cross-sell and the list-price check cannot read them)",
    ),
    (
        "deal_open_no_close_date",
        "Missing",
        "open deals without an expected close date (the forecast and the quarter call skip them)",
    ),
    (
        "deal_closed_before_created",
        "Impossible",
        "deals closed before they were created",
    ),
    (
        "deal_closed_in_future",
        "Impossible",
        "deals closed on a day after today",
    ),
    (
        "deal_amount_outlier",
        "Outliers",
        "deals whose amount is more than 10 times its product's list price, or under a tenth of it",
    ),
];

/// Runs the deal checks over every deal.
pub(super) fn deal_checks(conn: &Connection, today: NaiveDate) -> rusqlite::Result<Vec<Check>> {
    let today = today.to_string();
    let mut found: [Found; 6] = Default::default();
    let mut stmt = conn.prepare(
        "SELECT id, won_alone, no_product, undated, closed_first, closed_later, amount_cents, list
         FROM (SELECT d.id,
                      d.stage = 'Won' AND d.customer_id IS NULL AS won_alone,
                      d.product_id IS NULL AS no_product,
                      d.closed_on IS NULL AND d.expected_close_on IS NULL AS undated,
                      COALESCE(d.closed_on < d.created_on, 0) AS closed_first,
                      COALESCE(d.closed_on > ?1, 0) AS closed_later,
                      d.amount_cents,
                      COALESCE(p.list_price_cents, 0) AS list
               FROM deals d LEFT JOIN products p ON p.id = d.product_id)
         WHERE won_alone OR no_product OR undated OR closed_first OR closed_later
            OR (list > 0 AND (amount_cents > list * ?2 OR amount_cents * ?2 < list))
         ORDER BY id",
    )?;
    let mut rows = stmt.query(rusqlite::params![today, OUTLIER_FACTOR])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        for (check, column) in found.iter_mut().zip(1..=5) {
            if r.get::<_, bool>(column)? {
                check.add(id);
            }
        }
        if is_outlier(r.get(6)?, r.get(7)?) {
            found[5].add(id);
        }
    }
    Ok(found
        .into_iter()
        .zip(CHECKS)
        .map(|(f, (key, group, words))| f.check(key, group, words, RowKind::Deal))
        .collect())
}
