//! Undo and redo of a stage edit: the catalogue put back to the recorded side, and the deals a
//! removal moved put back (their stage-history rows deleted) or moved again (the rows restored
//! with their ids).

use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};

use super::snapshot::Catalogue;
use crate::db::edits::WriteError;
use crate::db::edits::record::EditRow;

/// The `edits.entity` of every row of a stage edit.
pub(crate) const ENTITY: &str = "pipeline_edit";

/// One deal a stage removal moved, with the stage-history row it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Move {
    pub deal_id: i64,
    pub change_id: i64,
    pub from: String,
    pub to: String,
    pub on: String,
}

fn parsed<T: serde::de::DeserializeOwned>(text: Option<&str>, what: &str) -> Result<T, WriteError> {
    serde_json::from_str(text.unwrap_or_default())
        .map_err(|e| WriteError::Refused(format!("the recorded {what} cannot be read: {e}")))
}

/// Puts a stage edit back (`back`) or forward again; returns the status-line summary.
pub(crate) fn replay(
    tx: &Transaction<'_>,
    rows: &[EditRow],
    back: bool,
) -> Result<String, WriteError> {
    let field = |name: &str| rows.iter().find(|r| r.entity == ENTITY && r.field == name);
    let catalogue = field("catalogue")
        .ok_or_else(|| WriteError::Refused("the stage edit has no catalogue".into()))?;
    let (before, after): (Catalogue, Catalogue) = (
        parsed(catalogue.old.as_deref(), "catalogue")?,
        parsed(catalogue.new.as_deref(), "catalogue")?,
    );
    let moves: Vec<Move> = match field("moves") {
        Some(row) => parsed(row.new.as_deref(), "moves")?,
        None => Vec::new(),
    };
    let now = Catalogue::read(tx)?;
    if back {
        now.restore(tx, &before)?;
        for m in &moves {
            tx.execute(
                "UPDATE deals SET stage = ?2 WHERE id = ?1",
                params![m.deal_id, m.from],
            )?;
            tx.execute("DELETE FROM stage_changes WHERE id = ?1", [m.change_id])?;
        }
    } else {
        for m in &moves {
            tx.execute(
                "UPDATE deals SET stage = ?2 WHERE id = ?1",
                params![m.deal_id, m.to],
            )?;
            tx.execute(
                "INSERT INTO stage_changes (id, deal_id, from_stage, to_stage, changed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![m.change_id, m.deal_id, m.from, m.to, m.on],
            )?;
        }
        now.restore(tx, &after)?;
    }
    let summary = field("summary")
        .and_then(|r| r.new.clone())
        .unwrap_or_else(|| "stage edit".into());
    let verb = if back { "undone" } else { "redone" };
    Ok(format!("{verb}: {summary}"))
}
