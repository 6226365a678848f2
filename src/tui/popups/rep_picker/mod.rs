//! The rep picker of a reassignment (type to filter): its state, keys and view.

pub mod keys;
pub mod view;

use crate::tui::widgets::picker::TypeAhead;

/// The rep picker behind `r`: reps filtered by typed text, and the tasks to move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepPicker {
    /// What was typed and where the cursor is among the matching reps.
    pub search: TypeAhead,
    /// The tasks that will move.
    pub task_ids: Vec<i64>,
}
