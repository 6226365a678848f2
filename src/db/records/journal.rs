//! One batch of record edits: whole rows inserted or deleted (kept as JSON so undo and redo can put
//! them back with the same id) and single fields set, each an `edits` row of entity `rec:<table>`,
//! plus one `rec:batch` row holding the batch's summary in words. [`replay`] puts such a batch
//! back or forward; it is the entry of these batches in the table of replays of `db::edits`.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value as Json};

use crate::db::edits::record::{EditRow, Stamp, WriteError, new_batch};

/// The prefix of the `edits.entity` of every record edit.
pub const PREFIX: &str = "rec:";
/// The entity of the row holding a batch's summary.
const SUMMARY_ENTITY: &str = "rec:batch";

/// The tables a record batch may touch and the columns it may write; replay refuses any other.
const TABLES: [(&str, &[&str]); 8] = [
    (
        "customers",
        &[
            "name",
            "industry",
            "region",
            "employees",
            "annual_revenue_cents",
            "owner_rep_id",
            "created_on",
            "notes",
            "external_id",
            "import_id",
            "created_on_inferred",
        ],
    ),
    (
        "contacts",
        &["customer_id", "name", "role", "email", "phone"],
    ),
    ("customer_tags", &["customer_id", "kind", "tag"]),
    (
        "activities",
        &[
            "customer_id",
            "deal_id",
            "rep_id",
            "kind",
            "happened_on",
            "text",
        ],
    ),
    (
        "deals",
        &[
            "customer_id",
            "rep_id",
            "product_id",
            "title",
            "amount_cents",
            "stage",
            "created_on",
            "expected_close_on",
            "closed_on",
            "lost_reason",
            "probability_bp",
            "forecast_category",
            "pipeline_id",
        ],
    ),
    (
        "stage_changes",
        &["deal_id", "from_stage", "to_stage", "changed_on"],
    ),
    (
        "tasks",
        &[
            "title",
            "kind",
            "customer_id",
            "deal_id",
            "rep_id",
            "due_on",
            "est_minutes",
            "priority",
            "status",
            "pinned",
        ],
    ),
    ("quotas", &["rep_id", "quarter", "amount_cents"]),
];

fn columns_of(table: &str) -> Result<&'static [&'static str], WriteError> {
    TABLES
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(_, c)| *c)
        .ok_or_else(|| WriteError::Refused(format!("records cannot change table {table}")))
}

fn column_of(table: &str, column: &str) -> Result<&'static str, WriteError> {
    columns_of(table)?
        .iter()
        .find(|c| **c == column)
        .copied()
        .ok_or_else(|| WriteError::Refused(format!("records cannot change {table}.{column}")))
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::Null | Value::Blob(_) => Json::Null,
        Value::Integer(i) => Json::from(*i),
        Value::Real(f) => Json::from(*f),
        Value::Text(s) => Json::from(s.as_str()),
    }
}

fn from_json(v: &Json) -> Value {
    match v {
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or_default())),
        Json::String(s) => Value::Text(s.clone()),
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Null | Json::Array(_) | Json::Object(_) => Value::Null,
    }
}

/// A field's value as `edits` stores it: text, or NULL.
fn to_text(v: &Value) -> Option<String> {
    match v {
        Value::Null | Value::Blob(_) => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Text(s) => Some(s.clone()),
    }
}

/// An open batch of record edits inside the caller's transaction.
pub struct Journal<'a, 'c> {
    tx: &'a Transaction<'c>,
    batch: i64,
    at: &'a str,
    actor: &'a str,
}

impl<'a, 'c> Journal<'a, 'c> {
    /// Starts a batch: a new change supersedes every undone batch, as in any editor.
    pub fn begin(tx: &'a Transaction<'c>, at: &'a str, actor: &'a str) -> Result<Self, WriteError> {
        let batch = new_batch(tx)?;
        Ok(Journal {
            tx,
            batch,
            at,
            actor,
        })
    }

