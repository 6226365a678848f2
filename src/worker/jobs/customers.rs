//! The Customers screen's loads: the whole index and one customer's detail pane.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::customers::{self, CustomerIndex};
use crate::worker::output::Output;

/// Loads every customer with its aggregates over windows ending at `as_of`.
pub(in crate::worker) fn index(
    conn: &Connection,
    as_of: NaiveDate,
) -> Result<CustomerIndex, String> {
    customers::load_index(conn, as_of).map_err(|e| format!("cannot load customers: {e}"))
}

/// Loads one customer's detail pane.
pub(in crate::worker) fn detail(conn: &Connection, customer_id: i64) -> Output {
    Output::CustomerDetail(
        customers::load_detail(conn, customer_id)
            .map_err(|e| format!("cannot load customer {customer_id}: {e}")),
    )
}
