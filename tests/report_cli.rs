//! `salesdesk report pipeline` as scripts use it: JSON with the documented keys and sane values,
//! a readable table, and a clear refusal of a missing database.

mod common;

use std::path::Path;

use common::bin::salesdesk;
use serde_json::Value;

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let out = salesdesk(&db, &["demo", "--customers", "200"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn report_json(db: &Path, period: &str) -> Value {
    let out = salesdesk(db, &["report", "pipeline", "--json", "--period", period]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn json_report_has_the_documented_keys_and_sane_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let report = report_json(&db, "trailing-12-months");

    assert_eq!(
        keys(&report),
        [
            "as_of",
            "by_product",
            "by_rep",
            "kpis",
            "period",
            "period_kind",
            "quota",
            "stages"
        ]
    );
    assert_eq!(report["as_of"], "2026-11-26");
    assert_eq!(report["period_kind"], "trailing-12-months");
    assert_eq!(report["period"]["from"], "2025-11-27");
    assert_eq!(report["period"]["to"], "2026-11-26");
    let kpis = &report["kpis"];
    assert_eq!(
        keys(kpis),
        [
            "average_won_deal_cents",
            "conversions",
            "cycle_days_mean",
            "cycle_days_median",
            "days_in_stage",
            "first_to_won",
            "lost",
            "open_deals",
            "velocity_per_30_days_cents",
            "velocity_per_day_cents",
            "win_rate",
            "won",
            "won_value_cents"
        ]
    );
    let win_rate = kpis["win_rate"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&win_rate), "{win_rate}");
    assert!(kpis["won"].as_u64().unwrap() > 0);
    assert!(kpis["cycle_days_mean"].as_f64().unwrap() > 0.0);
    assert!(kpis["velocity_per_day_cents"].as_i64().unwrap() > 0);
    assert_eq!(kpis["conversions"].as_array().unwrap().len(), 4);
    for c in kpis["conversions"].as_array().unwrap() {
        assert_eq!(
            keys(c),
            ["converted", "entered", "from", "rate", "to", "unused"]
        );
        assert!(c["converted"].as_u64() <= c["entered"].as_u64());
    }
    for d in kpis["days_in_stage"].as_array().unwrap() {
        assert_eq!(keys(d), ["mean_days", "stage", "stints", "unused"]);
    }

    // The stage rows add up to the open deals SQL counts.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let open: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM deals
             WHERE stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation')
               AND created_on <= '2026-11-26'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let stages = report["stages"].as_array().unwrap();
    assert_eq!(
        stages
            .iter()
            .map(|s| s["stage"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["Lead", "Qualified", "Proposal", "Negotiation"]
    );
    for s in stages {
        assert_eq!(
            keys(s),
            ["count", "stage", "stale", "sum_cents", "weighted_cents"]
        );
        assert!(s["weighted_cents"].as_i64() <= s["sum_cents"].as_i64());
    }
    let counted: u64 = stages.iter().map(|s| s["count"].as_u64().unwrap()).sum();
    assert_eq!(counted, u64::try_from(open).unwrap());
    assert_eq!(kpis["open_deals"].as_i64(), Some(open));

    let reps = report["quota"]["reps"].as_array().unwrap();
    assert!(!reps.is_empty());
    assert_eq!(
        keys(&reps[0]),
        [
            "attainment",
            "name",
            "quota_cents",
            "rep_id",
            "team",
            "won_value_cents"
        ]
    );
    assert!(!report["quota"]["teams"].as_array().unwrap().is_empty());
    let by_rep = report["by_rep"].as_array().unwrap();
    assert_eq!(
        keys(&by_rep[0]),
        [
            "id",
            "lost",
            "name",
            "open",
            "win_rate",
            "won",
            "won_value_cents"
        ]
    );
    let won_by_rep: u64 = by_rep.iter().map(|r| r["won"].as_u64().unwrap()).sum();
    assert_eq!(Some(won_by_rep), kpis["won"].as_u64());
    assert!(!report["by_product"].as_array().unwrap().is_empty());
}

#[test]
fn each_period_has_its_own_days_and_the_text_report_reads_well() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for (period, from, to) in [
        ("this-quarter", "2026-10-01", "2026-11-26"),
        ("last-quarter", "2026-07-01", "2026-09-30"),
        ("this-year", "2026-01-01", "2026-11-26"),
    ] {
        let report = report_json(&db, period);
        assert_eq!(report["period_kind"], period);
        assert_eq!(report["period"]["from"], from, "{period}");
        assert_eq!(report["period"]["to"], to, "{period}");
    }
    let out = salesdesk(&db, &["report", "pipeline"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Trailing 12 months, 2025-11-27 to 2026-11-26",
        "Win rate",
        "Velocity",
        "Negotiation",
        "Lead → Qualified",
        "Quota",
    ] {
        assert!(text.contains(needle), "'{needle}' not in:\n{text}");
    }
}

#[test]
fn a_missing_database_is_refused_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let out = salesdesk(&db, &["report", "pipeline", "--json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("no database at"), "{err}");
    assert!(out.stdout.is_empty());
    assert!(!db.exists());
}

#[test]
fn unknown_reports_and_periods_are_command_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("any.db");
    for args in [
        &["report", "funnel"][..],
        &["report", "pipeline", "--period", "next-week"][..],
    ] {
        let out = salesdesk(&db, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert!(!db.exists());
}