    /// The transaction, for reads.
    pub fn tx(&self) -> &Transaction<'c> {
        self.tx
    }

    fn record(
        &self,
        entity: &str,
        id: i64,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), WriteError> {
        let stamp = Stamp {
            at: self.at,
            actor: self.actor,
            batch: self.batch,
        };
        stamp.write(self.tx, entity, id, field, &old, &new)?;
        Ok(())
    }

    /// Records a field change the caller has already written (several columns in one UPDATE,
    /// where a table check needs them to move together).
    pub fn note(
        &self,
        table: &str,
        id: i64,
        column: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), WriteError> {
        let column = column_of(table, column)?;
        self.record(&format!("{PREFIX}{table}"), id, column, old, new)
    }

    /// Inserts a row of `table` and records it; returns its rowid.
    pub fn insert(&self, table: &str, values: &[(&str, Value)]) -> Result<i64, WriteError> {
        let mut row = Map::new();
        for (column, value) in values {
            row.insert(column_of(table, column)?.to_string(), to_json(value));
        }
        let id = insert_row(self.tx, table, None, &row)?;
        self.record(
            &format!("{PREFIX}{table}"),
            id,
            "row",
            None,
            Some(&Json::Object(row).to_string()),
        )?;
        Ok(id)
    }

    /// Deletes a row of `table`, recording it whole so undo can put it back.
    pub fn delete(&self, table: &str, id: i64) -> Result<(), WriteError> {
        let row = read_row(self.tx, table, id)?.ok_or(WriteError::Missing(id))?;
        self.tx
            .execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), [id])?;
        self.record(
            &format!("{PREFIX}{table}"),
            id,
            "row",
            Some(&Json::Object(row).to_string()),
            None,
        )
    }

    /// Sets one field of a row, recording old and new; false when it already had that value.
    pub fn set(&self, table: &str, id: i64, column: &str, new: Value) -> Result<bool, WriteError> {
        let column = column_of(table, column)?;
        let old: Value = self
            .tx
            .prepare_cached(&format!("SELECT {column} FROM {table} WHERE rowid = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(WriteError::Missing(id))?;
        if old == new {
            return Ok(false);
        }
        self.tx
            .prepare_cached(&format!(
                "UPDATE {table} SET {column} = ?2 WHERE rowid = ?1"
            ))?
            .execute(params![id, new])?;
        self.record(
            &format!("{PREFIX}{table}"),
            id,
            column,
            to_text(&old).as_deref(),
            to_text(&new).as_deref(),
        )?;
        Ok(true)
    }

    /// Ends the batch with its summary in words (shown by `:history` and the undo message).
    pub fn finish(self, summary: &str) -> Result<i64, WriteError> {
        self.record(SUMMARY_ENTITY, 0, "summary", None, Some(summary))?;
        Ok(self.batch)
    }
}

fn read_row(
    tx: &Transaction<'_>,
    table: &str,
    id: i64,
) -> Result<Option<Map<String, Json>>, WriteError> {
    let columns = columns_of(table)?;
    Ok(tx
        .query_row(
            &format!(
                "SELECT {} FROM {table} WHERE rowid = ?1",
                columns.join(", ")
            ),
            [id],
            |r| {
                let mut row = Map::new();
                for (i, c) in columns.iter().enumerate() {
                    row.insert(c.to_string(), to_json(&r.get::<_, Value>(i)?));
                }
                Ok(row)
            },
        )
        .optional()?)
}

fn insert_row(
    tx: &Transaction<'_>,
    table: &str,
    id: Option<i64>,
    row: &Map<String, Json>,
) -> Result<i64, WriteError> {
    let mut names = vec!["rowid"];
    let mut values = vec![id.map_or(Value::Null, Value::Integer)];
    for (column, value) in row {
        names.push(column_of(table, column)?);
        values.push(from_json(value));
    }
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    tx.execute(
        &format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        ),
        rusqlite::params_from_iter(values),
    )?;
    Ok(tx.last_insert_rowid())
}

/// True when a batch holds record edits.
pub(crate) fn claims(rows: &[EditRow]) -> bool {
    rows.iter().any(|r| r.entity.starts_with(PREFIX))
}

/// Puts a batch of record edits back (`back`, newest row first) or forward again; returns the
/// status-line summary in words.
pub(crate) fn replay(
    tx: &Transaction<'_>,
    rows: &[EditRow],
    back: bool,
) -> Result<String, WriteError> {
    let ordered: Vec<&EditRow> = if back {
        rows.iter().rev().collect()
    } else {
        rows.iter().collect()
    };
    let mut summary = String::new();
    let mut i = 0;
    while i < ordered.len() {
        let row = ordered[i];
        i += 1;
        if row.entity == SUMMARY_ENTITY {
            summary = row.new.clone().unwrap_or_default();
            continue;
        }
        let table = table_name(row.entity.strip_prefix(PREFIX).unwrap_or(&row.entity))?;
        let value = |r: &EditRow| if back { r.old.clone() } else { r.new.clone() };
        if row.field == "row" {
            let (from, to) = if back {
                (&row.new, &row.old)
            } else {
                (&row.old, &row.new)
            };
            if from.is_some() {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE rowid = ?1"),
                    [row.entity_id],
                )?;
            }
            if let Some(json) = to {
                let parsed: Map<String, Json> = serde_json::from_str(json)
                    .map_err(|e| WriteError::Refused(format!("bad record row: {e}")))?;
                insert_row(tx, table, Some(row.entity_id), &parsed)?;
            }
            continue;
        }
        // Field edits of one row in a row go back in one UPDATE, so checks that tie columns
        // together (a Lost deal has a close date) hold after it.
        let mut sets = vec![format!("{} = ?2", column_of(table, &row.field)?)];
        let mut values = vec![value(row)];
        while let Some(next) = ordered
            .get(i)
            .filter(|n| n.entity == row.entity && n.entity_id == row.entity_id && n.field != "row")
        {
            sets.push(format!(
                "{} = ?{}",
                column_of(table, &next.field)?,
                values.len() + 2
            ));
            values.push(value(next));
            i += 1;
        }
        let mut bound = vec![Value::Integer(row.entity_id)];
        bound.extend(
            values
                .into_iter()
                .map(|v| v.map_or(Value::Null, Value::Text)),
        );
        tx.prepare_cached(&format!(
            "UPDATE {table} SET {} WHERE rowid = ?1",
            sets.join(", ")
        ))?
        .execute(rusqlite::params_from_iter(bound))?;
    }
    let verb = if back { "undone" } else { "redone" };
    Ok(format!("{verb}: {summary}"))
}

fn table_name(table: &str) -> Result<&'static str, WriteError> {
    TABLES
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(t, _)| *t)
        .ok_or_else(|| WriteError::Refused(format!("records cannot change table {table}")))
}
