//! Unit tests of row reading.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::reader::Field;
use super::*;
use crate::import::mapping::Mapping;
use std::path::Path;

fn row_of(mapping: &str, header: &[&str], cells: &[&str]) -> Field<PendingRow> {
    let mapping = Mapping::parse(mapping).unwrap();
    let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    let bound = mapping.bind(&header, Path::new("f.csv")).unwrap();
    let cells: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
    let as_of = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
    RowReader::new(&bound, &cells, 7, as_of).pending()
}

const DEALS: &str = r#"
    kind = "deals"
    amount_fallback = "list_price"
    [columns]
    stage = "stage"
    closed_on = "close"
    created_on = "engage"
    amount = "value"
    [values.stage]
    Prospecting = "Lead"
"#;

fn value(row: &PendingRow, column: &str) -> Value {
    match row.columns.iter().find(|(c, _)| *c == column) {
        Some((_, ColumnValue::Plain(v))) => v.clone(),
        other => panic!("{column}: {other:?}"),
    }
}

#[test]
fn an_open_deal_close_date_is_its_expected_close() {
    let head = ["stage", "close", "engage", "value"];
    let row = row_of(DEALS, &head, &["Prospecting", "2018-03-01", "", ""]).unwrap();
    assert_eq!(
        value(&row, "expected_close_on"),
        Value::Text("2018-03-01".into())
    );
    assert_eq!(value(&row, "closed_on"), Value::Null);
    assert_eq!(value(&row, "created_on"), Value::Text("2018-01-01".into()));
    let needs = row.deal.unwrap();
    assert!(needs.amount_missing && needs.created_defaulted && needs.title_missing);
}

#[test]
fn a_lost_deal_at_zero_may_take_the_list_price_but_a_won_one_keeps_it() {
    let head = ["stage", "close", "engage", "value"];
    let lost = row_of(DEALS, &head, &["Lost", "2017-03-01", "2017-01-01", "0"]).unwrap();
    assert!(lost.deal.unwrap().amount_missing);
    let won = row_of(DEALS, &head, &["Won", "2017-03-01", "2017-01-01", "0"]).unwrap();
    assert!(!won.deal.unwrap().amount_missing);
}

#[test]
fn rejections_name_line_column_and_value() {
    let head = ["stage", "close", "engage", "value"];
    let err = row_of(DEALS, &head, &["Won", "2017-13-01", "2017-01-01", "5"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 7, close: '2017-13-01' is not a date (%Y-%m-%d)"
    );
    let err = row_of(DEALS, &head, &["Won", "", "2017-01-01", "5"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 7, close: is empty; a Won deal needs the date it closed"
    );
    let err = row_of(DEALS, &head, &["Stalled", "", "", "5"]).unwrap_err();
    assert!(
        err.reason
            .contains("'Stalled' is not a stage of the pipeline"),
        "{err}"
    );
    let err = row_of(DEALS, &head, &["Won", "2016-01-01", "2017-01-01", "5"]).unwrap_err();
    assert!(err.reason.contains("before the deal was created"), "{err}");
}

#[test]
fn a_rep_without_email_gets_a_placeholder() {
    let mapping = "kind = \"reps\"\nkey = \"name\"\n[columns]\nname = \"agent\"";
    let row = row_of(mapping, &["agent"], &["Anna Snelling"]).unwrap();
    assert_eq!(
        value(&row, "email"),
        Value::Text("anna.snelling@no-email.invalid".into())
    );
    assert_eq!(row.key, Some(KeyValue::Text("Anna Snelling".into())));
}

#[test]
fn update_touches_only_the_mapped_columns() {
    let mapping = Mapping::parse(
        "kind = \"customers\"\nkey = \"name\"\n[columns]\nname = \"n\"\nowner = \"o\"",
    )
    .unwrap();
    let bound = mapping
        .bind(&["n".into(), "o".into()], Path::new("f"))
        .unwrap();
    assert_eq!(updated_columns(&bound), ["name", "owner_rep_id"]);
}
