//! `salesdesk export` at the library level: every kind's header and exact rows, money and
//! percent formatting, NULL as an empty cell, quoting, and a failed export leaving no trace.

mod common;

use std::path::Path;

use proptest::prelude::*;
use rusqlite::{Connection, params};
use salesdesk::domain::RecordKind;
use salesdesk::export::formula::unguard;
use salesdesk::export::{Cells, export_kind};

/// The fixture plus rows that exercise the edges: NULLs, external ids, odd names, tiny, zero,
/// negative and big numbers, and channel months.
fn book() -> Connection {
    let conn = common::fixture_db();
    conn.execute_batch(
        "INSERT INTO reps (id, external_id, name, email, team, region, max_open_tasks, active)
             VALUES (5, 'R-5', 'Eve \"The Closer\" O''Neil', 'eve@example.com', 'North team',
                     'North', 0, 0);
         INSERT INTO products (id, external_id, name, family, list_price_cents, margin_bp) VALUES
             (4, 'P-4', 'Tiny, Add-on', 'Extras', 5, -305),
             (5, NULL, 'Free tier', 'Extras', 0, 0);
         INSERT INTO customers (id, external_id, name, industry, region, employees,
                                annual_revenue_cents, owner_rep_id, created_on, notes)
             VALUES (13, 'C-13', 'Smith, Jones & \"Partners\"', 'Legal', 'North', NULL, NULL,
                     NULL, '2024-02-29', 'line one
line two');
         INSERT INTO deals (id, external_id, customer_id, rep_id, product_id, title, amount_cents,
                            stage, created_on, expected_close_on, closed_on, lost_reason,
                            probability_bp)
             VALUES (100, 'D-100', 13, NULL, 4, '大型案件, phase 2', 123456789012, 'Negotiation',
                     '2026-10-01', NULL, NULL, NULL, 3550),
                    (101, NULL, NULL, 5, NULL, 'Tiny', 5, 'Lead', '2026-10-02', '2026-12-31',
                     NULL, NULL, 0);
         INSERT INTO tasks (id, external_id, title, kind, customer_id, deal_id, rep_id, due_on,
                            est_minutes, priority, status, pinned)
             VALUES (100, 'T-100', 'Call \"Smith\", then email', 'call', 13, 100, NULL, NULL, 0,
                     1, 'done', 1);
         INSERT INTO channels (id, name) VALUES (1, 'Search'), (2, 'Events');
         INSERT INTO channel_months (channel_id, month, spend_cents, revenue_cents) VALUES
             (1, '2026-02', 123450, 0), (1, '2026-01', 5, 99999999999), (2, '2026-01', 0, 100);",
    )
    .unwrap();
    conn
}

/// Exports `kind` to a new file and returns the count and the file's text.
fn export(conn: &Connection, kind: RecordKind) -> (u64, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{}.csv", kind.name()));
    let rows = export_kind(conn, kind, &path, Cells::Safe).unwrap();
    (rows, std::fs::read_to_string(&path).unwrap())
}

/// The records of a CSV text, parsed back the way any reader would.
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn reps_are_written_in_id_order_with_yes_no_and_quotes() {
    let (rows, text) = export(&book(), RecordKind::Reps);
    assert_eq!(rows, 5);
    assert_eq!(
        text,
        "id,external_id,name,email,team,region,max_open_tasks,active\n\
         1,,Ann Lee,rep1@example.com,North team,North,20,yes\n\
         2,,Bo Chen,rep2@example.com,Central team,Central,20,yes\n\
         3,,Cleo Díaz,rep3@example.com,South team,South,20,yes\n\
         4,,Dev Patel,rep4@example.com,North team,North,20,yes\n\
         5,R-5,\"Eve \"\"The Closer\"\" O'Neil\",eve@example.com,North team,North,0,no\n"
    );
}

#[test]
fn products_have_money_and_margin_with_two_decimals() {
    let (rows, text) = export(&book(), RecordKind::Products);
    assert_eq!(rows, 5);
    assert_eq!(
        text,
        "id,external_id,name,family,list_price,margin\n\
         1,,Core Pro,Core,4800.00,72.00\n\
         2,,Insight Plus,Analytics,9500.00,60.00\n\
         3,,Onboarding Pack,Services,3000.00,35.00\n\
         4,P-4,\"Tiny, Add-on\",Extras,0.05,-3.05\n\
         5,,Free tier,Extras,0.00,0.00\n"
    );
}

#[test]
fn customers_name_their_owner_and_leave_nulls_empty() {
    let (rows, text) = export(&book(), RecordKind::Customers);
    assert_eq!(rows, 13);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,external_id,name,industry,region,employees,annual_revenue,owner_rep_id,owner,\
         created_on,notes"
    );
    assert_eq!(
        lines[1],
        "1,,Acme Corp,Manufacturing,North,50,1000000.00,1,Ann Lee,2023-01-15,"
    );
    assert_eq!(
        lines[5],
        "5,,東京精密工業,Manufacturing,Central,250,5000000.00,2,Bo Chen,2023-01-15,"
    );
    assert!(
        text.ends_with(
            "13,C-13,\"Smith, Jones & \"\"Partners\"\"\",Legal,North,,,,,2024-02-29,\
             \"line one\nline two\"\n"
        ),
        "{text}"
    );
    let parsed = records(&text);
    assert_eq!(parsed.len(), 14);
    assert_eq!(parsed[13][2], "Smith, Jones & \"Partners\"");
    assert_eq!(parsed[13][10], "line one\nline two");
}

