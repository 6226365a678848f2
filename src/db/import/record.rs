//! An import as one undoable step: its `imports` row and `edits` batch, the fields the desk
//! changed since the last import of the same kind, and undoing it.
//!
//! The record stays small: a created row carries the import's id (undo deletes by it), a changed
//! field is one `edits` row of entity `import_field` with its old value, and nothing else is
//! copied, so undoing a million created rows is a few indexed deletes.

use std::collections::HashSet;

use crate::db::edits::record::{Stamp, new_batch};
use rusqlite::types::Value;
use rusqlite::{Transaction, params};

/// The `edits.entity` of the one row that stands for an import in `:history`.
pub const IMPORT_ENTITY: &str = "import";
/// The `edits.entity` of a field an import changed; `field` is `table.column`.
pub const FIELD_ENTITY: &str = "import_field";

/// From this many created deals, undo drops the deal indexes and rebuilds them after deleting.
const BULK_DELETE: i64 = 50_000;
/// Page cache while undoing, in KiB (negative in the pragma), as while importing.
const UNDO_CACHE_KIB: i64 = -64 * 1024;

/// Tables an import writes, children first: the order created rows are deleted in.
const TABLES: [&str; 8] = [
    "tasks",
    "channel_months",
    "quotas",
    "deals",
    "customers",
    "products",
    "reps",
    "channels",
];

/// The import being written: its id, its batch of edits, and who and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRecord {
    /// `imports.id`, carried by every row it creates.
    pub id: i64,
    /// Its `edits` batch.
    pub batch: i64,
    /// The batch of the previous import of the same kind still in force (0 when none): desk
    /// edits after it are the desk's own work.
    pub since_batch: i64,
    at: String,
    actor: String,
}

impl ImportRecord {
    /// Opens the record of an import of `kind` from `file` inside `tx`; like any new change it
    /// ends the chance to redo what was undone before it.
    pub fn begin(
        tx: &Transaction<'_>,
        file: &str,
        kind: &str,
        at: &str,
        actor: &str,
    ) -> rusqlite::Result<ImportRecord> {
        let batch = new_batch(tx)?;
        let since_batch: i64 = tx.query_row(
            "SELECT COALESCE(MAX(i.batch), 0) FROM imports i
             WHERE i.kind = ?1 AND EXISTS (SELECT 1 FROM edits e WHERE e.batch = i.batch
                                           AND e.entity = ?2 AND e.undone = 0)",
            params![kind, IMPORT_ENTITY],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO imports (batch, at, file, kind) VALUES (?1, ?2, ?3, ?4)",
            params![batch, at, file, kind],
        )?;
        let id = tx.last_insert_rowid();
        let stamp = Stamp { at, actor, batch };
        stamp.write(
            tx,
            IMPORT_ENTITY,
            id,
            "rows",
            &None::<String>,
            &format!("import of {file}"),
        )?;
        Ok(ImportRecord {
            id,
            batch,
            since_batch,
            at: at.to_string(),
            actor: actor.to_string(),
        })
    }

    /// Who, when and which batch this import's `edits` rows carry.
    fn stamp(&self) -> Stamp<'_> {
        Stamp {
            at: &self.at,
            actor: &self.actor,
            batch: self.batch,
        }
    }

    /// Records that the import set `table.column` of row `id` from `old` to `new`.
    pub fn field(
        &self,
        tx: &Transaction<'_>,
        table: &str,
        id: i64,
        column: &str,
        old: &Value,
        new: &Value,
    ) -> rusqlite::Result<()> {
        self.stamp().write(
            tx,
            FIELD_ENTITY,
            id,
            &format!("{table}.{column}"),
            &as_text(old),
            &as_text(new),
        )
    }

    /// Records a `stage_changes` row the import added to an existing deal (undo deletes it).
    pub fn stage_change(&self, tx: &Transaction<'_>, row: i64) -> rusqlite::Result<()> {
        let none = None::<String>;
        self.stamp()
            .write(tx, "stage_change", row, "row", &none, &none)
    }

    /// Puts the import's one-line summary on its history entry.
    pub fn finish(&self, tx: &Transaction<'_>, summary: &str) -> rusqlite::Result<()> {
        tx.execute(
            "UPDATE edits SET new_value = ?1 WHERE batch = ?2 AND entity = ?3",
            params![summary, self.batch, IMPORT_ENTITY],
        )?;
        Ok(())
    }

    /// The (record id, column) pairs of `entity` (`deal`, `task`) the desk changed since the
    /// previous import of this kind: a re-import keeps these unless told to overwrite.
    pub fn desk_changes(
        &self,
        tx: &Transaction<'_>,
        entity: &str,
    ) -> rusqlite::Result<HashSet<(i64, String)>> {
        tx.prepare(
            "SELECT entity_id, field FROM edits
             WHERE entity = ?1 AND undone = 0 AND batch > ?2",
        )?
        .query_map(params![entity, self.since_batch], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect()
    }
}

