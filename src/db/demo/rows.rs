//! Rows drawn by the generator thread and written by the database thread, a batch at a time.

use super::calendar::Day;
use super::deals::Deal;
use crate::domain::Stage;

/// A deal with its row id and title.
pub(super) struct DealRow {
    pub id: i64,
    pub title: String,
    pub deal: Deal,
}

/// One `stage_changes` row.
pub(super) struct StageRow {
    pub deal: i64,
    pub from: Stage,
    pub to: Stage,
    pub on: Day,
}

/// One `activities` row.
pub(super) struct ActivityRow {
    pub customer: i64,
    pub deal: i64,
    pub rep: i64,
    pub kind: &'static str,
    pub on: Day,
}

/// One `tasks` row.
pub(super) struct TaskRow {
    pub title: String,
    pub kind: &'static str,
    pub customer: i64,
    pub deal: i64,
    pub rep: i64,
    pub due: Day,
    pub minutes: u32,
    pub priority: u8,
    pub status: &'static str,
    pub pinned: bool,
    /// The day a done task was done.
    pub done: Option<Day>,
}

/// The rows of a run of consecutive deals.
#[derive(Default)]
pub(super) struct Batch {
    pub deals: Vec<DealRow>,
    pub stage_changes: Vec<StageRow>,
    pub activities: Vec<ActivityRow>,
    pub tasks: Vec<TaskRow>,
}
