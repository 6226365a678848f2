//! Changes to deals, each one transaction with its audit rows, and undo/redo from those rows.
//!
//! A change writes the deal in a single UPDATE (so the Won/Lost ⇔ closed_on check holds), a
//! `stage_changes` row when the stage moves, and one `edits` row per field, all sharing a batch.
//! Undo puts every field of the newest live batch back and deletes its stage change; redo does
//! the opposite for the oldest batch undone since the last new change (a new change supersedes
//! every undone batch, as in any editor).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::domain::{DealChange, Stage};

/// Why a change was not saved; the database is as it was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The deal was deleted meanwhile.
    #[error("deal {0} no longer exists")]
    Missing(i64),
    /// The change makes no sense for the deal as it is now.
    #[error("{0}")]
    Refused(String),
    /// SQLite failed (disk full, locked file…); the transaction was rolled back.
    #[error("could not save: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// A saved (or undone, or redone) batch: what to refresh and what to tell the manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The batch of edits.
    pub batch: i64,
    /// The deal it touched; `None` for a batch of task, absence or channel-plan edits.
    pub deal_id: Option<i64>,
    /// One line for the status bar.
    pub summary: String,
}

/// One line of `:history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// When, local time.
    pub at: String,
    /// Who (login name).
    pub actor: String,
    /// The deal's title, or the entity and id.
    pub what: String,
    /// The field changed.
    pub field: String,
    /// Value before, if any.
    pub old: Option<String>,
    /// Value after, if any.
    pub new: Option<String>,
    /// True when undone.
    pub undone: bool,
}

const DEAL_FIELDS: [&str; 6] = [
    "stage",
    "amount_cents",
    "expected_close_on",
    "closed_on",
    "lost_reason",
    "probability_bp",
];

/// A deal's editable fields as text, the way `edits` stores them.
type Fields = [Option<String>; 6];

fn read_fields(tx: &Transaction<'_>, deal_id: i64) -> Result<Fields, WriteError> {
    tx.query_row(
        "SELECT stage, CAST(amount_cents AS TEXT), expected_close_on, closed_on, lost_reason,
                CAST(probability_bp AS TEXT)
         FROM deals WHERE id = ?1",
        [deal_id],
        |r| {
            Ok([
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ])
        },
    )
    .optional()?
    .ok_or(WriteError::Missing(deal_id))
}

fn write_fields(tx: &Transaction<'_>, deal_id: i64, f: &Fields) -> Result<(), WriteError> {
    let int = |v: &Option<String>| -> Result<Option<i64>, WriteError> {
        v.as_deref()
            .map(|s| {
                s.parse::<i64>()
                    .map_err(|_| WriteError::Refused(format!("'{s}' is not a number")))
            })
            .transpose()
    };
    tx.execute(
        "UPDATE deals SET stage = ?2, amount_cents = ?3, expected_close_on = ?4, closed_on = ?5,
                          lost_reason = ?6, probability_bp = ?7
         WHERE id = ?1",
        params![deal_id, f[0], int(&f[1])?, f[2], f[3], f[4], int(&f[5])?],
    )?;
    Ok(())
}

fn stage_of(fields: &Fields) -> Result<Stage, WriteError> {
    fields[0]
        .as_deref()
        .unwrap_or_default()
        .parse()
        .map_err(|e: crate::domain::ParseStageError| WriteError::Refused(e.to_string()))
}

