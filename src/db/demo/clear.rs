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

/// Tables deleted first and not counted: what accepted assignment plans predicted (they refer
/// to reps, so a book with any of them has rows counted already).
const PLAN_TABLES: [&str; 3] = ["assign_plan_tasks", "assign_plan_reps", "assign_plans"];

/// Rows in all book-of-business tables together.
pub(super) fn count_rows(conn: &Connection) -> Result<u64, rusqlite::Error> {
    TABLES.iter().try_fold(0, |sum, table| {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(sum + n as u64)
    })
}

/// Deletes every row of every book-of-business table (within the caller's transaction).
pub(super) fn delete_all(conn: &Connection) -> Result<(), rusqlite::Error> {
    for table in PLAN_TABLES.iter().chain(&TABLES) {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}
