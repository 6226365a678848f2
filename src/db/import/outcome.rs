//! What writing one imported row came to: its outcome, the desk's edits it kept, why it failed,
//! and what the import did besides its rows.

use std::collections::BTreeMap;

use crate::import::{PendingRow, Rejection};

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOutcome {
    /// A new record.
    Created,
    /// An existing record was changed.
    Updated,
    /// An existing record already held what the row says (or only the desk's edits differ).
    Unchanged,
    /// An existing record was left alone (`--on-conflict skip`).
    Skipped,
}

/// A field the desk changed since the last import, kept instead of the file's value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict {
    /// Line of the file.
    pub line: u64,
    /// The column kept.
    pub field: String,
    /// The desk's value, kept.
    pub desk: Option<String>,
    /// The file's value, not written.
    pub file: Option<String>,
}

/// Why a row was not written: the row's fault, or the database's (which ends the import).
#[derive(Debug)]
pub enum RowFailure {
    /// The row is rejected; the import goes on.
    Rejected(Rejection),
    /// The database failed; the import stops and rolls back.
    Fatal(rusqlite::Error),
}

impl From<rusqlite::Error> for RowFailure {
    fn from(e: rusqlite::Error) -> Self {
        RowFailure::Fatal(e)
    }
}

/// Counts of what an import did besides its rows, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideEffects {
    /// References created by name, per kind of reference.
    pub created_by_name: BTreeMap<&'static str, u64>,
    /// Deals whose missing amount took their product's list price.
    pub amounts_from_list_price: u64,
    /// Deals whose title was made from product and customer.
    pub titles_made: u64,
    /// Deals with no date at all, taken as created on the import date.
    pub created_on_import_date: u64,
}

impl RowFailure {
    /// Row `row` rejected at `column` for `reason`.
    pub(super) fn rejected(row: &PendingRow, column: &str, reason: String) -> RowFailure {
        RowFailure::Rejected(Rejection {
            line: row.line,
            column: column.to_string(),
            reason,
        })
    }
}
