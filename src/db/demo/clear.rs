//! Counting and deleting the rows of the book of business.

use rusqlite::Connection;

/// Every table of the book of business, children before parents (a safe order to delete in).
const TABLES: [&str; 13] = [
    "edits",
    "channel_plans",
    "channel_months",
    "channels",
    "rep_absences",
    "quotas",
    "tasks",
    "activities",
    "stage_changes",
    "deals",
    "customers",
    "products",
    "reps",
];

/// Tables deleted first and not counted, since they only derive from the book (a book with any
/// of their rows has rows counted already): what accepted assignment and channel plans
/// predicted, the stored calls and the stored analyses.
const DERIVED_TABLES: [&str; 6] = [
    "analysis_cache",
    "assign_plan_tasks",
    "assign_plan_reps",
    "assign_plans",
    "channel_plan_predictions",
    "commit_snapshots",
];

/// Rows in all book-of-business tables together.
pub(super) fn count_rows(conn: &Connection) -> Result<u64, rusqlite::Error> {
    TABLES.iter().try_fold(0, |sum, table| {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(sum + n as u64)
    })
}

/// Deletes every row of every book-of-business table (within the caller's transaction), and
/// gives the book a new identity: what replaces it is another book.
pub(super) fn delete_all(conn: &Connection) -> Result<(), rusqlite::Error> {
    for table in DERIVED_TABLES.iter().chain(&TABLES) {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    crate::db::cache::new_identity(conn)
}
