//! The schema as an ordered list of migrations, tracked by `PRAGMA user_version`.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// Every migration in order; a new schema change is a new entry at the end, never an edit.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_book_of_business.sql"),
    include_str!("migrations/002_pipeline.sql"),
    include_str!("migrations/003_import.sql"),
    include_str!("migrations/004_forecast.sql"),
    include_str!("migrations/005_channel_plans.sql"),
    include_str!("migrations/006_imports.sql"),
    include_str!("migrations/007_records.sql"),
    include_str!("migrations/008_margin_known.sql"),
    include_str!("migrations/009_quota_imports.sql"),
    include_str!("migrations/010_activity_customer.sql"),
    include_str!("migrations/011_commit.sql"),
    include_str!("migrations/014_plan_predictions.sql"),
    include_str!("migrations/015_assign_plans.sql"),
    include_str!("migrations/016_won_by_customer.sql"),
    PIPELINES,
    include_str!("migrations/018_analysis_cache.sql"),
];

/// The migration that makes stages data; its hook drops the fixed stage CHECK of `deals`.
const PIPELINES: &str = include_str!("migrations/017_pipelines.sql");

/// The fixed list of stages `deals.stage` was checked against before pipelines, as stored.
const FIXED_STAGE_CHECK: &str =
    "\n        CHECK (stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'))";

/// The schema version this binary writes and understands.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the schema of `conn` up to [`latest_version`] in one transaction per migration.
pub fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    let steps = MIGRATIONS.iter().map(|sql| {
        if *sql == PIPELINES {
            M::up_with_hook(sql, drop_fixed_stage_check)
        } else {
            M::up(sql)
        }
    });
    Migrations::new(steps.collect()).to_latest(conn)
}

/// Removes the fixed stage CHECK from the stored `CREATE TABLE deals`, the way SQLite documents
/// for dropping a CHECK (edit the schema text, bump the schema version so every connection reads
/// it again); the rows already satisfy the looser table, so nothing needs rewriting.
fn drop_fixed_stage_check(tx: &rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    let sql: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'deals'",
        [],
        |r| r.get(0),
    )?;
    if !sql.contains(FIXED_STAGE_CHECK) {
        return Err(rusqlite_migration::HookError::Hook(
            "the deals table does not have the stage check this migration removes".into(),
        ));
    }
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    tx.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = 'deals'",
        [sql.replace(FIXED_STAGE_CHECK, "")],
    )?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    Ok(())
}
