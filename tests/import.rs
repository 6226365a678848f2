//! `salesdesk import` end to end: the Maven export with its quirks, awkward CSV, rejected rows,
//! dry runs, re-imports, bad input, and a kill in the middle of an import.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::bin::{salesdesk, salesdesk_on, stderr, stdout};
use rusqlite::Connection;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn maven_fixture(stem: &str) -> String {
    root()
        .join(format!("tests/fixtures/maven/{stem}.csv"))
        .display()
        .to_string()
}

fn maven_mapping(stem: &str) -> String {
    root()
        .join(format!("assets/mappings/maven/{stem}.toml"))
        .display()
        .to_string()
}

const MAVEN: [&str; 4] = ["sales_teams", "products", "accounts", "sales_pipeline"];

fn import_maven(db: &Path, file: impl Fn(&str) -> String) {
    for stem in MAVEN {
        let out = salesdesk(
            db,
            &["import", &file(stem), "--mapping", &maven_mapping(stem)],
        );
        assert!(
            out.status.success(),
            "{stem}: {}{}",
            stdout(&out),
            stderr(&out)
        );
    }
}

fn scalar(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// Every row of every table but the history of imports and edits and the data version they
/// move: the book of business.
fn book(db: &Path) -> Vec<String> {
    book_of(&fingerprint(db))
}

/// Every row of every table, to prove a refused import changed nothing.
fn fingerprint(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .unwrap();
        let width = stmt.column_count();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{table}: {}", cells.join("|")));
        }
    }
    rows
}

fn book_of(rows: &[String]) -> Vec<String> {
    rows.iter()
        .filter(|row| {
            !["imports: ", "edits: ", "book_state: "]
                .iter()
                .any(|history| row.starts_with(history))
        })
        .cloned()
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn the_maven_export_imports_with_its_quirks_and_the_board_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db, maven_fixture);
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM reps"), 35);
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM products"), 7);
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM customers"), 20);
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM deals"), 40);
    let stages = |stage: &str| {
        scalar(
            &db,
            &format!("SELECT COUNT(*) FROM deals WHERE stage = '{stage}'"),
        )
    };
    assert_eq!(
        [
            stages("Prospecting"),
            stages("Engaging"),
            stages("Won"),
            stages("Lost")
        ],
        [8, 8, 14, 10],
        "the export's own stages"
    );
    // A book without deals takes exactly the mapping's stages, as one undoable change.
    let names = salesdesk::db::pipelines::load(&rusqlite::Connection::open(&db).unwrap()).unwrap();
    let open: Vec<(&str, u16)> = names
        .open_of(1)
        .map(|s| (names.name(s), names.probability_bp(s)))
        .collect();
    assert_eq!(open, [("Prospecting", 2_000), ("Engaging", 6_300)]);
    // GTXPro in the pipeline is GTX Pro in products: no deal lost its product, none was invented.
    assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM deals WHERE product_id IS NULL"),
        0
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM products WHERE name LIKE 'GTXPro'"
        ),
        0
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM deals d JOIN products p ON p.id = d.product_id WHERE p.name = 'GTX Pro'"
        ),
        3
    );
    // Deals with no account are kept, without a customer.
    assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM deals WHERE customer_id IS NULL"),
        14
    );
    // Open deals have no close date and took the list price; lost deals at 0 too; won keep theirs.
    assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM deals d JOIN products p ON p.id = d.product_id
                     WHERE d.stage IN ('Prospecting', 'Engaging', 'Lost') AND d.amount_cents <> p.list_price_cents"),
        0
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM deals WHERE stage IN ('Prospecting','Engaging') AND expected_close_on IS NOT NULL"
        ),
        0
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT SUM(amount_cents) FROM deals WHERE external_id = '1C1I7A6R'"
        ),
        105_400
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM deals WHERE stage = 'Prospecting' AND created_on = '2017-12-31'"
        ),
        8
    );
    // Each deal entered its stage; the 24 closed ones were first created in Engaging.
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM stage_changes"), 64);
    assert_eq!(
        scalar(
            &db,
            "SELECT annual_revenue_cents FROM customers WHERE name = 'Acme Corporation'"
        ),
        110_004_000_000
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM customers WHERE industry = 'technolgy'"
        ),
        0
    );

    let board = salesdesk_on(
        &db,
        "2018-01-01",
        &["snapshot", "--screen", "pipeline", "--size", "120x30"],
    );
    let frame = stdout(&board);
    assert!(
        frame.contains("8 deals") && frame.contains("Won 14"),
        "{frame}{}",
        stderr(&board)
    );
}

