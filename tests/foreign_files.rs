//! Another application's SQLite file is never touched: every entry point refuses it, naming the
//! file and its tables, and leaves it byte-identical; an empty file still becomes a new book.

mod common;

use std::path::Path;

use common::bin::{assert_refused, salesdesk, stdout};
use rusqlite::Connection;

fn foreign_db(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT);
         CREATE TABLE artists (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO albums (title) VALUES ('Blue Train');",
    )
    .unwrap();
}

#[test]
fn every_entry_point_refuses_a_foreign_sqlite_file_and_leaves_it_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("music.db");
    foreign_db(&db);
    let before = std::fs::read(&db).unwrap();
    let csv = dir.path().join("reps.csv");
    std::fs::write(&csv, "name\nNew Rep\n").unwrap();
    let csv = csv.to_str().unwrap().to_string();
    let copy = dir.path().join("copy.db");
    let out_csv = dir.path().join("out.csv");
    let runs: [Vec<&str>; 8] = [
        vec![],
        vec!["demo", "--customers", "5"],
        vec!["demo", "--force", "--customers", "5"],
        vec!["report", "pipeline"],
        vec!["import", &csv, "--kind", "reps"],
        vec!["backup", copy.to_str().unwrap()],
        vec!["snapshot", "--screen", "customers"],
        vec!["export", "reps", out_csv.to_str().unwrap()],
    ];
    for args in &runs {
        let out = salesdesk(&db, args);
        assert_refused(
            &out,
            &format!(
                "{} is not a salesdesk book: it is another application's SQLite file holding \
                 2 tables (albums, artists)",
                db.display()
            ),
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    assert!(!copy.exists() && !out_csv.exists());
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("music.db") && name != "music.db")
        .collect();
    assert!(beside.is_empty(), "files left beside it: {beside:?}");
}

#[test]
fn an_empty_file_still_becomes_a_new_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    std::fs::write(&db, b"").unwrap();
    let out = salesdesk(&db, &["demo", "--customers", "5"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    assert!(stdout(&out).contains("5 customers"), "{}", stdout(&out));
}
