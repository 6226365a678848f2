//! The rep picker of a reassignment (type to filter): its state, keys and view.

pub mod keys;
pub mod view;

/// The rep picker behind `r`: reps filtered by typed text, and the tasks to move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepPicker {
    /// The typed text.
    pub query: String,
    /// Position in the filtered list.
    pub cursor: usize,
    /// The tasks that will move.
    pub task_ids: Vec<i64>,
}
