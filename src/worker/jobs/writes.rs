//! Writes (deal changes, undo, redo, task changes, channel plans) and the history they leave.
//! Each is one transaction with its edit record; deal writes also read the card before and after.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::board::{self, Card};
use crate::db::channels::{self, PlanPrediction};
use crate::db::edits::{self, Saved, WriteError};
use crate::db::pipelines::{self, StageEdit};
use crate::db::task_edits;
use crate::domain::{DealChange, Money, TaskChange};
use crate::worker::output::{Output, Written};

/// How many edits `:history` shows.
pub const HISTORY_LINES: usize = 200;

/// Saves a change to a deal, stamped with `today`.
pub(in crate::worker) fn deal(
    conn: &mut Connection,
    deal_id: i64,
    change: &DealChange,
    today: NaiveDate,
) -> Output {
    Output::Written(write(conn, Some(deal_id), |conn| {
        edits::apply(conn, deal_id, change, today, &now_text(), &actor()).map(Some)
    }))
}

/// Undoes the newest change.
pub(in crate::worker) fn undo(conn: &mut Connection) -> Output {
    Output::Written(
        edits::undo_target(conn)
            .map_err(|e| e.to_string())
            .and_then(|deal| write(conn, deal, edits::undo)),
    )
}

/// Redoes the change undone last.
pub(in crate::worker) fn redo(conn: &mut Connection) -> Output {
    Output::Written(
        edits::redo_target(conn)
            .map_err(|e| e.to_string())
            .and_then(|deal| write(conn, deal, edits::redo)),
    )
}

/// Saves a change to the book's pipelines or stages, as of `today`.
pub(in crate::worker) fn stage_edit(
    conn: &mut Connection,
    edit: &StageEdit,
    today: NaiveDate,
) -> Output {
    Output::Written(write(conn, None, |conn| {
        pipelines::apply_stage_edit(conn, edit, today, &now_text(), &actor()).map(Some)
    }))
}

/// Saves a change to tasks or absences, as of `today`.
pub(in crate::worker) fn task(
    conn: &mut Connection,
    change: &TaskChange,
    today: NaiveDate,
) -> Output {
    Output::Written(write(conn, None, |conn| {
        task_edits::apply(conn, change, today, &now_text(), &actor()).map(Some)
    }))
}

/// Saves each channel's planned spend for `month` as one undoable batch, with its predictions.
pub(in crate::worker) fn channel_plan(
    conn: &mut Connection,
    month: &str,
    spends: &[(i64, Money)],
    predictions: &[PlanPrediction],
) -> Output {
    Output::Written(write(conn, None, |conn| {
        channels::save_plan_with(conn, month, spends, predictions, &now_text(), &actor()).map(Some)
    }))
}

/// Reads the [`HISTORY_LINES`] newest edits.
pub(in crate::worker) fn history(conn: &Connection) -> Output {
    Output::History(
        edits::history(conn, HISTORY_LINES).map_err(|e| format!("cannot read the history: {e}")),
    )
}

/// Runs a write between reading the deal's card before and after it.
fn write(
    conn: &mut Connection,
    deal_id: Option<i64>,
    action: impl FnOnce(&mut Connection) -> Result<Option<Saved>, WriteError>,
) -> Result<Written, String> {
    let card = |conn: &Connection| -> Result<Option<Card>, String> {
        match deal_id {
            Some(id) => {
                board::load_card(conn, id).map_err(|e| format!("cannot read deal {id}: {e}"))
            }
            None => Ok(None),
        }
    };
    let before = card(conn)?;
    let saved = action(conn).map_err(|e| e.to_string())?;
    let after = card(conn)?;
    Ok(Written {
        saved,
        before,
        after,
    })
}

/// The local time edits are stamped with.
pub(in crate::worker) fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Who makes edits: the login name, for the history.
pub(in crate::worker) fn actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "salesdesk".to_string())
}
