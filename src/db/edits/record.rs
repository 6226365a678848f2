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

/// Starts a new batch of edits in `tx`: a new change ends redo (every undone batch is
/// superseded), and the batch takes the next number.
pub(crate) fn new_batch(tx: &rusqlite::Connection) -> rusqlite::Result<i64> {
    tx.execute(
        "UPDATE edits SET superseded = 1 WHERE undone = 1 AND superseded = 0",
        [],
    )?;
    tx.query_row("SELECT COALESCE(MAX(batch), 0) + 1 FROM edits", [], |r| {
        r.get(0)
    })
}

/// Who made a batch of edits, when, and its number: what every `edits` row of it carries.
pub(crate) struct Stamp<'a> {
    /// When, as stored.
    pub at: &'a str,
    /// Who.
    pub actor: &'a str,
    /// The batch number.
    pub batch: i64,
}

impl Stamp<'_> {
    /// Writes one `edits` row of this batch: `entity` `entity_id`'s `field` from `old` to `new`.
    pub fn write(
        &self,
        tx: &rusqlite::Connection,
        entity: &str,
        entity_id: i64,
        field: &str,
        old: &dyn rusqlite::ToSql,
        new: &dyn rusqlite::ToSql,
    ) -> rusqlite::Result<()> {
        tx.prepare_cached(
            "INSERT INTO edits (at, entity, entity_id, field, old_value, new_value, undone, batch, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)",
        )?
        .execute(rusqlite::params![
            self.at,
            entity,
            entity_id,
            field,
            old,
            new,
            self.batch,
            self.actor
        ])?;
        Ok(())
    }
}
