//! Indexes of the bulk-filled tables are dropped while rows stream in and rebuilt afterwards from
//! their own stored SQL, inside the same transaction: one sort per index is far cheaper than
//! millions of inserts at random places in it. The schema ends up exactly as it was.

use rusqlite::Transaction;

/// Tables that get most of the rows.
const BULK_TABLES: [&str; 5] = ["customers", "deals", "stage_changes", "activities", "tasks"];

/// Drops the indexes of the bulk tables; returns the SQL that recreates them, in schema order.
pub(super) fn drop_bulk_indexes(tx: &Transaction<'_>) -> Result<Vec<String>, rusqlite::Error> {
    let placeholders = vec!["?"; BULK_TABLES.len()].join(", ");
    let mut stmt = tx.prepare(&format!(
        "SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({placeholders})
         ORDER BY rowid"
    ))?;
    let indexes = stmt
        .query_map(rusqlite::params_from_iter(BULK_TABLES), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (name, _) in &indexes {
        tx.execute(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")), [])?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

/// Recreates the indexes [`drop_bulk_indexes`] dropped.
pub(super) fn rebuild(tx: &Transaction<'_>, sql: &[String]) -> Result<(), rusqlite::Error> {
    for create in sql {
        tx.execute(create, [])?;
    }
    Ok(())
}
