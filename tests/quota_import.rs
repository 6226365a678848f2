//! `salesdesk import FILE --kind quotas`: quotas per rep and quarter come in like the other
//! records — matched on rep and quarter, refused with the line, column and reason, one undo step —
//! and go back out through `salesdesk export quotas`.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{assert_refused, salesdesk, stdout};
use rusqlite::Connection;
use salesdesk::db::edits;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn quotas(conn: &Connection) -> Vec<(String, String, i64)> {
    conn.prepare(
        "SELECT r.name, q.quarter, q.amount_cents FROM quotas q JOIN reps r ON r.id = q.rep_id
         ORDER BY r.name, q.quarter",
    )
    .unwrap()
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn quotas_import_update_refuse_undo_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let teams = root().join("tests/fixtures/maven/sales_teams.csv");
    let map = root().join("assets/mappings/maven/sales_teams.toml");
    let out = salesdesk(
        &db,
        &[
            "import",
            &teams.display().to_string(),
            "--mapping",
            &map.display().to_string(),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));

    let first = write(
        dir.path(),
        "q1.csv",
        "rep,quarter,amount\nAnna Snelling,2027-Q1,150000\nCecily Lampkin,2027q1,90000.50\n",
    );
    let out = salesdesk(&db, &["import", &first, "--kind", "quotas"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("created              2"),
        "{}",
        stdout(&out)
    );
    let mut conn = Connection::open(&db).unwrap();
    assert_eq!(
        quotas(&conn),
        vec![
            ("Anna Snelling".into(), "2027-Q1".into(), 15_000_000),
            ("Cecily Lampkin".into(), "2027-Q1".into(), 9_000_050),
        ]
    );

    // Bad rows are refused with the column and the reason, and nothing is written.
    let bad = write(
        dir.path(),
        "bad.csv",
        "rep,quarter,amount\nNobody Here,2027-Q2,5\nAnna Snelling,2027-Q5,5\nAnna Snelling,2027-Q3,-5\n",
    );
    let out = salesdesk(&db, &["import", &bad, "--kind", "quotas"]);
    assert_refused(&out, "3 rows were rejected");
    let report = stdout(&out);
    for needle in [
        "line 2, rep: there is no rep named 'Nobody Here'",
        "line 3, quarter: is not a quarter like 2026-Q3",
        "line 4, amount: '-$5' is negative",
    ] {
        assert!(report.contains(needle), "{needle}:\n{report}");
    }
    assert_eq!(quotas(&conn).len(), 2);

    // A second file updates one quarter and adds another; undo takes it back in one step.
    let second = write(
        dir.path(),
        "q2.csv",
        "rep,quarter,amount\nAnna Snelling,2027-Q1,175000\nAnna Snelling,2027-Q2,180000\n",
    );
    let out = salesdesk(
        &db,
        &[
            "import",
            &second,
            "--kind",
            "quotas",
            "--on-conflict",
            "update",
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("updated              1"),
        "{}",
        stdout(&out)
    );
    assert_eq!(quotas(&conn)[0].2, 17_500_000);
    assert_eq!(quotas(&conn).len(), 3);
    edits::undo(&mut conn).unwrap();
    assert_eq!(
        quotas(&conn),
        vec![
            ("Anna Snelling".into(), "2027-Q1".into(), 15_000_000),
            ("Cecily Lampkin".into(), "2027-Q1".into(), 9_000_050),
        ],
        "one undo restores the updated amount and removes the new quarter"
    );

    let exported = dir.path().join("out.csv");
    let out = salesdesk(&db, &["export", "quotas", &exported.display().to_string()]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        std::fs::read_to_string(&exported).unwrap(),
        "rep,quarter,amount\nAnna Snelling,2027-Q1,150000.00\nCecily Lampkin,2027-Q1,90000.50\n"
    );
}
