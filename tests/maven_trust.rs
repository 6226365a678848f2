//! Figures a manager can trust on the Maven excerpt (issue 17): stages the book never uses have
//! no conversion rate, and open deals without an expected close date are counted in the
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
fn stages_the_book_never_uses_have_no_conversion_rate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    import_maven(&db);
    let report = json(&db, &["report", "pipeline", "--json"]);
    let conversions = report["kpis"]["conversions"].as_array().unwrap();
    for c in conversions {
        let touches_unused = ["Proposal", "Negotiation"].contains(&c["from"].as_str().unwrap())
            || ["Proposal", "Negotiation"].contains(&c["to"].as_str().unwrap());
        assert_eq!(c["unused"], touches_unused, "{c}");
        if touches_unused {
            assert!(c["rate"].is_null(), "no rate for an unused stage: {c}");
        }
    }
    let lead = &conversions[0];
    assert_eq!(lead["from"], "Lead");
    assert!(lead["rate"].is_number(), "{lead}");
    let dwell = report["kpis"]["days_in_stage"].as_array().unwrap();
    let unused: Vec<&str> = dwell
        .iter()
        .filter(|d| d["unused"] == true)
        .map(|d| d["stage"].as_str().unwrap())
        .collect();
    assert_eq!(unused, ["Proposal", "Negotiation"]);
    let text = stdout(&salesdesk_on(&db, "2018-01-01", &["report", "pipeline"]));
    for line in text.lines().filter(|l| l.contains(" → ")) {
        assert!(!line.contains("100.0%"), "{line}");
    }
    assert!(
        text.contains("No deal in this book ever stood in Proposal, Negotiation"),
        "{text}"
    );
    let screen = stdout(&salesdesk_on(
        &db,
        "2018-01-01",
        &["snapshot", "--screen", "pipeline", "--size", "160x30"],
    ));
    assert!(
        screen.contains("P→N — N→W — (— stage never used)"),
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
             FROM deals d JOIN stage_settings s ON s.stage = d.stage
             WHERE d.stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation')
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
