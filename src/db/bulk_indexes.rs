//! Indexes of bulk-filled tables are dropped while rows stream in and rebuilt afterwards from
//! their own stored SQL, inside the same transaction: one sort per index is far cheaper than
//! millions of inserts at random places in it. The schema ends up exactly as it was.

use rusqlite::Transaction;

/// Drops the indexes of `tables` except those named in `keep` (which the load itself reads);
/// returns the SQL that recreates them, in schema order.
pub(crate) fn drop_indexes(
    tx: &Transaction<'_>,
    tables: &[&str],
    keep: &[&str],
) -> Result<Vec<String>, rusqlite::Error> {
    let placeholders = vec!["?"; tables.len()].join(", ");
    let mut stmt = tx.prepare(&format!(
        "SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({placeholders})
         ORDER BY rowid"
    ))?;
    let indexes = stmt
        .query_map(rusqlite::params_from_iter(tables), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let dropped: Vec<(String, String)> = indexes
        .into_iter()
        .filter(|(name, _)| !keep.contains(&name.as_str()))
        .collect();
    for (name, _) in &dropped {
        tx.execute(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")), [])?;
    }
    Ok(dropped.into_iter().map(|(_, sql)| sql).collect())
}

/// Page cache while the indexes are built, in KiB (negative in the pragma). SQLite sizes the
/// sorter's in-memory runs by the page cache; runs of 2 MiB stay in the processor's caches and
/// sort about twice as fast as one run of a million keys, and the index pages are appended in
/// order, so few of them are hot.
const SORT_CACHE_KIB: i64 = -2_048;

/// Recreates the indexes [`drop_indexes`] dropped, with the connection's page cache at
/// [`SORT_CACHE_KIB`] and SQLite's sorter allowed a helper thread per core meanwhile (both put
/// back afterwards, also on error): the helpers sort and merge the runs in parallel, which took
/// the demo's index phase at 1M deals from 7.5 to 4.8–5.9 s on 2 cores.
pub(crate) fn rebuild(tx: &Transaction<'_>, sql: &[String]) -> Result<(), rusqlite::Error> {
    if sql.is_empty() {
        return Ok(());
    }
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let threads: i64 = tx.query_row("PRAGMA threads", [], |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", SORT_CACHE_KIB)?;
    let helpers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    tx.query_row(&format!("PRAGMA threads = {helpers}"), [], |r| {
        r.get::<_, i64>(0)
    })?;
    let built = sql
        .iter()
        .try_for_each(|create| tx.execute(create, []).map(|_| ()));
    tx.pragma_update(None, "cache_size", cache)?;
    tx.query_row(&format!("PRAGMA threads = {threads}"), [], |r| {
        r.get::<_, i64>(0)
    })?;
    built
}
