//! The data-quality checks on a hand-made book where every answer is known, through the library
//! and through `salesdesk report quality --json`.

mod common;

use std::collections::BTreeMap;

use common::bin::{salesdesk, stdout};
use rusqlite::Connection;
use salesdesk::db::quality::{RowKind, quality_report};

/// A book with one of each problem (comments name them).
fn fill(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO reps (id, name, email, team, region, max_open_tasks)
             VALUES (1, 'Ann Lee', 'ann@example.com', 'North team', 'North', 20);
         INSERT INTO products (id, name, family, list_price_cents, margin_bp) VALUES
             (1, 'Core', 'Core', 10000, 5000),
             (2, 'Free', 'Core', 0, 0);
         INSERT INTO customers (id, name, industry, region, employees, created_on) VALUES
             (1, 'Acme Corp', 'Retail', 'North', 10, '2025-01-01'),
             (2, 'ACME, Inc.', 'Retail', 'North', 10, '2025-01-01'),        -- same name as 1
             (3, 'Northwind Traders', 'Retail', 'North', 10, '2025-01-01'),
             (4, 'Northwind Tradres', 'Retail', 'North', 10, '2025-01-01'), -- one swap from 3
             (5, 'Zenith Health', 'Health', 'North', 10, '2025-01-01'),
             (6, 'Orion Retail', 'Retail', 'North', 10, '2025-01-01'),      -- email of 5
             (7, 'Pinecrest Bank', 'Finance', 'North', 10, '2025-01-01'),
             (8, 'Quartz Energy', 'Energy', '', 10, '2025-01-01'),          -- phone of 7, no region
             (9, 'Solo Co', 'Retail', 'North', NULL, '2025-01-01');         -- no size
         INSERT INTO contacts (customer_id, name, email, phone) VALUES
             (5, 'Zoe', 'z@x.com', ''),
             (6, 'Zed', 'Z@X.com ', ''),
             (7, 'Pia', '', '+1 555 010 2000'),
             (8, 'Quinn', '', '1-555-010-2000'),
             (9, 'Sol', '', '12');
         INSERT INTO deals (id, customer_id, rep_id, product_id, title, amount_cents, stage,
                            created_on, expected_close_on, closed_on) VALUES
             (1, 1, 1, 1, 'clean', 10000, 'Won', '2026-01-01', NULL, '2026-02-01'),
             (2, 1, 1, 1, 'ten times and a cent', 100001, 'Lost', '2026-01-01', NULL, '2026-02-01'),
             (3, NULL, 1, 1, 'won, nobody', 10000, 'Won', '2026-01-01', NULL, '2026-03-01'),
             (4, 2, 1, NULL, 'no product, no close', 5, 'Proposal', '2026-01-01', NULL, NULL),
             (5, 3, 1, 1, 'closed first, too cheap', 999, 'Won', '2026-05-01', NULL, '2026-04-01'),
             (6, 3, 1, 2, 'closes in the future', 1, 'Won', '2026-05-01', NULL, '2026-12-31'),
             (7, 9, 1, 1, 'a tenth exactly', 1000, 'Proposal', '2026-05-01', '2027-01-01', NULL);",
    )
    .unwrap();
}

fn expected() -> BTreeMap<&'static str, (u64, Vec<i64>)> {
    BTreeMap::from([
        ("duplicate_customers", (4, (1..=8).collect())),
        ("customer_no_industry_or_region", (1, vec![8])),
        ("customer_no_size", (1, vec![9])),
        ("deal_won_no_customer", (1, vec![3])),
        ("deal_no_product", (1, vec![4])),
        ("deal_open_no_close_date", (1, vec![4])),
        ("deal_closed_before_created", (1, vec![5])),
        ("deal_closed_in_future", (1, vec![6])),
        ("deal_amount_outlier", (2, vec![2, 5])),
        ("channel_negative_spend", (0, vec![])),
    ])
}

#[test]
fn every_check_finds_exactly_the_planted_rows() {
    let conn = salesdesk::db::open(std::path::Path::new(":memory:"))
        .unwrap()
        .conn;
    fill(&conn);
    let report = quality_report(&conn, common::as_of()).unwrap();
    let found: BTreeMap<&str, (u64, Vec<i64>)> = report
        .checks
        .iter()
        .map(|c| (c.key, (c.count, c.ids.clone())))
        .collect();
    assert_eq!(found, expected());
    assert_eq!(report.total(), 13);
    let groups: Vec<&str> = report.checks.iter().map(|c| c.group).collect();
    let mut sorted = groups.clone();
    sorted.dedup();
    assert_eq!(sorted, ["Duplicates", "Missing", "Impossible", "Outliers"]);
    let pairs: Vec<(i64, i64, &str)> = report
        .duplicates
        .iter()
        .map(|p| (p.a, p.b, p.why.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            (1, 2, "same name"),
            (3, 4, "similar name"),
            (5, 6, "shared contact email"),
            (7, 8, "shared contact phone"),
        ]
    );
    assert_eq!(report.duplicates[0].b_name, "ACME, Inc.");
    let deal_rows = report
        .checks
        .iter()
        .filter(|c| c.rows == RowKind::Deal)
        .count();
    assert_eq!(deal_rows, 6);
    let labels = |key: &str| {
        let check = report.checks.iter().find(|c| c.key == key).unwrap();
        check.labels.clone()
    };
    // Rows are listed by what they are called, in the order of their ids.
    assert_eq!(
        labels("deal_amount_outlier"),
        ["ten times and a cent", "closed first, too cheap"]
    );
    assert_eq!(labels("customer_no_size"), ["Solo Co"]);
    assert!(labels("channel_negative_spend").is_empty());
}

#[test]
fn the_json_report_gives_the_same_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    {
        let opened = salesdesk::db::open(&path).unwrap();
        fill(&opened.conn);
    }
    let out = salesdesk(&path, &["report", "quality", "--json"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for check in json["checks"].as_array().unwrap() {
        let key = check["key"].as_str().unwrap();
        let (count, _) = &expected()[key];
        assert_eq!(check["count"].as_u64(), Some(*count), "{key}");
    }
    assert_eq!(json["duplicates"][3]["why"], "shared contact phone");
    let text = stdout(&salesdesk(&path, &["report", "quality"]));
    assert!(
        text.starts_with("Data quality as of 2026-11-26: 13 rows need care"),
        "{text}"
    );
    assert!(
        text.contains("1 Acme Corp / 2 ACME, Inc.: same name"),
        "{text}"
    );
}