#[test]
fn the_whole_maven_export_imports_when_the_shared_data_is_present() {
    let data = root().join("../shared/data");
    if !data.join("sales_pipeline.csv").exists() {
        eprintln!("skipped: {} is not on this machine", data.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db, |stem| {
        data.join(format!("{stem}.csv")).display().to_string()
    });
    let counts: Vec<i64> = ["reps", "products", "customers", "deals"]
        .iter()
        .map(|t| scalar(&db, &format!("SELECT COUNT(*) FROM {t}")))
        .collect();
    assert_eq!(counts, [35, 7, 85, 8_800]);
    assert_eq!(scalar(&db, "SELECT COUNT(DISTINCT stage) FROM deals"), 4);
}

#[test]
fn reimporting_updates_in_place_and_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db, maven_fixture);
    let before = fingerprint(&db);
    let pipeline = maven_fixture("sales_pipeline");
    let mapping = maven_mapping("sales_pipeline");

    let refused = salesdesk(&db, &["import", &pipeline, "--mapping", &mapping]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stdout(&refused).contains("line 2, external_id: already exists"),
        "{}",
        stdout(&refused)
    );
    assert_eq!(
        fingerprint(&db),
        before,
        "a refused re-import writes nothing"
    );

    let updated = salesdesk(
        &db,
        &[
            "import",
            &pipeline,
            "--mapping",
            &mapping,
            "--on-conflict",
            "update",
        ],
    );
    assert!(updated.status.success(), "{}", stderr(&updated));
    assert!(
        stdout(&updated).contains("unchanged           40"),
        "{}",
        stdout(&updated)
    );
    assert_eq!(book(&db), book_of(&before), "same file, same book");

    let skipped = salesdesk(
        &db,
        &[
            "import",
            &pipeline,
            "--mapping",
            &mapping,
            "--on-conflict",
            "skip",
        ],
    );
    assert!(
        stdout(&skipped).contains("skipped             40"),
        "{}",
        stdout(&skipped)
    );
    assert_eq!(book(&db), book_of(&before));
}

#[test]
fn a_bom_crlf_semicolons_and_quoted_newlines_are_read_as_meant() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let file = write(
        dir.path(),
        "customers.csv",
        "\u{feff}Name;Sector;Notes;Country;Legacy\r\n\
         Acme;retail;\"first line\r\nsecond; with semicolon\";US;x\r\n\
         \"東京 \"\"Trading\"\"\";;;JP;\r\n"
            .as_bytes(),
    );
    let mapping = write(
        dir.path(),
        "customers.toml",
        b"kind = \"customers\"\nkey = \"name\"\ndelimiter = \";\"\n[columns]\nname = \"name\"\nindustry = \"sector\"\nnotes = \"Notes\"\nregion = \"Country\"\n",
    );
    let out = salesdesk(&db, &["import", &file, "--mapping", &mapping]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("ignored columns: Legacy"),
        "{}",
        stdout(&out)
    );
    let conn = Connection::open(&db).unwrap();
    let notes: String = conn
        .query_row("SELECT notes FROM customers WHERE name = 'Acme'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(notes, "first line\r\nsecond; with semicolon");
    let region: String = conn
        .query_row(
            "SELECT region FROM customers WHERE name = '東京 \"Trading\"'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(region, "JP");
}

const DEALS_MAPPING: &[u8] = b"kind = \"deals\"\nkey = \"external_id\"\n[columns]\nexternal_id = \"ref\"\ntitle = \"title\"\nstage = \"stage\"\namount = \"value\"\ncreated_on = \"opened\"\nclosed_on = \"close_date\"\n";

const DEALS_WITH_BAD_ROWS: &[u8] = b"ref,title,stage,value,opened,close_date\n\
    A1,Good one,Won,100,2017-01-01,2017-02-01\n\
    A2,Bad date,Won,100,2017-01-01,2017-13-01\n\
    A3,Good open,Lead,50.5,2017-01-01,\n\
    A4,Bad stage,Stalled,10,2017-01-01,\n\
    A5,\"Bad, amount\",Lead,ten,2017-01-01,\n";

#[test]
fn rejected_rows_are_listed_by_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let file = write(dir.path(), "deals.csv", DEALS_WITH_BAD_ROWS);
    let mapping = write(dir.path(), "deals.toml", DEALS_MAPPING);
    let out = salesdesk(&db, &["import", &file, "--mapping", &mapping]);
    let report = stdout(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        report.contains("line 3, close_date: '2017-13-01' is not a date (%Y-%m-%d)"),
        "{report}"
    );
    assert!(
        report.contains("line 5, stage: 'Stalled' is not a stage of the pipeline"),
        "{report}"
    );
    assert!(
        report.contains("line 6, value: 'ten' is not an amount of money"),
        "{report}"
    );
    assert!(report.contains("rejected             3"), "{report}");
    assert!(report.contains("Nothing was written"), "{report}");
    assert!(
        stderr(&out).contains("3 rows were rejected"),
        "{}",
        stderr(&out)
    );
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM deals"), 0);

    let out = salesdesk(&db, &["import", &file, "--mapping", &mapping, "--skip-bad"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("line 3, close_date"),
        "the skipped rows are still listed"
    );
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM deals"), 2);
    assert_eq!(
        scalar(
            &db,
            "SELECT amount_cents FROM deals WHERE external_id = 'A3'"
        ),
        5_050
    );
}

#[test]
fn a_dry_run_reports_everything_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db, maven_fixture);
    let before = fingerprint(&db);
    // The Maven book's stages are its own (Prospecting, Engaging), so the open rows use one.
    let rows = String::from_utf8_lossy(DEALS_WITH_BAD_ROWS).replace(",Lead,", ",Engaging,");
    let file = write(dir.path(), "deals.csv", rows.as_bytes());
    let mapping = write(dir.path(), "deals.toml", DEALS_MAPPING);
    let out = salesdesk(
        &db,
        &[
            "import",
            &file,
            "--mapping",
            &mapping,
            "--dry-run",
            "--skip-bad",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.starts_with("Dry run of deals"), "{report}");
    assert!(
        report.contains("created              2")
            && report.contains("Dry run: nothing was written."),
        "{report}"
    );
    assert_eq!(fingerprint(&db), before);
}

