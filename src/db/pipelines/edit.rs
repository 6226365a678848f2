//! Edits to the catalogue, each one transaction and one undoable batch: the catalogue before and
//! after, the deals a removal moved (with their stage-history rows), and a summary in words.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::kinds::{NewStage, StageEdit};
use super::plan::{Planned, planned};
use super::replay::{ENTITY, Move};
use super::snapshot::{Catalogue, StageRow};
use crate::db::edits::record::{Stamp, new_batch};
use crate::db::edits::{Saved, WriteError};

/// Moves every deal of `from` to `to`, each with its stage-history row; returns the moves.
fn move_deals(
    tx: &Transaction<'_>,
    from: &StageRow,
    to: &StageRow,
    today: NaiveDate,
) -> Result<Vec<Move>, WriteError> {
    let deals: Vec<i64> = tx
        .prepare("SELECT id FROM deals WHERE pipeline_id = ?1 AND stage = ?2 ORDER BY id")?
        .query_map(params![from.pipeline_id, from.name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut moves = Vec::with_capacity(deals.len());
    let mut update = tx.prepare("UPDATE deals SET stage = ?2 WHERE id = ?1")?;
    let mut history = tx.prepare(
        "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for deal_id in deals {
        update.execute(params![deal_id, to.name])?;
        history.execute(params![deal_id, from.name, to.name, today])?;
        moves.push(Move {
            deal_id,
            change_id: tx.last_insert_rowid(),
            from: from.name.clone(),
            to: to.name.clone(),
            on: today.to_string(),
        });
    }
    Ok(moves)
}

/// Applies `edit` in one transaction with its batch of edits; `today` dates the stage-history
/// rows of deals a removal moves.
pub fn apply_stage_edit(
    conn: &mut Connection,
    edit: &StageEdit,
    today: NaiveDate,
    at: &str,
    actor: &str,
) -> Result<Saved, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let now = Catalogue::read(&tx)?;
    let Planned {
        next,
        moves,
        summary,
    } = planned(&now, edit, now.next_ids())?;
    let moved = match &moves {
        Some((from, to)) => move_deals(&tx, from, to, today)?,
        None => Vec::new(),
    };
    now.restore(&tx, &next)?;
    let batch = new_batch(&tx)?;
    let stamp = Stamp { at, actor, batch };
    stamp.write(&tx, ENTITY, 0, "catalogue", &json(&now)?, &json(&next)?)?;
    if !moved.is_empty() {
        stamp.write(&tx, ENTITY, 0, "moves", &None::<String>, &json(&moved)?)?;
    }
    stamp.write(&tx, ENTITY, 0, "summary", &None::<String>, &summary)?;
    tx.commit()?;
    Ok(Saved {
        batch,
        deal_id: None,
        summary,
    })
}

/// A value an `edits` row keeps, as JSON text.
pub(super) fn json<T: serde::Serialize>(value: &T) -> Result<String, WriteError> {
    serde_json::to_string(value)
        .map_err(|e| WriteError::Refused(format!("cannot record the edit: {e}")))
}

/// Makes the first pipeline's stages those given (name, probability in basis points, stale
/// days), in order, on a book without deals and without stage edits: how a new book takes the
/// config's `[pipeline]` stages. Returns false (and changes nothing) on any other book.
pub fn seed_stages(
    conn: &mut Connection,
    stages: &[(String, i64, i64)],
) -> Result<bool, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let fresh: bool = tx.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM deals)
            AND NOT EXISTS (SELECT 1 FROM edits WHERE entity = ?1)",
        [ENTITY],
        |r| r.get(0),
    )?;
    let now = Catalogue::read(&tx)?;
    let Some(first) = now.pipelines.first().map(|p| p.id) else {
        return Ok(false);
    };
    let current: Vec<(String, i64, i64)> = now
        .stages_of(first)
        .iter()
        .map(|s| (s.name.clone(), s.probability_bp, s.stale_days))
        .collect();
    if !fresh || stages.is_empty() || current == stages {
        return Ok(false);
    }
    let replace = StageEdit::ReplaceStages {
        pipeline_id: first,
        stages: stages
            .iter()
            .map(|(name, probability_bp, stale_days)| NewStage {
                name: name.clone(),
                probability_bp: *probability_bp,
                stale_days: *stale_days,
            })
            .collect(),
    };
    let next = planned(&now, &replace, now.next_ids())?.next;
    now.restore(&tx, &next)?;
    tx.commit()?;
    Ok(true)
}
