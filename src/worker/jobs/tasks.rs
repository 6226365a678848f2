//! The Tasks screen's jobs: the open tasks and reps, the optimal assignment plan, and the
//! accepted plans against results.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::assign::{AssignWeights, Scope, plan as solve};
use crate::analytics::monitor::assign::check_plans;
use crate::db::{assign_plans, tasks};
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

/// Checks every accepted assignment plan as of `as_of`, `window_days` either side.
pub(in crate::worker) fn watch(conn: &Connection, as_of: NaiveDate, window_days: i64) -> Output {
    Output::PlanWatch(
        assign_plans::plan_facts(conn)
            .map(|facts| check_plans(&facts, as_of, window_days))
            .map_err(|e| format!("cannot read the assignment plans: {e}")),
    )
}
