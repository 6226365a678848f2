//! The desk's record reads: one deal's or one customer's whole record.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::reads;
use crate::worker::output::Output;

/// Reads deal `id`'s record as of `as_of`.
pub(in crate::worker) fn deal(conn: &Connection, id: i64, as_of: NaiveDate) -> Output {
    Output::DealRecord(
        id,
        reads::deal_record(conn, id, as_of)
            .map(|r| r.map(Box::new))
            .map_err(|e| format!("cannot read deal {id}: {e}")),
    )
}

/// Reads customer `id`'s record.
pub(in crate::worker) fn customer(conn: &Connection, id: i64) -> Output {
    Output::CustomerRecord(
        id,
        reads::customer_record(conn, id)
            .map(|r| r.map(Box::new))
            .map_err(|e| format!("cannot read customer {id}: {e}")),
    )
}
