//! Safety of the one file: a single writing process, online backups, and private file modes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use common::bin::{salesdesk, stderr};
use rusqlite::Connection;
use salesdesk::db::lock::WriteLock;

fn demo_db(dir: &Path, customers: &str) -> PathBuf {
    let db = dir.join("book.db");
    let out = salesdesk(&db, &["demo", "--customers", customers]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

const TABLES: [&str; 8] = [
    "reps",
    "products",
    "customers",
    "deals",
    "stage_changes",
    "activities",
    "tasks",
    "channel_months",
];

fn counts(db: &Path) -> Vec<i64> {
    let conn = Connection::open(db).unwrap();
    TABLES
        .iter()
        .map(|t| {
            conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_second_writer_is_refused_with_the_file_named_until_the_first_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "30");
    let before = counts(&db);
    let held = WriteLock::acquire(&db).unwrap();
    let reps = dir.path().join("reps.csv");
    std::fs::write(&reps, "name\nNew Rep\n").unwrap();
    let reps = reps.display().to_string();
    // The desk and `snapshot` open it read-only instead (tests/read_only.rs).
    for args in [
        &["demo", "--force", "--customers", "5"][..],
        &["import", reps.as_str(), "--kind", "reps"][..],
    ] {
        let out = salesdesk(&db, args);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} was not refused: {err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!(
                "{} is open in another salesdesk (lock held on {}.lock); close it first",
                db.display(),
                db.display()
            )),
            "{err}"
        );
    }
    assert_eq!(
        counts(&db),
        before,
        "the refused demo and import wrote nothing"
    );
    let backup = dir.path().join("copy.db");
    let reads = [
        vec!["report", "pipeline"],
        vec!["export", "reps", "reps.csv"],
        vec!["backup", backup.to_str().unwrap()],
    ];
    for args in &reads {
        let out = Command::new(env!("CARGO_BIN_EXE_salesdesk"))
            .current_dir(dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?} needs no lock: {}",
            stderr(&out)
        );
    }
    drop(held);
    let out = salesdesk(&db, &["demo", "--force", "--customers", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(counts(&db)[2], 5);
}

#[test]
fn a_backup_is_a_complete_copy_that_passes_the_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "60");
    let copy = dir.path().join("backup.db");
    let out = salesdesk(&db, &["backup", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("backed up "),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(integrity(&copy), "ok");
    assert_eq!(counts(&copy), counts(&db));
    let remaining: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(remaining.is_empty(), "temporary files left: {remaining:?}");
}

#[test]
fn a_backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "10");
    let existing = dir.path().join("keep.db");
    std::fs::write(&existing, b"precious").unwrap();
    let out = salesdesk(&db, &["backup", existing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("keep.db already exists"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"precious");
    let out = salesdesk(&dir.path().join("none.db"), &["backup", "x.db"]);
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "200");
    let before = counts(&db);
    let writing = AtomicBool::new(true);
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let conn = salesdesk::db::open(&db).unwrap().conn;
            let mut n = 0;
            // Bounded: at most 2,000 small transactions, fewer once the backups are done.
            while n < 2_000 && (n < 50 || writing.load(Ordering::Relaxed)) {
                conn.execute(
                    "INSERT INTO activities (customer_id, kind, happened_on)
                     VALUES (1, 'call', '2026-11-26')",
                    [],
                )
                .unwrap();
                n += 1;
            }
            n
        });
        let source = salesdesk::db::open(&db).unwrap().conn;
        for i in 0..3 {
            let copy = dir.path().join(format!("live-{i}.db"));
            salesdesk::db::backup::backup(&source, &copy).unwrap();
        }
        writing.store(false, Ordering::Relaxed);
        writer.join().unwrap()
    });
    let after = counts(&db);
    let activities = TABLES.iter().position(|t| *t == "activities").unwrap();
    assert_eq!(after[activities], before[activities] + written);
    for i in 0..3 {
        let copy = dir.path().join(format!("live-{i}.db"));
        assert_eq!(integrity(&copy), "ok");
        let got = counts(&copy);
        for (t, table) in TABLES.iter().enumerate() {
            if t == activities {
                assert!(
                    (before[t]..=after[t]).contains(&got[t]),
                    "{table}: {} not within {}..={}",
                    got[t],
                    before[t],
                    after[t]
                );
            } else {
                assert_eq!(got[t], before[t], "{table}");
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn new_database_and_backup_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let opened = salesdesk::db::open(&db).unwrap();
    assert!(opened.created);
    assert_eq!(mode(&db), 0o600);
    let wal = dir.path().join("fresh.db-wal");
    assert!(wal.exists(), "WAL mode makes a -wal file");
    assert_eq!(mode(&wal), 0o600);
    drop(opened);
    let db = demo_db(dir.path(), "5");
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&dir.path().join("book.db.lock")), 0o600);
    let copy = dir.path().join("copy.db");
    let out = salesdesk(&db, &["backup", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&copy), 0o600);
}
