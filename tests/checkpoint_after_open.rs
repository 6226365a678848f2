//! A freshly migrated book can be checkpointed after a journal-mode switch, as the benches and
//! the demo generator's bulk settings do: no migration leaves the connection holding a table lock.

#[test]
fn a_migrated_book_checkpoints_after_the_demo_generator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let mut opened = salesdesk::db::open(&path).unwrap();
    let options = salesdesk::db::demo::DemoOptions {
        customers: 50,
        deals: 200,
        ..salesdesk::db::demo::DemoOptions::standard(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
    };
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    opened
        .conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}