/// The fields after `change`, or why it cannot apply.
fn changed(current: &Fields, change: &DealChange, today: NaiveDate) -> Result<Fields, WriteError> {
    let stage = stage_of(current)?;
    let mut next = current.clone();
    let today = Some(today.to_string());
    let refuse = |why: &str| Err(WriteError::Refused(why.to_string()));
    match change {
        DealChange::Move { to } => {
            if stage.is_closed() {
                return refuse("a closed deal is reopened, not moved");
            }
            if to.is_closed() || *to == stage {
                return refuse("that is not a move to another open stage");
            }
            next[0] = Some(to.as_str().into());
        }
        DealChange::Win => {
            if stage == Stage::Won {
                return refuse("the deal is already Won");
            }
            next[0] = Some("Won".into());
            next[3] = today;
            next[4] = None;
        }
        DealChange::Lose { reason } => {
            if stage == Stage::Lost {
                return refuse("the deal is already Lost");
            }
            next[0] = Some("Lost".into());
            next[3] = today;
            next[4] = Some(reason.clone());
        }
        DealChange::Reopen => {
            if !stage.is_closed() {
                return refuse("the deal is open already");
            }
            next[0] = Some(Stage::Negotiation.as_str().into());
            next[3] = None;
            next[4] = None;
        }
        DealChange::Edit {
            amount,
            expected_close_on,
            probability_bp,
        } => {
            if amount.cents() < 0 {
                return refuse("the amount cannot be negative");
            }
            if probability_bp.is_some_and(|p| !(0..=10_000).contains(&p)) {
                return refuse("the probability must be between 0 and 100%");
            }
            next[1] = Some(amount.cents().to_string());
            next[2] = expected_close_on.map(|d| d.to_string());
            next[5] = probability_bp.map(|p| p.to_string());
        }
    }
    if next == *current {
        return refuse("nothing changed");
    }
    Ok(next)
}

/// Applies `change` to a deal in one transaction, with its stage change and edit rows.
pub fn apply(
    conn: &mut Connection,
    deal_id: i64,
    change: &DealChange,
    today: NaiveDate,
    at: &str,
    actor: &str,
) -> Result<Saved, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = read_fields(&tx, deal_id)?;
    let next = changed(&current, change, today)?;
    write_fields(&tx, deal_id, &next)?;
    tx.execute(
        "UPDATE edits SET superseded = 1 WHERE undone = 1 AND superseded = 0",
        [],
    )?;
    let batch: i64 = tx.query_row("SELECT COALESCE(MAX(batch), 0) + 1 FROM edits", [], |r| {
        r.get(0)
    })?;
    let mut record = tx.prepare(
        "INSERT INTO edits (at, entity, entity_id, field, old_value, new_value, undone, batch, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)",
    )?;
    for ((field, old), new) in DEAL_FIELDS.iter().zip(&current).zip(&next) {
        if old != new {
            record.execute(params![at, "deal", deal_id, field, old, new, batch, actor])?;
        }
    }
    if current[0] != next[0] {
        tx.execute(
            "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on) VALUES (?1, ?2, ?3, ?4)",
            params![deal_id, current[0], next[0], today],
        )?;
        let row = tx.last_insert_rowid();
        let value = format!(
            "{}|{}|{}",
            current[0].as_deref().unwrap_or_default(),
            next[0].as_deref().unwrap_or_default(),
            today
        );
        record.execute(params![
            at,
            "stage_change",
            row,
            "row",
            None::<String>,
            value,
            batch,
            actor
        ])?;
    }
    drop(record);
    let title: String = tx.query_row("SELECT title FROM deals WHERE id = ?1", [deal_id], |r| {
        r.get(0)
    })?;
    tx.commit()?;
    Ok(Saved {
        batch,
        deal_id: Some(deal_id),
        summary: format!("{}: {}", title, describe(change)),
    })
}

fn describe(change: &DealChange) -> String {
    match change {
        DealChange::Move { to } => format!("moved to {to}"),
        DealChange::Win => "marked Won".into(),
        DealChange::Lose { reason } => format!("marked Lost ({reason})"),
        DealChange::Reopen => "reopened at Negotiation".into(),
        DealChange::Edit { .. } => "edited".into(),
    }
}

/// One `edits` row of a batch, as replay reads it.
pub(crate) struct EditRow {
    /// deal, stage_change, task, task_row, rep_absence or channel_plan.
    pub entity: String,
    /// The row it changed.
    pub entity_id: i64,
    /// The column (or `row` for a whole row).
    pub field: String,
    /// Value before.
    pub old: Option<String>,
    /// Value after.
    pub new: Option<String>,
}

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

const UNDO_BATCH: &str = "SELECT MAX(batch) FROM edits WHERE undone = 0";
const REDO_BATCH: &str = "SELECT MIN(batch) FROM edits WHERE undone = 1 AND superseded = 0";

