//! The binary as scripts use it: snapshots, demo data, and clear refusals of bad input.

mod common;

use common::bin::{assert_refused, salesdesk, stderr, stdout};
use std::path::Path;
use std::process::Command;

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn first_snapshot_creates_the_database_with_demo_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("first.db");
    let out = salesdesk(
        &db,
        &["snapshot", "--screen", "customers", "--size", "110x30"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let frame = stdout(&out);
    assert_eq!(frame.lines().count(), 30);
    assert!(frame.contains("2 Customers"), "{frame}");
    assert!(frame.contains("of 2,000"), "{frame}");
    assert!(frame.contains("New database with demo data"), "{frame}");
    assert_eq!(count(&db, "customers"), 2_000);
    let again = salesdesk(
        &db,
        &["snapshot", "--screen", "customers", "--size", "110x30"],
    );
    assert!(
        stdout(&again).contains("Opened"),
        "a second run does not refill"
    );
}

#[test]
fn every_screen_snapshots_and_a_tiny_size_says_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("screens.db");
    for name in [
        "pipeline",
        "customers",
        "tiers",
        "forecast",
        "tasks",
        "channels",
    ] {
        let out = salesdesk(&db, &["snapshot", "--screen", name, "--size", "100x24"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 24);
    }
    let out = salesdesk(
        &db,
        &["snapshot", "--screen", "customers", "--size", "20x5"],
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("too small"));
}

#[test]
fn demo_refuses_a_filled_database_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = salesdesk(&db, &["demo", "--customers", "300", "--seed", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("300 customers"), "{}", stdout(&out));
    let deals = count(&db, "deals");
    assert_eq!(deals, 2_250, "7.5 deals per customer by default");

    let out = salesdesk(&db, &["demo", "--customers", "100"]);
    assert_refused(&out, "--force");
    assert_eq!(count(&db, "customers"), 300, "nothing was written");

    let out = salesdesk(
        &db,
        &[
            "demo",
            "--customers",
            "100",
            "--deals",
            "500",
            "--force",
            "--timings",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db, "customers"), 100);
    assert_eq!(count(&db, "deals"), 500);
    assert!(stdout(&out).lines().count() > 2, "timings are printed");
}

#[test]
fn the_environment_variable_names_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .args(["demo", "--customers", "50", "--deals", "100"])
        .env("SALESDESK_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&db, "customers"), 50);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("budget.xlsx");
    let bytes = b"PK\x03\x04 not a database at all".repeat(100);
    std::fs::write(&db, &bytes).unwrap();
    for args in [&["demo"][..], &["snapshot", "--screen", "customers"][..]] {
        let out = salesdesk(&db, args);
        assert_refused(&out, "is not a salesdesk database");
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TABLE customers (x); CREATE TABLE deals (x); CREATE TABLE reps (x);
             PRAGMA user_version = 42;",
        )
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = salesdesk(&db, &["snapshot", "--screen", "customers"]);
    assert_refused(&out, "newer than this salesdesk knows");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_written_is_refused() {
    let out = salesdesk(Path::new("/proc/salesdesk-cli-test.db"), &["demo"]);
    assert_refused(&out, "cannot be written");
    let dir = tempfile::tempdir().unwrap();
    let out = salesdesk(&dir.path().join("missing/sub/x.db"), &["demo"]);
    assert_refused(&out, "does not exist");
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn bad_flag_values_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("flags.db");
    assert_refused(
        &salesdesk(&db, &["demo", "--customers", "lots"]),
        "--customers",
    );
    assert_refused(
        &salesdesk(&db, &["demo", "--customers", "0"]),
        "--customers",
    );
    assert_refused(
        &salesdesk(&db, &["snapshot", "--screen", "sales"]),
        "not a screen",
    );
    assert_refused(
        &salesdesk(&db, &["snapshot", "--screen", "customers", "--size", "big"]),
        "WIDTHxHEIGHT",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .args(["--db"])
        .arg(&db)
        .args(["--as-of", "2026-13-01", "demo"])
        .output()
        .unwrap();
    assert_refused(&out, "YYYY-MM-DD");
    assert!(!db.exists(), "no file is created on a bad command line");
}

#[test]
fn help_exits_zero() {
    let out = Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("snapshot"));
}

#[test]
fn a_missing_argument_is_named_on_the_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = salesdesk(&db, &["export"]);
    assert_refused(&out, "not provided: <KIND> (see salesdesk --help)");
    let out = salesdesk(&db, &["report", "forecast", "--horizon", "0"]);
    assert_refused(&out, "use 1 to 36 months (see salesdesk --help)");
}

/// A reader that stops early (`salesdesk --help | head -1`) ends the program quietly: no panic
/// on the closed pipe.
#[cfg(unix)]
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--help")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}
