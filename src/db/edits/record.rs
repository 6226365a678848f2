//! What every kind of edit shares: the error a refused write gives, the saved batch it reports,
//! and the `edits` rows a replay reads.

/// Why a change was not saved; the database is as it was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The deal was deleted meanwhile.
    #[error("deal {0} no longer exists")]
    Missing(i64),
    /// The change makes no sense for the deal as it is now.
    #[error("{0}")]
    Refused(String),
    /// SQLite failed (disk full, locked file…); the transaction was rolled back.
    #[error("could not save: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// A saved (or undone, or redone) batch: what to refresh and what to tell the manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The batch of edits.
    pub batch: i64,
    /// The deal it touched; `None` for a batch of task, absence or channel-plan edits.
    pub deal_id: Option<i64>,
    /// One line for the status bar.
    pub summary: String,
}

/// One `edits` row of a batch, as replay reads it.
pub(crate) struct EditRow {
    /// deal, stage_change, task, task_row, rep_absence or channel_plan.
    pub entity: String,
    /// The row it changed.
    pub entity_id: i64,
    /// The column (or `row` for a whole row).
    pub field: String,
    /// Value before.
    pub old: Option<String>,
    /// Value after.
    pub new: Option<String>,
}
