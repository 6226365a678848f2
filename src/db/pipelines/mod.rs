//! The book's pipelines and stages: reading the catalogue, and editing it (add, rename, reorder,
//! remove with moves, probabilities and stale days) as undoable batches.

mod edit;
mod kinds;
mod plan;
mod replay;
mod snapshot;

use rusqlite::Connection;

use crate::db::edits::WriteError;
use crate::domain::Pipelines;

pub use edit::{apply_stage_edit, seed_stages};
pub use kinds::{MAX_NAME, MAX_STAGES, NewStage, StageEdit};
pub(crate) use replay::{ENTITY, replay};

/// Reads every pipeline and its open stages, in order.
pub fn load(conn: &Connection) -> rusqlite::Result<Pipelines> {
    snapshot::Catalogue::read(conn).map(|c| c.to_pipelines())
}

/// Makes `edits` inside the caller's transaction without recording them, and returns the
/// catalogue after them: a dry-run import checks its rows against the stages it would create,
/// then rolls everything back. An edit the book would refuse is refused here too.
pub fn preview_in(
    tx: &rusqlite::Transaction<'_>,
    edits: &[StageEdit],
) -> Result<Pipelines, WriteError> {
    let now = snapshot::Catalogue::read(tx)?;
    let mut next = now.clone();
    for edit in edits {
        let next_ids = next.next_ids();
        next = plan::planned(&next, edit, next_ids)?.next;
    }
    now.restore(tx, &next)?;
    Ok(next.to_pipelines())
}

/// A stored stage name that is not a stage of the deal's pipeline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{name}' is not a stage of this deal's pipeline (one of {known})")]
pub struct UnknownStage {
    /// The name found.
    pub name: String,
    /// The names the pipeline has.
    pub known: String,
}

/// Column `idx` of `row` as a stage of pipeline `pipeline_id`; an unknown name is a conversion
/// error of that column naming it.
pub(crate) fn stage_column(
    row: &rusqlite::Row<'_>,
    idx: usize,
    catalogue: &Pipelines,
    pipeline_id: i64,
) -> rusqlite::Result<crate::domain::Stage> {
    let name = row.get_ref(idx)?.as_str()?;
    catalogue.stage_named(pipeline_id, name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::new(UnknownStage {
                name: name.to_string(),
                known: catalogue.names_of(pipeline_id),
            }),
        )
    })
}

/// The stage a stage-history row of a deal of `pipeline_id` names, through former names too;
/// `None` for a stage since removed (its deals were moved, and the move is in the history).
pub(crate) fn history_stage(
    row: &rusqlite::Row<'_>,
    idx: usize,
    catalogue: &Pipelines,
    pipeline_id: i64,
) -> rusqlite::Result<Option<crate::domain::Stage>> {
    let name = row.get_ref(idx)?.as_str()?;
    Ok(catalogue.stage_in_history(pipeline_id, name))
}

/// The `desk_settings` key of the pipeline the board shows.
const SHOWN_KEY: &str = "board_pipeline";

/// The pipeline the board showed last: `None` when never chosen, `Some(None)` for all of them.
pub fn shown(conn: &Connection) -> rusqlite::Result<Option<Option<i64>>> {
    use rusqlite::OptionalExtension;
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM desk_settings WHERE key = ?1",
            [SHOWN_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.map(|v| v.parse().ok()))
}

/// Remembers the pipeline the board shows (`None`: all of them) for the next session.
pub fn remember_shown(conn: &Connection, pipeline: Option<i64>) -> rusqlite::Result<()> {
    let value = pipeline.map_or_else(|| "all".to_string(), |id| id.to_string());
    conn.execute(
        "INSERT INTO desk_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [SHOWN_KEY, value.as_str()],
    )?;
    Ok(())
}
