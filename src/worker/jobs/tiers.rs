//! The Tiers screen's job: every customer's value, tier and segment, and the quarter's tier moves.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::tiers;
use crate::worker::output::Output;

/// Values every customer as of `as_of`.
pub(in crate::worker) fn run(conn: &Connection, as_of: NaiveDate) -> Output {
    Output::Tiers(
        tiers::overview(conn, as_of).map_err(|e| format!("cannot value the customers: {e}")),
    )
}
