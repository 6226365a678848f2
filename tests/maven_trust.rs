//! Figures a manager can trust on the Maven excerpt (issues 17 and 20): the book's own stages
//! (Prospecting, Engaging) are the ones measured, and open deals without an expected close date are counted in the
//! forecast's weighted pipeline as their own bucket.

mod common;

use std::path::Path;

use common::bin::{import_maven, salesdesk_on, stdout};
use rusqlite::Connection;

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = salesdesk_on(db, "2018-01-01", args);
    assert!(out.status.success(), "{}", stdout(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn the_maven_book_flows_through_its_own_stages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db);
    let report = json(&db, &["report", "pipeline", "--json"]);
    let kpis = &report["kpis"];
    let steps: Vec<(&str, &str)> = kpis["conversions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["from"].as_str().unwrap(), c["to"].as_str().unwrap()))
        .collect();
    assert_eq!(steps, [("Prospecting", "Engaging"), ("Engaging", "Won")]);
    for c in kpis["conversions"].as_array().unwrap() {
        assert_eq!(c["unused"], false, "every stage is the book's own: {c}");
    }
    assert_eq!(kpis["first_to_won"][0]["from"], "Prospecting");
    let dwell: Vec<&str> = kpis["days_in_stage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["stage"].as_str().unwrap())
        .collect();
    assert_eq!(dwell, ["Prospecting", "Engaging"]);
    // Closed deals were created engaged (the mapping's created_in): none sat in Prospecting.
    let prospecting = &kpis["days_in_stage"][0];
    assert_eq!(prospecting["stints"], 0, "{prospecting}");
    let text = stdout(&salesdesk_on(&db, "2018-01-01", &["report", "pipeline"]));
    assert!(text.contains("Prospecting → Engaging"), "{text}");
    assert!(
        !text.contains("Lead"),
        "no stage the book never had: {text}"
    );
    let screen = stdout(&salesdesk_on(
        &db,
        "2018-01-01",
        &["snapshot", "--screen", "pipeline", "--size", "160x30"],
    ));
    assert!(screen.contains("conversion P→E"), "{screen}");
    assert!(
        screen.contains("┌ Prospecting") && screen.contains("┌ Engaging"),
        "{screen}"
    );
}

#[test]
fn open_deals_without_an_expected_close_date_are_their_own_pipeline_bucket() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db);
    let conn = Connection::open(&db).unwrap();
    let (undated, bp_cents): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), SUM(d.amount_cents * COALESCE(d.probability_bp, s.probability_bp))
             FROM deals d JOIN stages s ON s.pipeline_id = d.pipeline_id AND s.name = d.stage
             WHERE d.closed_on IS NULL
               AND d.expected_close_on IS NULL AND d.created_on <= '2018-01-01'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(undated > 10, "the excerpt has undated open deals");
    let report = json(&db, &["report", "forecast", "--json"]);
    let total = &report["series"][0];
    assert_eq!(total["name"], "Total");
    let expected = (bp_cents + 5_000).div_euclid(10_000);
    assert_eq!(total["pipeline_undated_cents"], expected);
    let text = stdout(&salesdesk_on(&db, "2018-01-01", &["report", "forecast"]));
    assert!(text.contains("weighted open pipeline"), "{text}");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("undated"))
        .unwrap_or_else(|| panic!("an undated line: {text}"));
    let whole = salesdesk::domain::Money(expected).whole();
    assert!(line.contains(&whole), "{line} shows {whole}");
    let screen = stdout(&salesdesk_on(
        &db,
        "2018-01-01",
        &["snapshot", "--screen", "forecast", "--size", "160x30"],
    ));
    let compact = salesdesk::domain::Money(expected).compact();
    assert!(screen.contains(&format!("undated {compact}")), "{screen}");
}
