//! Read-only when it must: a book that cannot be written still opens, says why on its status
//! line, and every change is refused with that reason while the file stays as it was.
//!
//! Tests run as root in CI, where file modes stop nothing, so the book is made unwritable in
//! ways that hold for root too: another process holding its write lock, and a connection opened
//! read-only (what the desk falls back to when a write fails).

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::bin::{salesdesk, stderr, stdout};
use salesdesk::db::lock::WriteLock;
use salesdesk::domain::{DealChange, Stage};
use salesdesk::import::{ImportJob, ImportOptions, MappingSource, OnConflict, RecordKind};
use salesdesk::worker::{Job, Output, Request, execute};

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("book.db");
    let out = salesdesk(&db, &["demo", "--customers", "30"]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn a_book_held_by_another_salesdesk_opens_read_only_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = std::fs::read(&db).unwrap();
    let held = WriteLock::acquire(&db).unwrap();
    let out = salesdesk(
        &db,
        &["snapshot", "--screen", "customers", "--size", "200x20"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let frame = stdout(&out);
    let status = frame.lines().last().unwrap_or_default();
    assert!(status.contains("book.db · read-only"), "{status}");
    assert!(
        status.contains("Read-only: another salesdesk has it open (it holds book.db.lock)"),
        "{status}"
    );
    assert!(
        frame.contains("30 of 30"),
        "the customers are shown:\n{frame}"
    );
    drop(held);
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file changed");
}

#[test]
fn every_change_to_a_read_only_book_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let reps = dir.path().join("reps.csv");
    std::fs::write(&reps, "name\nNew Rep\n").unwrap();
    let before = std::fs::read(&db).unwrap();
    let reason = "the disk is full";
    let mut conn = salesdesk::db::read_only::open_read_only(&db, reason)
        .unwrap()
        .conn;
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let deal: i64 = conn
        .query_row(
            "SELECT id FROM deals WHERE stage = 'Lead' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let jobs = [
        Job::Write {
            deal_id: deal,
            change: DealChange::Move { to: Stage::Open(1) },
            today,
        },
        Job::Undo,
        Job::Import(Box::new(ImportJob {
            file: reps,
            mapping: MappingSource::Default(RecordKind::Reps),
            options: ImportOptions {
                on_conflict: OnConflict::Fail,
                dry_run: false,
                overwrite: false,
                skip_bad: false,
                as_of: today,
            },
            encoding: None,
        })),
    ];
    for (generation, job) in (1..).zip(jobs) {
        let reply = execute(&mut conn, Request { generation, job });
        let error = match reply.output {
            Output::Written(Err(e)) | Output::Imported(Err(e)) => e,
            other => panic!("a change was not refused: {other:?}"),
        };
        assert_eq!(
            error,
            "not saved: the book is open read-only because the disk is full"
        );
    }
    let reply = execute(
        &mut conn,
        Request {
            generation: 9,
            job: Job::CustomerIndex { as_of: today },
        },
    );
    assert!(
        matches!(reply.output, Output::CustomerIndex(Ok(_))),
        "reading still works"
    );
    drop(conn);
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file changed");
}
