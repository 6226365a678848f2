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

/// Recreates the indexes [`drop_indexes`] dropped.
pub(crate) fn rebuild(tx: &Transaction<'_>, sql: &[String]) -> Result<(), rusqlite::Error> {
    for create in sql {
        tx.execute(create, [])?;
    }
    Ok(())
}
