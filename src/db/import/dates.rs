//! Dates of record: customers whose file gave no creation date take their earliest deal or
//! activity's date, so "did this customer exist on date X" holds for an imported book.

use rusqlite::{Transaction, params};

use super::record::{FIELD_ENTITY, ImportRecord};

/// Dates every customer marked `created_on_inferred` by its earliest deal (created) or activity
/// (happened); one without either keeps the date it has. Reads no deal when no customer is
/// marked. A customer the import did not create
/// keeps its old date in the import's undo record. Returns how many customers changed.
pub fn date_customers(tx: &Transaction<'_>, record: &ImportRecord) -> rusqlite::Result<u64> {
    let inferred: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM customers WHERE created_on_inferred = 1)",
        [],
        |r| r.get(0),
    )?;
    if !inferred {
        return Ok(0);
    }
    tx.execute_batch(
        "CREATE TEMP TABLE first_dates AS
         SELECT customer_id, MIN(on_) AS on_
         FROM (SELECT customer_id, created_on AS on_ FROM deals
               WHERE customer_id IN (SELECT id FROM customers WHERE created_on_inferred = 1)
               UNION ALL
               SELECT customer_id, happened_on FROM activities
               WHERE customer_id IN (SELECT id FROM customers WHERE created_on_inferred = 1))
         GROUP BY customer_id",
    )?;
    tx.execute(
        "INSERT INTO edits (at, entity, entity_id, field, old_value, new_value, undone, batch, actor)
         SELECT e.at, ?1, c.id, 'customers.created_on', c.created_on, f.on_, 0, e.batch, e.actor
         FROM customers c JOIN temp.first_dates f ON f.customer_id = c.id
              JOIN edits e ON e.batch = ?3 AND e.entity = 'import'
         WHERE c.created_on_inferred = 1 AND c.created_on <> f.on_ AND c.import_id IS NOT ?2",
        params![FIELD_ENTITY, record.id, record.batch],
    )?;
    let count = tx.execute(
        "UPDATE customers SET created_on = f.on_ FROM temp.first_dates f
         WHERE f.customer_id = customers.id AND customers.created_on_inferred = 1
           AND customers.created_on <> f.on_",
        [],
    )?;
    tx.execute_batch("DROP TABLE temp.first_dates")?;
    Ok(count as u64)
}
