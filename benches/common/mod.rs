//! The 100,000-customer / 1,000,000-deal database the benchmarks share, made once.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use salesdesk::db::{self, demo::DemoOptions};

/// Customers in the benchmark book.
pub const CUSTOMERS: u32 = 100_000;
/// Deals in the benchmark book.
pub const DEALS: u32 = 1_000_000;

/// The day the benchmark book ends.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

/// The folder the benchmark databases live in (under the target folder).
pub fn data_dir() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("bench-data")
}

/// The shared book, generated on first use (about 15 s) and reused after.
pub fn big_db() -> PathBuf {
    let dir = data_dir();
    let path = dir.join(format!("customers-{CUSTOMERS}-{DEALS}.db"));
    if !path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let partial = dir.join("generating.db");
        let _ = std::fs::remove_file(&partial);
        let mut opened = db::open(&partial).unwrap();
        let options = DemoOptions {
            customers: CUSTOMERS,
            deals: DEALS,
            months: 36,
            seed: 7,
            as_of: as_of(),
        };
        let started = Instant::now();
        db::demo::generate(&mut opened.conn, &options, false).unwrap();
        opened
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        drop(opened);
        std::fs::rename(&partial, &path).unwrap();
        eprintln!(
            "generated {} in {:.1}s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    path
}
