//! The `:data` view's job: every data-quality check over the whole book.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::quality::quality_report;
use crate::worker::output::Output;

/// Runs the checks as of `as_of`.
pub(in crate::worker) fn run(conn: &Connection, as_of: NaiveDate) -> Output {
    Output::Quality(
        quality_report(conn, as_of)
            .map(Box::new)
            .map_err(|e| format!("cannot check the book: {e}")),
    )
}
