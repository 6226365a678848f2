//! `salesdesk export KIND FILE` as scripts use it: the summary line, the file, and one-line
//! refusals with exit status 2.

mod common;

use common::bin::{assert_refused, salesdesk, stderr};
use std::path::Path;

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("book.db");
    let out = salesdesk(&db, &["demo", "--customers", "40", "--deals", "300"]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn export_deals_writes_every_deal_and_says_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("deals.csv");
    let out = salesdesk(&db, &["export", "deals", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("exported 300 deals to {}\n", file.display())
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.starts_with('\u{feff}'), "no BOM");
    assert!(!text.contains('\r'), "\\n line endings only");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        salesdesk::domain::RecordKind::Deals
            .columns()
            .iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, amount_cents, stage, created_on FROM deals ORDER BY id")
        .unwrap();
    let expected: Vec<(String, String, String, String)> = stmt
        .query_map([], |r| {
            let cents: i64 = r.get(1)?;
            Ok((
                r.get::<_, i64>(0)?.to_string(),
                format!("{}.{:02}", cents / 100, cents % 100),
                r.get(2)?,
                r.get(3)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let got: Vec<(String, String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].into(), r[9].into(), r[10].into(), r[11].into())
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn export_refuses_unknown_kinds_missing_databases_and_unwritable_folders() {
    let dir = tempfile::tempdir().unwrap();
    let out = salesdesk(&dir.path().join("none.db"), &["export", "deals", "x.csv"]);
    assert_refused(&out, "no database at");
    assert!(
        !dir.path().join("none.db").exists(),
        "no database is created"
    );
    let db = demo_db(dir.path());
    let out = salesdesk(&db, &["export", "invoices", "x.csv"]);
    assert_refused(
        &out,
        "'invoices' is not a kind of record; use one of reps, quotas, products, customers, deals, tasks, channel-months",
    );
    let missing = dir.path().join("missing/out.csv");
    let out = salesdesk(&db, &["export", "reps", missing.to_str().unwrap()]);
    assert_refused(&out, "does not exist");
    let out = salesdesk(&db, &["export", "reps", dir.path().to_str().unwrap()]);
    assert_refused(&out, "cannot save");
}