#[test]
fn deals_carry_names_money_dates_and_probability() {
    let (rows, text) = export(&book(), RecordKind::Deals);
    assert_eq!(rows, 50);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,external_id,customer_id,customer,rep_id,rep,product_id,product,title,amount,stage,\
         created_on,expected_close_on,closed_on,lost_reason,probability,category_override"
    );
    assert_eq!(
        lines[1],
        "1,,1,Acme Corp,1,Ann Lee,2,Insight Plus,Won deal for Acme Corp,1000.00,Won,2023-02-01,\
         2026-06-30,2026-06-30,,,"
    );
    assert_eq!(
        lines[4],
        "4,,1,Acme Corp,1,Ann Lee,2,Insight Plus,Lost deal for Acme Corp,700.00,Lost,2025-05-01,\
         2025-07-01,2025-07-01,Price,,"
    );
    assert_eq!(
        &lines[49..],
        [
            "100,D-100,13,\"Smith, Jones & \"\"Partners\"\"\",,,4,\"Tiny, Add-on\",\
             \"大型案件, phase 2\",1234567890.12,Negotiation,2026-10-01,,,,35.50,",
            "101,,,,5,\"Eve \"\"The Closer\"\" O'Neil\",,,Tiny,0.05,Lead,2026-10-02,2026-12-31,,,\
             0.00,",
        ]
    );
}

#[test]
fn tasks_name_customer_and_rep_and_flag_pins() {
    let (rows, text) = export(&book(), RecordKind::Tasks);
    assert_eq!(rows, 13);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,external_id,title,kind,customer_id,customer,deal_id,rep_id,rep,due_on,est_minutes,\
         priority,status,pinned,done_on"
    );
    assert_eq!(
        lines[1],
        "1,,Call Acme Corp,call,1,Acme Corp,,1,Ann Lee,2026-12-01,30,2,open,no,"
    );
    assert_eq!(
        lines[13],
        "100,T-100,\"Call \"\"Smith\"\", then email\",call,13,\"Smith, Jones & \"\"Partners\"\"\",\
         100,,,,0,1,done,yes,"
    );
}

#[test]
fn channel_months_are_ordered_by_channel_then_month() {
    let (rows, text) = export(&book(), RecordKind::ChannelMonths);
    assert_eq!(rows, 3);
    assert_eq!(
        text,
        "channel,month,spend,revenue\n\
         Events,2026-01,0.00,1.00\n\
         Search,2026-01,0.05,999999999.99\n\
         Search,2026-02,1234.50,0.00\n"
    );
}

#[test]
fn an_empty_kind_writes_just_the_header() {
    let conn = salesdesk::db::open(Path::new(":memory:")).unwrap().conn;
    let (rows, text) = export(&conn, RecordKind::ChannelMonths);
    assert_eq!(rows, 0);
    assert_eq!(text, "channel,month,spend,revenue\n");
}

#[test]
fn a_failed_export_keeps_the_old_file_and_leaves_no_temporary_file() {
    let conn = book();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.csv");
    std::fs::write(&path, "the previous export\n").unwrap();
    conn.execute_batch("DROP TABLE tasks").unwrap();
    let err = export_kind(&conn, RecordKind::Tasks, &path, Cells::Safe).unwrap_err();
    assert!(
        err.to_string().contains("cannot read the database"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the previous export\n"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["deals.csv"]);
    export_kind(&conn, RecordKind::Deals, &path, Cells::Safe).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("id,external_id,customer_id")
    );
}

#[cfg(unix)]
#[test]
fn an_export_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reps.csv");
    export_kind(&book(), RecordKind::Reps, &path, Cells::Safe).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever text a name holds (commas, quotes, newlines, any script), a CSV reader gets it
    /// back unchanged once the formula guard is taken off, and a plain number of cents comes back as the same amount.
    #[test]
    fn any_name_and_amount_survive_the_file(name in "\\PC{0,12}(,|\"|\n|\r\n)?\\PC{0,4}", cents in 0i64..=i64::MAX) {
        let conn = salesdesk::db::open(Path::new(":memory:")).unwrap().conn;
        conn.execute(
            "INSERT INTO products (id, name, family, list_price_cents, margin_bp)
             VALUES (1, ?1, 'F', ?2, 0)",
            params![name, cents],
        ).unwrap();
        let (_, text) = export(&conn, RecordKind::Products);
        let parsed = records(&text);
        prop_assert_eq!(parsed.len(), 2);
        prop_assert_eq!(unguard(&parsed[1][2]), name.as_str());
        let (units, hundredths) = parsed[1][4].split_once('.').unwrap();
        prop_assert_eq!(hundredths.len(), 2);
        prop_assert_eq!(
            units.parse::<i128>().unwrap() * 100 + hundredths.parse::<i128>().unwrap(),
            i128::from(cents)
        );
    }
}
