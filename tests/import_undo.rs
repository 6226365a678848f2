//! Re-import keeps the desk's work: an import is one undo step and one `:history` entry; with
//! `--on-conflict update` the report counts new, updated, unchanged and conflicting rows; a field
//! changed in the desk since the last import is kept unless `--overwrite` is given.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::bin::{salesdesk, stdout};
use rusqlite::Connection;
use salesdesk::db::edits;
use salesdesk::domain::{DealChange, Money};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn mapping(stem: &str) -> String {
    root()
        .join(format!("assets/mappings/maven/{stem}.toml"))
        .display()
        .to_string()
}

fn import(db: &Path, file: &str, stem: &str, extra: &[&str]) -> String {
    let map = mapping(stem);
    let mut args = vec!["import", file, "--mapping", &map];
    args.extend_from_slice(extra);
    let out = salesdesk(db, &args);
    assert!(out.status.success(), "{}", stdout(&out));
    stdout(&out)
}

fn scalar(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn amount(conn: &Connection, external_id: &str) -> i64 {
    conn.query_row(
        "SELECT amount_cents FROM deals WHERE external_id = ?1",
        [external_id],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn import_desk_edit_reimport_keeps_the_desk_and_every_import_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    for stem in ["sales_teams", "products", "accounts", "sales_pipeline"] {
        let file = root().join(format!("tests/fixtures/maven/{stem}.csv"));
        import(&db, &file.display().to_string(), stem, &[]);
    }
    let mut conn = Connection::open(&db).unwrap();
    let history = edits::history(&conn, 100).unwrap();
    assert_eq!(
        history.len(),
        5,
        "one entry per import, and one for the stages the deals brought: {history:?}"
    );
    assert_eq!(history[1].words, "Stages of Default: Prospecting, Engaging");
    assert!(history[0].words.contains("40 new"));
    let deals = scalar(&conn, "SELECT COUNT(*) FROM deals");
    assert_eq!(deals, 40);

    // The desk changes one deal's amount.
    let deal: i64 = conn
        .query_row(
            "SELECT id FROM deals WHERE external_id = '1C1I7A6R'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let change = DealChange::Edit {
        amount: Money(99_900),
        expected_close_on: None,
        probability_bp: None,
    };
    edits::apply(
        &mut conn,
        deal,
        &change,
        today,
        "2026-11-26 10:00:00",
        "test",
    )
    .unwrap();

    // The file changes that deal and another one.
    let pipeline = std::fs::read_to_string(root().join("tests/fixtures/maven/sales_pipeline.csv"))
        .unwrap()
        .replace("2017-03-01,1054\r\n", "2017-03-01,1100\r\n")
        .replace("2017-03-07,50\r\n", "2017-03-07,60\r\n");
    let changed = dir.path().join("sales_pipeline.csv");
    std::fs::write(&changed, pipeline).unwrap();
    let changed = changed.display().to_string();
    let report = import(
        &db,
        &changed,
        "sales_pipeline",
        &["--on-conflict", "update"],
    );
    for line in [
        "created              0",
        "updated              1",
        "unchanged           38",
        "conflicts            1",
        "amount_cents: kept 99900, file has 110000",
    ] {
        assert!(report.contains(line), "{line}:\n{report}");
    }
    assert_eq!(amount(&conn, "1C1I7A6R"), 99_900, "the desk's edit is kept");
    assert_eq!(amount(&conn, "EC4QE1BX"), 6_000);
    let undo_rows = scalar(
        &conn,
        "SELECT COUNT(*) FROM edits WHERE batch = (SELECT MAX(batch) FROM edits)",
    );
    assert_eq!(undo_rows, 2, "its history entry and the one changed field");

    let report = import(
        &db,
        &changed,
        "sales_pipeline",
        &["--on-conflict", "update", "--overwrite"],
    );
    assert!(report.contains("updated              1"), "{report}");
    assert_eq!(
        amount(&conn, "1C1I7A6R"),
        110_000,
        "--overwrite takes the file's"
    );
    let newest = edits::history(&conn, 1).unwrap();
    assert!(
        newest.len() == 1 && newest[0].words.starts_with("import of"),
        "the import's field rows never crowd its entry out of a short history: {newest:?}"
    );

    // Each import is one undo step.
    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(amount(&conn, "1C1I7A6R"), 99_900);
    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(amount(&conn, "EC4QE1BX"), 5_000);
    assert_eq!(amount(&conn, "1C1I7A6R"), 99_900);
    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(amount(&conn, "1C1I7A6R"), 105_400, "the desk's edit undone");
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert!(
        undone.summary.contains("undone: import of"),
        "{}",
        undone.summary
    );
    assert_eq!(scalar(&conn, "SELECT COUNT(*) FROM deals"), 0);
    assert_eq!(scalar(&conn, "SELECT COUNT(*) FROM stage_changes"), 0);
    let undated = scalar(
        &conn,
        "SELECT COUNT(*) FROM customers WHERE created_on <> '2026-11-26'",
    );
    assert_eq!(undated, 0, "the dates the deals gave are put back");
    assert!(
        edits::redo(&mut conn).unwrap().is_none(),
        "import again to redo"
    );
    // The stages the deals brought are their own undo step, after the deals are gone.
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(
        undone.summary,
        "undone: Stages of Default: Prospecting, Engaging"
    );
    let book = salesdesk::db::pipelines::load(&conn).unwrap();
    let names: Vec<&str> = book.open_of(1).map(|s| book.name(s)).collect();
    assert_eq!(names, ["Lead", "Qualified", "Proposal", "Negotiation"]);
    let history = edits::history(&conn, 100).unwrap();
    assert_eq!(
        history
            .iter()
            .filter(|h| h.words.starts_with("import of"))
            .count(),
        6
    );
}
