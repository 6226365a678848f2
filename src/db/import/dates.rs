//! Dates of record: customers whose file gave no creation date take their earliest deal or
//! activity's date, so "did this customer exist on date X" holds for an imported book.

use rusqlite::Transaction;

/// Dates every customer marked `created_on_inferred` by its earliest deal (created) or activity
/// (happened); one without either keeps the date it has. Returns how many customers changed.
pub fn date_customers(tx: &Transaction<'_>) -> rusqlite::Result<u64> {
    let changed = tx.execute(
        "UPDATE customers SET created_on = first.on_
         FROM (SELECT customer_id, MIN(on_) AS on_
               FROM (SELECT customer_id, created_on AS on_ FROM deals WHERE customer_id IS NOT NULL
                     UNION ALL
                     SELECT customer_id, happened_on FROM activities WHERE customer_id IS NOT NULL)
               GROUP BY customer_id) AS first
         WHERE customers.id = first.customer_id AND customers.created_on_inferred = 1
           AND customers.created_on <> first.on_",
        [],
    )?;
    Ok(changed as u64)
}