/// Each bad input gives one clear line on stderr, status 2, and an untouched database.
#[test]
fn bad_input_is_refused_and_the_database_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db, maven_fixture);
    let before = fingerprint(&db);
    let good_csv = write(dir.path(), "deals.csv", DEALS_WITH_BAD_ROWS);
    let good_mapping = write(dir.path(), "deals.toml", DEALS_MAPPING);
    let cases: Vec<(String, String, &str)> = vec![
        (
            good_csv.clone(),
            write(
                dir.path(),
                "missing.toml",
                b"kind = \"deals\"\n[columns]\nstage = \"deal_stage\"\n",
            ),
            "the mapping reads column 'deal_stage' for stage, but",
        ),
        (
            good_csv.clone(),
            write(
                dir.path(),
                "unknown.toml",
                b"kind = \"deals\"\n[columns]\nstage = \"stage\"\nbudget = \"value\"\n",
            ),
            "'budget', which is not a field of deals",
        ),
        (
            good_csv.clone(),
            write(dir.path(), "broken.toml", b"kind = \"deals\n"),
            "broken.toml",
        ),
        (
            write(
                dir.path(),
                "photo.csv",
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            ),
            good_mapping.clone(),
            "is not a text file",
        ),
        (
            write(dir.path(), "empty.csv", b""),
            good_mapping.clone(),
            "is empty",
        ),
        (
            write(
                dir.path(),
                "header.csv",
                b"ref,title,stage,value,opened,close_date\r\n",
            ),
            good_mapping.clone(),
            "has a header but no data rows",
        ),
        (
            dir.path().join("absent.csv").display().to_string(),
            good_mapping.clone(),
            "cannot read",
        ),
    ];
    for (file, mapping, needle) in cases {
        let out = salesdesk(&db, &["import", &file, "--mapping", &mapping]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{needle}: {err}");
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{needle}: not one line: {err}"
        );
        assert!(err.contains(needle), "'{needle}' not in: {err}");
        assert_eq!(fingerprint(&db), before, "{needle}: the database changed");
    }
}

