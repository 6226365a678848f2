//! Importing a 1,000,000-row deals CSV (Maven-like columns, references by name to 40 reps,
//! 20 products and 100,000 customers) into a fresh copy of a book; target under 30 s in release.
//! And (issue 21) the desk's own export of the shared 1M-deal book imported back into that book
//! emptied of its deals, next to the sqlite3 shell's `.import` of the same file into an untyped
//! table (skipped when `sqlite3` is not on the PATH); target within 3× of it.
//! `cargo bench --bench import` takes about ten minutes; the files are made once under
//! target/bench-data.

#[allow(
    dead_code,
    reason = "the shared bench helpers serve several benchmarks"
)]
mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use salesdesk::db;
use salesdesk::export::{Cells, export_kind};
use salesdesk::import::{ImportOptions, Mapping, OnConflict, RecordKind, import_file};

const ROWS: usize = 1_000_000;
const CUSTOMERS: usize = 100_000;

const DEALS_MAPPING: &str = r#"
kind = "deals"
key = "external_id"
amount_fallback = "list_price"
[columns]
external_id = "opportunity_id"
rep = "sales_agent"
product = "product"
customer = "account"
stage = "deal_stage"
created_on = "engage_date"
closed_on = "close_date"
amount = "close_value"
"#;

fn options() -> ImportOptions {
    ImportOptions {
        on_conflict: OnConflict::Fail,
        dry_run: false,
        skip_bad: false,
        as_of: common::as_of(),
        overwrite: false,
    }
}

fn write_file(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// The deals CSV and a book holding its reps, products and customers, made on first use.
fn inputs() -> (PathBuf, PathBuf) {
    let dir = common::data_dir();
    let csv = dir.join(format!("import-deals-{ROWS}.csv"));
    let book = dir.join(format!("import-book-{CUSTOMERS}.db"));
    if csv.exists() && book.exists() {
        return (csv, book);
    }
    std::fs::create_dir_all(&dir).unwrap();
    let _ = std::fs::remove_file(&book);
    let mut conn = db::open(&book).unwrap().conn;
    let mut reps = String::from("name,team,region\n");
    for i in 0..40 {
        writeln!(reps, "Rep {i:02},Team {},R{}", i % 5, i % 4).unwrap();
    }
    let mut products = String::from("name,family,list_price\n");
    for i in 0..20 {
        writeln!(products, "Product {i},F{},{}", i % 4, 100 + i * 50).unwrap();
    }
    let mut customers = String::from("name,industry,region\n");
    for i in 0..CUSTOMERS {
        writeln!(customers, "Customer {i:06},Industry {},R{}", i % 9, i % 4).unwrap();
    }
    for (kind, text) in [
        (RecordKind::Reps, reps),
        (RecordKind::Products, products),
        (RecordKind::Customers, customers),
    ] {
        let file = dir.join(format!("import-{kind}.csv"));
        write_file(&file, &text);
        import_file(
            &mut conn,
            &file,
            &Mapping::default_for(kind),
            &options(),
            &mut |_| {},
        )
        .unwrap();
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);

    let stages = [
        "Lead",
        "Qualified",
        "Proposal",
        "Negotiation",
        "Won",
        "Lost",
        "Won",
        "Lost",
    ];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    let mut text = String::with_capacity(80 * ROWS);
    text.push_str(
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n",
    );
    for i in 0..ROWS {
        let stage = stages[rng.random_range(0..stages.len())];
        let (month, day) = (1 + i % 12, 1 + i % 28);
        let close = if matches!(stage, "Won" | "Lost") {
            format!("2025-{month:02}-{day:02}")
        } else {
            String::new()
        };
        let value = if stage == "Lost" {
            "0".to_string()
        } else {
            format!(
                "{}.{:02}",
                rng.random_range(100..90_000),
                rng.random_range(0..100)
            )
        };
        let customer = rng.random_range(0..CUSTOMERS);
        writeln!(
            text,
            "OP{i:08},Rep {:02},Product {},Customer {customer:06},{stage},2024-{month:02}-{day:02},{close},{value}",
            i % 40,
            i % 20
        )
        .unwrap();
    }
    write_file(&csv, &text);
    (csv, book)
}

/// A fresh copy of `book` in a temporary folder, opened.
fn copy_of(book: &Path) -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("book.db");
    std::fs::copy(book, &copy).unwrap();
    let conn = db::open(&copy).unwrap().conn;
    (dir, conn)
}

