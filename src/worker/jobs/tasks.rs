//! The Tasks screen's jobs: the open tasks and reps, and the optimal assignment plan.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::assign::{AssignWeights, Scope, plan as solve};
use crate::db::tasks;
use crate::worker::output::Output;

/// Loads the open tasks and reps.
pub(in crate::worker) fn load(conn: &Connection, as_of: NaiveDate) -> Output {
    Output::Tasks(
        tasks::load_input(conn, as_of, false).map_err(|e| format!("cannot load tasks: {e}")),
    )
}

/// Computes the optimal assignment plan of the tasks and reps in `scope`.
pub(in crate::worker) fn plan(
    conn: &Connection,
    scope: &Scope,
    weights: &AssignWeights,
    as_of: NaiveDate,
) -> Output {
    Output::Plan(
        tasks::load_input(conn, as_of, true)
            .map_err(|e| format!("cannot load tasks: {e}"))
            .and_then(|input| solve(&input, scope, weights).map_err(|e| e.to_string())),
    )
}