#[test]
fn a_kill_in_the_middle_of_an_import_leaves_all_or_nothing() {
    const ROWS: usize = 400_000;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let mut csv = String::from("title,amount,stage,created_on\n");
    for i in 0..ROWS {
        csv.push_str(&format!(
            "Deal {i},{}.{:02},Lead,2026-01-{:02}\n",
            100 + i % 900,
            i % 100,
            1 + i % 28
        ));
    }
    let file = write(dir.path(), "deals.csv", csv.as_bytes());
    let seed = salesdesk(
        &db,
        &[
            "import",
            &write(dir.path(), "one.csv", b"name\nAnn\n"),
            "--kind",
            "reps",
        ],
    );
    assert!(seed.status.success(), "{}", stderr(&seed));
    let before = fingerprint(&db);

    let mut child = Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--db")
        .arg(&db)
        .args(["import", &file, "--kind", "deals"])
        .env_remove("SALESDESK_DB")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let wal = dir.path().join("book.db-wal");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut killed_mid_import = false;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let wal_bytes = std::fs::metadata(&wal).map_or(0, |m| m.len());
        if wal_bytes > 4 * 1024 * 1024 {
            child.kill().unwrap();
            killed_mid_import = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait().unwrap();
    assert!(
        killed_mid_import,
        "the import ended before it could be killed; make the file bigger"
    );

    let conn = Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let deals: i64 = conn
        .query_row("SELECT COUNT(*) FROM deals", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    assert!(
        deals == 0 || deals == ROWS as i64,
        "half an import: {deals} deals"
    );
    if deals == 0 {
        assert_eq!(fingerprint(&db), before);
    }
}

#[test]
fn the_cdnow_log_imports_through_whitespace_columns_and_compact_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cdnow.db");
    let mapping = root().join("assets/mappings/cdnow/CDNOW_master.toml");
    let mapping = mapping.to_str().unwrap();
    let excerpt = root().join("tests/fixtures/import/cdnow_excerpt.txt");
    let out = salesdesk(
        &db,
        &["import", excerpt.to_str().unwrap(), "--mapping", mapping],
    );
    let report = stdout(&out);
    assert!(out.status.success(), "{report}{}", stderr(&out));
    assert!(report.contains("created by name: 5 customers"), "{report}");
    assert!(
        report.contains("ignored columns: number_of_cds"),
        "{report}"
    );
    assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM deals WHERE stage = 'Won'"),
        24
    );
    assert_eq!(
        scalar(
            &db,
            "SELECT SUM(d.amount_cents) FROM deals d JOIN customers c ON c.id = d.customer_id
             WHERE c.name = '00002' AND d.closed_on = '1997-01-12' AND d.created_on = '1997-01-12'"
        ),
        8_900
    );

    let full = root().join("../shared/data/CDNOW_master.txt");
    if full.exists() {
        let db = dir.path().join("full.db");
        let out = salesdesk(
            &db,
            &["import", full.to_str().unwrap(), "--mapping", mapping],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM deals"), 69_659);
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM customers"), 23_570);
    }
}

#[test]
fn a_big_deals_file_leaves_every_index_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let mut csv = String::from("title,amount,stage,created_on,closed_on\n");
    for i in 0..80_000 {
        let won = i % 3 == 0;
        csv.push_str(&format!(
            "Deal number {i:06},{}.00,{},2026-01-{:02},{}\n",
            100 + i % 900,
            if won { "Won" } else { "Proposal" },
            1 + i % 28,
            if won { "2026-03-01" } else { "" }
        ));
    }
    let file = write(dir.path(), "deals.csv", csv.as_bytes());
    let seed = salesdesk(
        &db,
        &[
            "import",
            &write(dir.path(), "one.csv", b"name\nAnn\n"),
            "--kind",
            "reps",
        ],
    );
    assert!(seed.status.success());
    let schema = |db: &Path| -> Vec<(String, String)> {
        Connection::open(db)
            .unwrap()
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = schema(&db);
    let out = salesdesk(&db, &["import", &file, "--kind", "deals"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(schema(&db), before);
    assert_eq!(scalar(&db, "SELECT COUNT(*) FROM deals"), 80_000);
    let check: String = Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM deals INDEXED BY deals_won_by_month WHERE stage = 'Won'"
        ),
        26_667
    );
}

#[test]
fn a_dry_run_checks_the_rows_against_the_stages_it_would_create_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    for stem in ["sales_teams", "products", "accounts"] {
        let mapping = root().join(format!("assets/mappings/maven/{stem}.toml"));
        let out = salesdesk(
            &db,
            &[
                "import",
                &maven_fixture(stem),
                "--mapping",
                &mapping.display().to_string(),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let before = fingerprint(&db);
    let mapping = root().join("assets/mappings/maven/sales_pipeline.toml");
    let out = salesdesk(
        &db,
        &[
            "import",
            &maven_fixture("sales_pipeline"),
            "--mapping",
            &mapping.display().to_string(),
            "--dry-run",
        ],
    );
    let report = stdout(&out);
    assert!(out.status.success(), "{report}{}", stderr(&out));
    assert!(report.contains("created             40"), "{report}");
    assert_eq!(fingerprint(&db), before, "no stage and no deal written");
}