fn target_deal(conn: &Connection, batch_sql: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        &format!(
            "SELECT MIN(entity_id) FROM edits WHERE entity = 'deal' AND batch = ({batch_sql})"
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
    let saved = replay(&tx, batch, Direction::Back)?;
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
        params![batch, super::import::IMPORT_ENTITY],
        |r| r.get(0),
    )?;
    if !is_import {
        return Ok(None);
    }
    let summary = super::import::undo_import(tx, batch).map_err(|e| match e {
        super::import::UndoError::Refused(why) => WriteError::Refused(why),
        super::import::UndoError::Sqlite(e) => WriteError::Sqlite(e),
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
    let saved = replay(&tx, batch, Direction::Forward)?;
    tx.execute("UPDATE edits SET undone = 0 WHERE batch = ?1", [batch])?;
    tx.commit()?;
    Ok(Some(saved))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Back,
    Forward,
}

fn replay(tx: &Transaction<'_>, batch: i64, direction: Direction) -> Result<Saved, WriteError> {
    let rows = batch_rows(tx, batch)?;
    if rows
        .iter()
        .any(|r| r.entity == super::channels::PLAN_ENTITY)
    {
        let summary = super::channels::replay_plan(tx, &rows, direction == Direction::Back)?;
        return Ok(Saved {
            batch,
            deal_id: None,
            summary,
        });
    }
    if !rows.iter().any(|r| r.entity == "deal") {
        let summary = super::task_edits::replay(tx, &rows, direction == Direction::Back)?;
        return Ok(Saved {
            batch,
            deal_id: None,
            summary,
        });
    }
    let deal_id = rows
        .iter()
        .find(|r| r.entity == "deal")
        .map(|r| r.entity_id)
        .ok_or_else(|| WriteError::Refused(format!("edit batch {batch} has no deal")))?;
    let mut fields = read_fields(tx, deal_id)?;
    for row in rows.iter().filter(|r| r.entity == "deal") {
        let i = DEAL_FIELDS
            .iter()
            .position(|f| *f == row.field)
            .ok_or_else(|| WriteError::Refused(format!("unknown field {}", row.field)))?;
        fields[i] = match direction {
            Direction::Back => row.old.clone(),
            Direction::Forward => row.new.clone(),
        };
    }
    write_fields(tx, deal_id, &fields)?;
    for row in rows.iter().filter(|r| r.entity == "stage_change") {
        match direction {
            Direction::Back => {
                tx.execute("DELETE FROM stage_changes WHERE id = ?1", [row.entity_id])?;
            }
            Direction::Forward => {
                let value = row.new.as_deref().unwrap_or_default();
                let parts: Vec<&str> = value.splitn(3, '|').collect();
                let [from, to, on] = parts[..] else {
                    return Err(WriteError::Refused(format!(
                        "bad stage change record '{value}'"
                    )));
                };
                tx.execute(
                    "INSERT INTO stage_changes (id, deal_id, from_stage, to_stage, changed_on)
                     VALUES (?1, ?2, NULLIF(?3, ''), ?4, ?5)",
                    params![row.entity_id, deal_id, from, to, on],
                )?;
            }
        }
    }
    let title: String = tx.query_row("SELECT title FROM deals WHERE id = ?1", [deal_id], |r| {
        r.get(0)
    })?;
    let verb = match direction {
        Direction::Back => "undone",
        Direction::Forward => "redone",
    };
    Ok(Saved {
        batch,
        deal_id: Some(deal_id),
        summary: format!("{verb}: {title}"),
    })
}

/// The newest `limit` edit rows, newest first, for `:history`.
pub fn history(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<HistoryLine>> {
    conn.prepare(
        "SELECT e.at, e.actor,
                COALESCE(d.title, t.title, c.name || ' plan', e.entity || ' ' || e.entity_id),
                e.field, e.old_value, e.new_value, e.undone
         FROM edits e LEFT JOIN deals d ON e.entity = 'deal' AND d.id = e.entity_id
                      LEFT JOIN tasks t ON e.entity IN ('task', 'task_row') AND t.id = e.entity_id
                      LEFT JOIN channels c ON e.entity = 'channel_plan' AND c.id = e.entity_id
         WHERE e.entity NOT IN ('stage_change', 'import_field')
         ORDER BY e.id DESC LIMIT ?1",
    )?
    .query_map([limit as i64], |r| {
        Ok(HistoryLine {
            at: r.get(0)?,
            actor: r.get(1)?,
            what: r.get(2)?,
            field: r.get(3)?,
            old: r.get(4)?,
            new: r.get(5)?,
            undone: r.get::<_, i64>(6)? != 0,
        })
    })?
    .collect()
}