fn bench_import(c: &mut Criterion) {
    let (csv, book) = inputs();
    let mapping = Mapping::parse(DEALS_MAPPING).unwrap();
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(200));
    group.bench_function("1M deals by name into a 100k-customer book", |b| {
        b.iter_batched(
            || copy_of(&book),
            |(dir, mut conn)| {
                let report =
                    import_file(&mut conn, &csv, &mapping, &options(), &mut |_| {}).unwrap();
                assert_eq!((report.created, report.rejected), (ROWS as u64, 0));
                (dir, conn)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// The deals of the shared 1M book as `salesdesk export deals` writes them, and that book
/// without its deals (nor their stage changes, activities, tasks and plans), made on first use.
fn exported_inputs() -> (PathBuf, PathBuf) {
    let big = common::big_db();
    let dir = common::data_dir();
    let csv = dir.join("export-deals-1000000.csv");
    let book = dir.join("export-book-no-deals.db");
    if csv.exists() && book.exists() {
        return (csv, book);
    }
    let conn = db::open(&big).unwrap().conn;
    export_kind(&conn, RecordKind::Deals, &csv, Cells::Safe).unwrap();
    drop(conn);
    let _ = std::fs::remove_file(&book);
    std::fs::copy(&big, &book).unwrap();
    let conn = db::open(&book).unwrap().conn;
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         DELETE FROM assign_plan_tasks; DELETE FROM assign_plan_reps; DELETE FROM assign_plans;
         DELETE FROM tasks; DELETE FROM activities; DELETE FROM stage_changes; DELETE FROM deals;
         VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .unwrap();
    (csv, book)
}

/// The header of `csv` as the column list of an untyped table.
fn untyped_columns(csv: &Path) -> String {
    use std::io::BufRead as _;
    let mut header = String::new();
    std::io::BufReader::new(std::fs::File::open(csv).unwrap())
        .read_line(&mut header)
        .unwrap();
    header.trim_end().to_string()
}

fn bench_exported(c: &mut Criterion) {
    let (csv, book) = exported_inputs();
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(150));
    group.bench_function(
        "1M deals of our export into the 1M book without deals",
        |b| {
            b.iter_batched(
                || copy_of(&book),
                |(dir, mut conn)| {
                    let mapping = Mapping::default_for(RecordKind::Deals);
                    let report =
                        import_file(&mut conn, &csv, &mapping, &options(), &mut |_| {}).unwrap();
                    assert_eq!((report.created, report.rejected), (ROWS as u64, 0));
                    (dir, conn)
                },
                BatchSize::PerIteration,
            );
        },
    );
    let shell = std::process::Command::new("sqlite3")
        .arg("-version")
        .output();
    if shell.is_ok_and(|out| out.status.success()) {
        let columns = untyped_columns(&csv);
        group.bench_function(
            "sqlite3 shell .import of the same file, untyped table",
            |b| {
                b.iter_batched(
                    || tempfile::tempdir().unwrap(),
                    |dir| {
                        let status = std::process::Command::new("sqlite3")
                            .arg(dir.path().join("raw.db"))
                            .arg(format!("CREATE TABLE raw({columns});"))
                            .arg(format!(".import --csv --skip 1 {} raw", csv.display()))
                            .status()
                            .unwrap();
                        assert!(status.success());
                        dir
                    },
                    BatchSize::PerIteration,
                );
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_import, bench_exported);
criterion_main!(benches);
