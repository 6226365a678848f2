//! Undo and redo: the newest live batch put back, the oldest undone one put forward again, each
//! batch handed to the module of the entity it changed through one table of replays.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::deal;
use super::record::{EditRow, Saved, WriteError};
use crate::db::{assign_plans, channels, import, pipelines, records, task_edits};

/// Puts the rows of one batch back (`back`) or forward again; returns the status-line summary.
type Replay = fn(&Transaction<'_>, &[EditRow], bool) -> Result<String, WriteError>;

/// One kind of batch: whether a batch's rows are of this kind, and its replay.
struct Replayer {
    claims: fn(&[EditRow]) -> bool,
    replay: Replay,
}

/// The kinds of batch with their own replay, asked in order; a batch none claims holds task and
/// absence edits.
const REPLAYERS: [Replayer; 4] = [
    Replayer {
        claims: records::journal::claims,
        replay: records::journal::replay,
    },
    Replayer {
        claims: |rows| rows.iter().any(|r| r.entity == pipelines::ENTITY),
        replay: pipelines::replay,
    },
    Replayer {
        claims: |rows| rows.iter().any(|r| r.entity == channels::PLAN_ENTITY),
        replay: channels::replay_plan,
    },
    Replayer {
        claims: |rows| rows.iter().any(|r| r.entity == deal::ENTITY),
        replay: deal::replay,
    },
];

fn batch_rows(tx: &Transaction<'_>, batch: i64) -> Result<Vec<EditRow>, WriteError> {
    Ok(tx
        .prepare(
            "SELECT entity, entity_id, field, old_value, new_value FROM edits
             WHERE batch = ?1 ORDER BY id",
        )?
        .query_map([batch], |r| {
            Ok(EditRow {
                entity: r.get(0)?,
                entity_id: r.get(1)?,
                field: r.get(2)?,
                old: r.get(3)?,
                new: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The entity of the `edits` rows a record write (new deal, deal edit, bulk change) leaves on
/// a deal: undoing one patches the deal's card like any deal change.
const RECORD_DEALS: &str = "rec:deals";

/// The one deal a batch changed, when it changed exactly one: its card can be patched in place;
/// a batch over many deals (a bulk change) has none, so the board reloads.
fn single_deal(rows: &[EditRow]) -> Option<i64> {
    let mut deals = rows
        .iter()
        .filter(|r| r.entity == deal::ENTITY || r.entity == RECORD_DEALS)
        .map(|r| r.entity_id);
    let first = deals.next()?;
    deals.all(|id| id == first).then_some(first)
}

const UNDO_BATCH: &str = "SELECT MAX(batch) FROM edits WHERE undone = 0";
const REDO_BATCH: &str = "SELECT MIN(batch) FROM edits WHERE undone = 1 AND superseded = 0";

fn target_deal(conn: &Connection, batch_sql: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        &format!(
            "SELECT CASE WHEN COUNT(DISTINCT entity_id) = 1 THEN MIN(entity_id) END
             FROM edits WHERE entity IN ('deal', 'rec:deals') AND batch = ({batch_sql})"
        ),
        [],
        |r| r.get(0),
    )
}

/// The deal the next undo will change, if any.
pub fn undo_target(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    target_deal(conn, UNDO_BATCH)
}

/// The deal the next redo will change, if any.
pub fn redo_target(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    target_deal(conn, REDO_BATCH)
}

/// Undoes the newest batch that is not undone; `None` when there is nothing to undo.
pub fn undo(conn: &mut Connection) -> Result<Option<Saved>, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let batch: Option<i64> = tx.query_row(UNDO_BATCH, [], |r| r.get(0))?;
    let Some(batch) = batch else {
        return Ok(None);
    };
    if let Some(saved) = undo_import(&tx, batch)? {
        tx.commit()?;
        return Ok(Some(saved));
    }
    let saved = replay(&tx, batch, true)?;
    assign_plans::mark_undone(&tx, batch, true)?;
    tx.execute("UPDATE edits SET undone = 1 WHERE batch = ?1", [batch])?;
    tx.commit()?;
    Ok(Some(saved))
}

/// Undoes `batch` when it is an import's; an undone import is not redone (import it again), so
/// it and every batch undone before it (which may touch its rows) leave the redo list. `None` for
/// any other batch.
fn undo_import(tx: &Transaction<'_>, batch: i64) -> Result<Option<Saved>, WriteError> {
    let is_import: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM edits WHERE batch = ?1 AND entity = ?2)",
        rusqlite::params![batch, import::IMPORT_ENTITY],
        |r| r.get(0),
    )?;
    if !is_import {
        return Ok(None);
    }
    let summary = import::undo_import(tx, batch).map_err(|e| match e {
        import::UndoError::Refused(why) => WriteError::Refused(why),
        import::UndoError::Sqlite(e) => WriteError::Sqlite(e),
    })?;
    tx.execute("UPDATE edits SET undone = 1 WHERE batch = ?1", [batch])?;
    tx.execute(
        "UPDATE edits SET superseded = 1 WHERE undone = 1 AND superseded = 0",
        [],
    )?;
    Ok(Some(Saved {
        batch,
        deal_id: None,
        summary,
    }))
}

/// Redoes the oldest undone batch not superseded by a newer change; `None` when there is nothing to redo.
pub fn redo(conn: &mut Connection) -> Result<Option<Saved>, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let batch: Option<i64> = tx.query_row(REDO_BATCH, [], |r| r.get(0))?;
    let Some(batch) = batch else {
        return Ok(None);
    };
    let saved = replay(&tx, batch, false)?;
    assign_plans::mark_undone(&tx, batch, false)?;
    tx.execute("UPDATE edits SET undone = 0 WHERE batch = ?1", [batch])?;
    tx.commit()?;
    Ok(Some(saved))
}

fn replay(tx: &Transaction<'_>, batch: i64, back: bool) -> Result<Saved, WriteError> {
    let rows = batch_rows(tx, batch)?;
    let replay = REPLAYERS
        .iter()
        .find(|r| (r.claims)(&rows))
        .map_or(task_edits::replay as Replay, |r| r.replay);
    let summary = replay(tx, &rows, back)?;
    Ok(Saved {
        batch,
        deal_id: single_deal(&rows),
        summary,
    })
}
