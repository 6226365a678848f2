//! The deal checks, in one pass over the deals: missing fields, impossible dates and amounts far
//! from the product's list price (rule: [`crate::analytics::quality::is_outlier`]).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Check, Found, RowKind};
use crate::analytics::quality::is_outlier;

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
        "SELECT d.id, d.customer_id IS NULL, d.product_id IS NULL, d.stage,
                d.created_on, d.expected_close_on IS NULL, d.closed_on,
                d.amount_cents, p.list_price_cents
         FROM deals d LEFT JOIN products p ON p.id = d.product_id ORDER BY d.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let stage = r.get_ref(3)?.as_str().unwrap_or_default();
        let closed: Option<&str> = r.get_ref(6)?.as_str_or_null()?;
        if stage == "Won" && r.get::<_, bool>(1)? {
            found[0].add(id);
        }
        if r.get::<_, bool>(2)? {
            found[1].add(id);
        }
        if closed.is_none() && r.get::<_, bool>(5)? {
            found[2].add(id);
        }
        if let Some(closed) = closed {
            let created = r.get_ref(4)?.as_str().unwrap_or_default();
            if closed < created {
                found[3].add(id);
            }
            if closed > today.as_str() {
                found[4].add(id);
            }
        }
        if let Some(list) = r.get::<_, Option<i64>>(8)?
            && is_outlier(r.get(7)?, list)
        {
            found[5].add(id);
        }
    }
    Ok(found
        .into_iter()
        .zip(CHECKS)
        .map(|(f, (key, group, words))| f.check(key, group, words, RowKind::Deal))
        .collect())
}
