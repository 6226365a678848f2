//! The Tiers screen's job: every customer's value, tier and segment, and the quarter's tier moves.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::value::TiersOverview;
use crate::db::tiers;

/// Values every customer as of `as_of`.
pub(in crate::worker) fn run(conn: &Connection, as_of: NaiveDate) -> Result<TiersOverview, String> {
    tiers::overview(conn, as_of).map_err(|e| format!("cannot value the customers: {e}"))
}
