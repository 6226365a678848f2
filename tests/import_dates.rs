//! Dates of record: an imported customer without a creation date of its own is dated by its
//! earliest deal or activity, so analyses that ask "did it exist then" see the imported book.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{salesdesk, salesdesk_on, stdout};
use rusqlite::Connection;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn import(db: &Path, file: &str, mapping: &str) {
    let file = root().join(file).display().to_string();
    let mapping = root().join(mapping).display().to_string();
    let out = salesdesk(db, &["import", &file, "--mapping", &mapping]);
    assert!(out.status.success(), "{}", stdout(&out));
}

fn import_maven(db: &Path) {
    for stem in ["sales_teams", "products", "accounts", "sales_pipeline"] {
        import(
            db,
            &format!("tests/fixtures/maven/{stem}.csv"),
            &format!("assets/mappings/maven/{stem}.toml"),
        );
    }
}

#[test]
fn maven_customers_are_dated_by_their_first_deal_and_the_tiers_count_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db);
    let conn = Connection::open(&db).unwrap();
    let wrong: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM customers c
             WHERE c.created_on <> (SELECT MIN(created_on) FROM deals d WHERE d.customer_id = c.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        wrong, 0,
        "every customer with deals takes its first deal's date"
    );
    let with_deals_before: i64 = conn
        .query_row(
            "SELECT COUNT(DISTINCT customer_id) FROM deals WHERE created_on < '2018-01-01'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        with_deals_before > 10,
        "the fixture has customers with deals"
    );
    let out = salesdesk_on(&db, "2018-01-01", &["report", "tiers", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let counted: i64 = json["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["customers"].as_i64().unwrap())
        .sum();
    assert_eq!(counted, with_deals_before);
}

#[test]
fn a_mapped_creation_date_is_kept_even_when_a_deal_is_older() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dated.db");
    let customers = dir.path().join("customers.csv");
    std::fs::write(
        &customers,
        "name,industry,region,created_on\nKept Ltd,retail,North,2017-06-01\nDated Ltd,retail,North,\n",
    )
    .unwrap();
    let deals = dir.path().join("deals.csv");
    std::fs::write(
        &deals,
        "customer,stage,created_on,closed_on,amount\n\
         Kept Ltd,Won,2016-01-05,2016-02-01,100\n\
         Dated Ltd,Won,2016-03-07,2016-04-01,100\n\
         Dated Ltd,Lost,2016-02-09,2016-05-01,100\n",
    )
    .unwrap();
    for (file, kind) in [(&customers, "customers"), (&deals, "deals")] {
        let out = salesdesk(
            &db,
            &["import", &file.display().to_string(), "--kind", kind],
        );
        assert!(out.status.success(), "{}", stdout(&out));
    }
    let conn = Connection::open(&db).unwrap();
    let dates: Vec<(String, String)> = conn
        .prepare("SELECT name, created_on FROM customers ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        dates,
        vec![
            ("Dated Ltd".to_string(), "2016-02-09".to_string()),
            ("Kept Ltd".to_string(), "2017-06-01".to_string()),
        ]
    );
}
