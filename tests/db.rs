//! Opening databases: migrations from an empty file, pragmas, and refusing files we must not touch.

mod common;

use rusqlite::Connection;
use salesdesk::db::{self, OpenError, schema};

const TABLES: &[&str] = &[
    "reps",
    "products",
    "customers",
    "deals",
    "stage_changes",
    "activities",
    "tasks",
    "quotas",
    "rep_absences",
    "channels",
    "channel_months",
    "edits",
];

#[test]
fn migrations_build_every_table_strict_from_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    std::fs::write(&path, b"").unwrap();
    let opened = db::open(&path).unwrap();
    assert!(!opened.created, "the empty file existed already");
    let conn = opened.conn;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    for table in TABLES {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            sql.trim_end().ends_with("STRICT"),
            "{table} is not STRICT: {sql}"
        );
    }
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let busy: i64 = conn
        .query_row("PRAGMA busy_timeout", [], |r| r.get(0))
        .unwrap();
    assert!(busy >= 1000);
    drop(conn);
    let again = db::open(&path).unwrap();
    let version: i64 = again
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version(), "reopening is a no-op");
}

#[test]
fn a_new_file_is_reported_as_created() {
    let dir = tempfile::tempdir().unwrap();
    let opened = db::open(&dir.path().join("new.db")).unwrap();
    assert!(opened.created);
}

#[test]
fn strict_types_checks_and_foreign_keys_reject_bad_rows() {
    let conn = common::fixture_db();
    let wrong_type = conn.execute(
        "INSERT INTO customers (name, industry, region, employees, created_on) VALUES ('X', 'Y', 'Z', 'many', '2026-01-01')",
        [],
    );
    assert!(
        wrong_type.is_err(),
        "STRICT accepts text in an INTEGER column"
    );
    let missing_customer = conn.execute(
        "INSERT INTO deals (customer_id, title, amount_cents, stage, created_on) VALUES (9999, 'T', 1, 'Lead', '2026-01-01')",
        [],
    );
    assert!(missing_customer.is_err(), "foreign keys are off");
    let bad_stage = conn.execute(
        "INSERT INTO deals (customer_id, title, amount_cents, stage, created_on) VALUES (1, 'T', 1, 'Prospecting', '2026-01-01')",
        [],
    );
    assert!(bad_stage.is_err());
    let won_without_date = conn.execute(
        "INSERT INTO deals (customer_id, title, amount_cents, stage, created_on) VALUES (1, 'T', 1, 'Won', '2026-01-01')",
        [],
    );
    assert!(won_without_date.is_err(), "a Won deal needs closed_on");
}

#[test]
fn every_screen_query_uses_an_index() {
    let conn = common::fixture_db();
    let plans = [
        "SELECT * FROM customers ORDER BY name COLLATE NOCASE LIMIT 10",
        "SELECT * FROM customers WHERE owner_rep_id = 1",
        "SELECT * FROM customers WHERE region = 'North'",
        "SELECT * FROM customers WHERE industry = 'Retail'",
        "SELECT SUM(amount_cents) FROM deals WHERE customer_id = 1 AND stage = 'Won' AND closed_on > '2025-01-01'",
        "SELECT MAX(happened_on) FROM activities WHERE customer_id = 1",
        "SELECT * FROM tasks WHERE customer_id = 1 AND status = 'open'",
        "SELECT * FROM tasks WHERE rep_id = 1 AND status = 'open' ORDER BY due_on",
        "SELECT * FROM deals WHERE pipeline_id = 1 AND stage = 'Lead' ORDER BY expected_close_on",
        "SELECT * FROM deals WHERE pipeline_id = 1 AND stage = 'Lead' ORDER BY amount_cents DESC",
        "SELECT * FROM stage_changes WHERE deal_id = 1 ORDER BY changed_on",
    ];
    for sql in plans {
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let text = plan.join(" | ");
        let indexed = plan
            .iter()
            .all(|step| !step.starts_with("SCAN") || step.contains("USING"));
        assert!(
            indexed && text.contains("USING"),
            "full scan: {sql}: {text}"
        );
        assert!(
            !text.contains("TEMP B-TREE"),
            "sorts in memory: {sql}: {text}"
        );
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let bytes = b"these are my meeting notes, not a database\n".repeat(200);
    std::fs::write(&path, &bytes).unwrap();
    let err = db::open(&path).err().unwrap();
    assert!(matches!(err, OpenError::NotSqlite(_)), "{err}");
    assert!(err.to_string().contains("not SQLite"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(!dir.path().join("notes.txt-wal").exists());
}

#[test]
fn a_database_from_a_newer_salesdesk_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = Connection::open(&path).unwrap();
        // A book keeps its first tables; a newer salesdesk may have added others.
        conn.execute_batch(
            "CREATE TABLE customers (x); CREATE TABLE deals (x); CREATE TABLE reps (x);
             CREATE TABLE t (x INTEGER); PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = db::open(&path).err().unwrap();
    assert!(matches!(err, OpenError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_missing_folder_and_a_directory_path_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = db::open(&dir.path().join("nope/book.db")).err().unwrap();
    assert!(matches!(err, OpenError::MissingDirectory { .. }), "{err}");
    let err = db::open(dir.path()).err().unwrap();
    assert!(matches!(err, OpenError::IsDirectory(_)), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_written_is_refused() {
    // /proc refuses new files even to root, so this holds wherever the tests run.
    let err = db::open(std::path::Path::new("/proc/salesdesk-test.db"))
        .err()
        .unwrap();
    assert!(matches!(err, OpenError::CannotOpen { .. }), "{err}");
    assert!(err.to_string().contains("cannot be written"));
}
