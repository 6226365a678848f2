//! Bulk imports of deals: dropping the indexes the import does not read, and rebuilding them.

use rusqlite::Transaction;

/// Rows a deals file is guessed to hold per byte: a deal row is rarely under 50 bytes.
const MIN_DEAL_ROW_BYTES: u64 = 50;
/// Below this many rows, indexes are kept up row by row.
const BULK_ROWS: u64 = 50_000;

/// For a deals file big next to the deals already stored, drops the deal indexes the import
/// does not read (all but the external-id one) and returns the SQL to rebuild them before
/// commit: one sort per index instead of a million inserts into each.
pub fn defer_deal_indexes(tx: &Transaction<'_>, file_bytes: u64) -> rusqlite::Result<Vec<String>> {
    let rows = file_bytes / MIN_DEAL_ROW_BYTES;
    let stored: i64 = tx.query_row("SELECT COUNT(*) FROM deals", [], |r| r.get(0))?;
    if rows < BULK_ROWS || rows < u64::try_from(stored).unwrap_or(u64::MAX) / 2 {
        return Ok(Vec::new());
    }
    crate::db::bulk_indexes::drop_indexes(tx, &["deals"], &["deals_by_external_id"])
}

/// Rebuilds what [`defer_deal_indexes`] dropped.
pub fn rebuild_indexes(tx: &Transaction<'_>, sql: &[String]) -> rusqlite::Result<()> {
    crate::db::bulk_indexes::rebuild(tx, sql)
}