/// A value as `edits` stores it and the report prints it.
pub(super) fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(r) => Some(r.to_string()),
        Value::Text(t) => Some(t.clone()),
        Value::Blob(_) => None,
    }
}

/// Why an import could not be undone; the database is as it was.
#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    /// Something made since points at what the import created, or the record is damaged.
    #[error("{0}")]
    Refused(String),
    /// SQLite failed.
    #[error("could not undo: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// One `edits` row of an import's batch.
struct Row {
    entity: String,
    entity_id: i64,
    field: String,
    old: Option<String>,
    new: Option<String>,
}

/// Undoes the import whose batch is `batch`: puts back every field it changed, removes the stage
/// changes it added, and deletes every row it created. Returns the status line.
pub fn undo(tx: &Transaction<'_>, batch: i64) -> Result<String, UndoError> {
    let rows: Vec<Row> = tx
        .prepare(
            "SELECT entity, entity_id, field, old_value, new_value FROM edits
             WHERE batch = ?1 ORDER BY id DESC",
        )?
        .query_map([batch], |r| {
            Ok(Row {
                entity: r.get(0)?,
                entity_id: r.get(1)?,
                field: r.get(2)?,
                old: r.get(3)?,
                new: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let import = rows
        .iter()
        .find(|r| r.entity == IMPORT_ENTITY)
        .ok_or_else(|| UndoError::Refused(format!("edit batch {batch} is not an import")))?;
    for row in &rows {
        match row.entity.as_str() {
            FIELD_ENTITY => {
                let (table, column) = checked(&row.field)?;
                let key = super::keys::key_column(table);
                tx.execute(
                    &format!("UPDATE {table} SET {column} = ?1 WHERE {key} = ?2"),
                    params![row.old, row.entity_id],
                )?;
            }
            "stage_change" => {
                tx.execute("DELETE FROM stage_changes WHERE id = ?1", [row.entity_id])?;
            }
            _ => {}
        }
    }
    let id = import.entity_id;
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", UNDO_CACHE_KIB)?;
    tx.execute(
        "DELETE FROM stage_changes WHERE deal_id IN (SELECT id FROM deals WHERE import_id = ?1)",
        [id],
    )?;
    let created_deals: i64 = tx.query_row(
        "SELECT COUNT(*) FROM deals WHERE import_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    // Deleting many deals from under eight indexes is slow; one sort per index afterwards is not.
    let dropped = if created_deals >= BULK_DELETE {
        crate::db::bulk_indexes::drop_indexes(tx, &["deals"], &["deals_by_import"])?
    } else {
        Vec::new()
    };
    let mut deleted = 0;
    for table in TABLES {
        deleted += tx
            .execute(&format!("DELETE FROM {table} WHERE import_id = ?1"), [id])
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => UndoError::Refused(format!(
                    "cannot undo the import: records made since point at its {table}"
                )),
                _ => UndoError::Sqlite(e),
            })?;
    }
    crate::db::bulk_indexes::rebuild(tx, &dropped)?;
    tx.pragma_update(None, "cache_size", cache)?;
    let changed = rows.iter().filter(|r| r.entity == FIELD_ENTITY).count();
    Ok(format!(
        "undone: {} ({deleted} records removed, {changed} fields put back; import again to redo)",
        import.new.as_deref().unwrap_or("import")
    ))
}

/// `table.column` of an `import_field` row, checked against the tables an import writes.
fn checked(field: &str) -> Result<(&str, &str), UndoError> {
    let bad = || UndoError::Refused(format!("bad import field record '{field}'"));
    let (table, column) = field.split_once('.').ok_or_else(bad)?;
    let plain = !column.is_empty() && column.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if TABLES.contains(&table) && plain {
        Ok((table, column))
    } else {
        Err(bad())
    }
}
