//! Writes of records — customers with tags, contacts, deals, activities, follow-up tasks, quotas
//! and bulk changes of deals — each one transaction with its batch of `edits` rows, undone and redone through
//! [`journal::replay`]. Bad input is refused with the field named and nothing written.

mod activity;
mod bulk;
mod category;
mod customer;
mod deal;
pub(crate) mod journal;
mod lookup;
mod merge;
mod quota;
mod task;

pub use activity::{ACTIVITY_KINDS, NewActivity, log_activity};
pub use bulk::{BulkChange, BulkSummary, bulk_change};
pub use category::set_category;
pub use customer::{
    ContactInput, CustomerInput, Duplicate, add_contact, create_customer, edit_contact,
    edit_customer, likely_duplicates, remove_contact,
};
pub use deal::{DealEdit, NewDeal, create_deal, edit_deal};
pub use merge::merge_customers;
pub use quota::set_quota;
pub use task::{TaskInput, create_task, follow_up, task_kinds};

use rusqlite::{Connection, TransactionBehavior};

use crate::db::edits::WriteError;
use crate::domain::FieldError;
use journal::Journal;

/// Why a record write was refused; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// A field is empty, malformed or names something that does not exist.
    #[error("{0}")]
    Field(#[from] FieldError),
    /// The customer looks like one already in the book; the caller may insist.
    #[error("likely duplicate of {}", .0.iter().map(|d| format!("{} (customer {}, {})", d.name, d.id, d.why)).collect::<Vec<_>>().join("; "))]
    Duplicate(Vec<Duplicate>),
    /// The write itself failed or made no sense for the record as it is.
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl From<rusqlite::Error> for RecordError {
    fn from(e: rusqlite::Error) -> Self {
        RecordError::Write(WriteError::Sqlite(e))
    }
}

/// A saved record write: the row it made or changed, its batch, and one line in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The id of the record made or changed (0 for a bulk change).
    pub id: i64,
    /// The batch of edits, undone as one step.
    pub batch: i64,
    /// What was done, as a manager would say it.
    pub summary: String,
}

/// Who and when to stamp on the edits of a write.
#[derive(Debug, Clone, Copy)]
pub struct Stamp<'a> {
    /// Local time of the write, `YYYY-MM-DD HH:MM:SS`.
    pub at: &'a str,
    /// Login name of whoever made it.
    pub actor: &'a str,
    /// Today, for default dates and shorthands.
    pub today: chrono::NaiveDate,
}

/// Runs `body` in one immediate transaction as one batch; commits only when it succeeds and
/// changed something.
fn write<F>(conn: &mut Connection, stamp: Stamp<'_>, body: F) -> Result<Written, RecordError>
where
    F: FnOnce(&Journal<'_, '_>) -> Result<(i64, String), RecordError>,
{
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let journal = Journal::begin(&tx, stamp.at, stamp.actor)?;
    let (id, summary) = body(&journal)?;
    let batch = journal.finish(&summary)?;
    tx.commit()?;
    Ok(Written { id, batch, summary })
}
