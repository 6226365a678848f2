//! Checks that the ids a record names exist, refusing with the field named when they do not.

use rusqlite::{OptionalExtension, Transaction};

use super::RecordError;
use crate::domain::FieldError;

fn name_of(tx: &Transaction<'_>, sql: &str, id: i64) -> rusqlite::Result<Option<String>> {
    tx.query_row(sql, [id], |r| r.get(0)).optional()
}

/// The name of rep `id`, or a refusal of `field`.
pub fn rep(tx: &Transaction<'_>, field: &str, id: i64) -> Result<String, RecordError> {
    name_of(tx, "SELECT name FROM reps WHERE id = ?1", id)?
        .ok_or_else(|| FieldError::new(field, format!("there is no rep {id}")).into())
}

/// The name of customer `id`, or a refusal of `field`.
pub fn customer(tx: &Transaction<'_>, field: &str, id: i64) -> Result<String, RecordError> {
    name_of(tx, "SELECT name FROM customers WHERE id = ?1", id)?
        .ok_or_else(|| FieldError::new(field, format!("there is no customer {id}")).into())
}

/// The name and list price (cents) of product `id`, or a refusal of `field`.
pub fn product(tx: &Transaction<'_>, field: &str, id: i64) -> Result<(String, i64), RecordError> {
    tx.query_row(
        "SELECT name, list_price_cents FROM products WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| FieldError::new(field, format!("there is no product {id}")).into())
}

/// A deal's title, customer, owner and stage, or a refusal of `field`.
pub fn deal(
    tx: &Transaction<'_>,
    field: &str,
    id: i64,
) -> Result<(String, Option<i64>, Option<i64>, String), RecordError> {
    tx.query_row(
        "SELECT title, customer_id, rep_id, stage FROM deals WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()?
    .ok_or_else(|| FieldError::new(field, format!("there is no deal {id}")).into())
}
