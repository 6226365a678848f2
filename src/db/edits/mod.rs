//! Changes to deals, each one transaction with its audit rows, and undo/redo from those rows.
//!
//! A change writes the deal in a single UPDATE (so the Won/Lost ⇔ closed_on check holds), a
//! `stage_changes` row when the stage moves, and one `edits` row per field, all sharing a batch.
//! Undo puts every field of the newest live batch back and deletes its stage change; redo does
//! the opposite for the oldest batch undone since the last new change (a new change supersedes
//! every undone batch, as in any editor). Task and channel-plan batches are replayed by their own
//! modules, which share only [`record`] with this one.

mod deal;
mod history;
pub(crate) mod record;
mod undo;
pub mod words;

pub use deal::apply;
pub use history::{HistoryLine, history};
pub use record::{Saved, WriteError};
pub use undo::{redo, redo_target, undo, undo_target};
