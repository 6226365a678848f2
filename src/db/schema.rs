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
];

/// The schema version this binary writes and understands.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the schema of `conn` up to [`latest_version`] in one transaction per migration.
pub fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect()).to_latest(conn)
}
