//! Merging two customers that are one company: the deals, contacts, activities, tasks and tags of
//! the one that goes move to the one kept, and the one that goes is deleted, as one undoable step.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::journal::Journal;
use super::{RecordError, Stamp, Written, write};
use crate::domain::FieldError;

/// The tables whose rows follow their customer, with the words for them.
const MOVED: [(&str, &str); 4] = [
    ("deals", "deals"),
    ("contacts", "contacts"),
    ("activities", "activities"),
    ("tasks", "tasks"),
];

fn name_of(j: &Journal<'_, '_>, field: &str, id: i64) -> Result<String, RecordError> {
    j.tx()
        .query_row("SELECT name FROM customers WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| FieldError::new(field, format!("there is no customer {id}")).into())
}

fn ids(j: &Journal<'_, '_>, sql: &str, customer: i64) -> rusqlite::Result<Vec<i64>> {
    j.tx()
        .prepare(sql)?
        .query_map([customer], |r| r.get(0))?
        .collect()
}

/// Moves everything of customer `gone` to customer `keep` and deletes `gone`; one batch, so one
/// undo puts both back exactly. A tag both have stays once.
pub fn merge_customers(
    conn: &mut Connection,
    keep: i64,
    gone: i64,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    if keep == gone {
        return Err(FieldError::new("customer", "cannot be merged with itself").into());
    }
    write(conn, stamp, |j| {
        let kept_name = name_of(j, "kept customer", keep)?;
        let gone_name = name_of(j, "merged customer", gone)?;
        let mut moved = Vec::new();
        for (table, noun) in MOVED {
            let rows = ids(
                j,
                &format!("SELECT id FROM {table} WHERE customer_id = ?1 ORDER BY id"),
                gone,
            )?;
            for id in &rows {
                j.set(table, *id, "customer_id", Value::Integer(keep))?;
            }
            if !rows.is_empty() {
                moved.push(format!("{} {noun}", rows.len()));
            }
        }
        let tags: Vec<(i64, bool)> = j
            .tx()
            .prepare(
                "SELECT t.id, EXISTS (SELECT 1 FROM customer_tags k WHERE k.customer_id = ?2
                                      AND k.kind = t.kind AND k.tag = t.tag)
                 FROM customer_tags t WHERE t.customer_id = ?1 ORDER BY t.id",
            )?
            .query_map([gone, keep], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, kept_has_it) in tags {
            if kept_has_it {
                j.delete("customer_tags", id)?;
            } else {
                j.set("customer_tags", id, "customer_id", Value::Integer(keep))?;
            }
        }
        j.delete("customers", gone)?;
        let what = if moved.is_empty() {
            "nothing to move".to_string()
        } else {
            format!("moved {}", moved.join(", "))
        };
        Ok((
            keep,
            format!("Merged customer {gone_name} ({gone}) into {kept_name} ({keep}): {what}"),
        ))
    })
}
