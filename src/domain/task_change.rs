//! A change the manager makes to tasks or rep availability, as one undoable unit.

use chrono::NaiveDate;

/// A new task, as the add form collects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTask {
    /// What to do.
    pub title: String,
    /// call, email, meeting, proposal, follow-up…
    pub kind: String,
    /// The rep who holds it.
    pub rep_id: i64,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Estimated minutes of work.
    pub est_minutes: i64,
    /// 1 (most urgent) to 3.
    pub priority: i64,
}

/// What to do; each becomes one transaction and one batch of edits, undone by one `u`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskChange {
    /// Give each task to a rep (a manual reassignment of the selected tasks).
    Reassign {
        /// (task id, rep id) pairs.
        moves: Vec<(i64, i64)>,
    },
    /// Accept the optimal plan (its rows the manager kept); stored with what it predicts.
    AcceptPlan {
        /// (task id, rep id) pairs.
        moves: Vec<(i64, i64)>,
        /// Minutes of task work a rep does on a working day, for the plan's on-time prediction.
        minutes_per_day: i64,
    },
    /// Mark a task done (on the desk's as-of day).
    Done {
        /// The task.
        task_id: i64,
    },
    /// Pin a task to its rep, or unpin it.
    TogglePin {
        /// The task.
        task_id: i64,
    },
    /// Record that a rep is away, first to last day inclusive.
    Absence {
        /// The rep.
        rep_id: i64,
        /// First day away.
        from: NaiveDate,
        /// Last day away.
        to: NaiveDate,
    },
    /// Add a task.
    Add(NewTask),
    /// Change a task's title, kind, due date, estimate and priority.
    Edit {
        /// The task.
        task_id: i64,
        /// The new values (its rep is not changed here).
        fields: NewTask,
    },
}

/// Task kinds the forms offer.
pub const TASK_KINDS: [&str; 5] = ["call", "email", "meeting", "proposal", "follow-up"];
