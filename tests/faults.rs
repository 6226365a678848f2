//! Faults kept: the process killed (SIGKILL) in the middle of a demo, an edit and a backup leaves
//! the book passing `PRAGMA integrity_check` and every change all or nothing. (The import's kill
//! test is in tests/import.rs.)

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::bin::{salesdesk, stderr};
use rusqlite::Connection;
use salesdesk::domain::{DealChange, Stage};

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn spawn(db: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as-of", "2026-11-26"])
        .args(args)
        .env_remove("SALESDESK_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Kills `child` once `ready` says so; true when it was still running then.
fn kill_when(child: &mut Child, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if ready() {
            child.kill().unwrap();
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    true
}

#[test]
fn a_kill_during_the_demo_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let mut child = spawn(&db, &["demo", "--customers", "6000"]);
    // Half a second after the book appears, a quarter of the way through: mid-generation.
    let mut seen: Option<Instant> = None;
    let killed = kill_when(&mut child, || {
        if seen.is_none() && db.exists() {
            seen = Some(Instant::now());
        }
        seen.is_some_and(|at| at.elapsed() > Duration::from_millis(500))
    });
    assert!(killed, "the demo ended before it could be killed");
    assert_eq!(integrity(&db), "ok");
    let customers = count(&db, "SELECT COUNT(*) FROM customers");
    let deals = count(&db, "SELECT COUNT(*) FROM deals");
    assert!(
        (customers, deals) == (0, 0) || (customers, deals) == (6_000, 45_000),
        "half a demo: {customers} customers, {deals} deals"
    );
    let out = salesdesk(&db, &["demo", "--force", "--customers", "10"]);
    assert!(
        out.status.success(),
        "the book opens again: {}",
        stderr(&out)
    );
}

/// The child side of the edit test: move one deal back and forth until killed.
#[test]
fn edit_child() {
    let Ok(db) = std::env::var("SALESDESK_FAULT_EDIT_DB") else {
        return;
    };
    let mut conn = salesdesk::db::open(Path::new(&db)).unwrap().conn;
    let deal: i64 = conn
        .query_row("SELECT MIN(id) FROM deals WHERE stage = 'Lead'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    for i in 0.. {
        let to = if i % 2 == 0 {
            Stage::Open(1)
        } else {
            Stage::Open(0)
        };
        salesdesk::db::edits::apply(&mut conn, deal, &DealChange::Move { to }, today, "now", "t")
            .unwrap();
    }
}

#[test]
fn a_kill_during_edits_leaves_each_edit_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let out = salesdesk(&db, &["demo", "--customers", "50"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let batches_before = count(&db, "SELECT COALESCE(MAX(batch), 0) FROM edits");
    let moves_before = count(&db, "SELECT COUNT(*) FROM stage_changes");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "edit_child",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("SALESDESK_FAULT_EDIT_DB", &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let killed = kill_when(&mut child, || {
        count(&db, "SELECT COALESCE(MAX(batch), 0) FROM edits") > batches_before + 20
    });
    assert!(killed, "the edits ended before they could be killed");
    assert_eq!(integrity(&db), "ok");
    let batches = count(&db, "SELECT COALESCE(MAX(batch), 0) FROM edits") - batches_before;
    let moves = count(&db, "SELECT COUNT(*) FROM stage_changes") - moves_before;
    assert!(batches > 20);
    assert_eq!(moves, batches, "every edit moved the deal once");
    let split = count(
        &db,
        &format!(
            "SELECT COUNT(*) FROM (SELECT batch FROM edits WHERE batch > {batches_before}
             GROUP BY batch HAVING COUNT(*) != 2)"
        ),
    );
    assert_eq!(split, 0, "an edit without its stage change record");
    let consistent = count(
        &db,
        "SELECT d.stage = e.new_value FROM deals d JOIN edits e ON e.entity_id = d.id
         WHERE e.entity = 'deal' AND e.field = 'stage' ORDER BY e.batch DESC LIMIT 1",
    );
    assert_eq!(consistent, 1, "the deal's stage is its last edit's");
}

#[test]
fn a_kill_during_a_backup_leaves_the_book_and_no_half_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let out = salesdesk(&db, &["demo", "--customers", "3000"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let deals = count(&db, "SELECT COUNT(*) FROM deals");
    let temporary = |dir: &Path| -> bool {
        std::fs::read_dir(dir).unwrap().any(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.starts_with('.') || name.ends_with(".tmp")
        })
    };
    let mut killed_mid_copy = 0;
    for attempt in 0..10 {
        let copy: PathBuf = dir.path().join(format!("copy-{attempt}.db"));
        let out_dir = dir.path().join(format!("out-{attempt}"));
        std::fs::create_dir(&out_dir).unwrap();
        let copy = out_dir.join(copy.file_name().unwrap());
        let mut child = spawn(&db, &["backup", copy.to_str().unwrap()]);
        if kill_when(&mut child, || temporary(&out_dir)) {
            killed_mid_copy += 1;
        }
        if copy.exists() {
            assert_eq!(integrity(&copy), "ok");
            assert_eq!(count(&copy, "SELECT COUNT(*) FROM deals"), deals);
        }
        assert_eq!(integrity(&db), "ok");
        assert_eq!(count(&db, "SELECT COUNT(*) FROM deals"), deals);
    }
    assert!(killed_mid_copy > 0, "no backup could be killed mid-copy");
}
