//! `salesdesk report forecast` as scripts use it: the documented JSON per series, consistent
//! intervals, a readable table, and clear refusals of bad input.

mod common;

use std::path::{Path, PathBuf};

use common::bin::salesdesk_on as salesdesk;
use serde_json::Value;

/// A 200-customer demo book with one more rep who has never won a deal.
fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let out = salesdesk(&db, "2026-11-26", &["demo", "--customers", "200"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO reps (name, email, team, region, max_open_tasks)
         VALUES ('Nova Newhire', 'nova@example.com', 'Rookies', 'North', 10)",
        [],
    )
    .unwrap();
    db
}

fn report(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["report", "forecast", "--json"];
    all.extend_from_slice(args);
    let out = salesdesk(db, "2026-11-26", &all);
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

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn every_series_has_its_model_forecast_and_backtest() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let r = report(&db, &["--horizon", "9", "--by", "rep"]);
    assert_eq!(
        keys(&r),
        vec!["as_of", "by", "horizon", "last_month", "series"]
    );
    assert_eq!(r["as_of"], "2026-11-26");
    assert_eq!(r["last_month"], "2026-10");
    assert_eq!(r["by"], "rep");
    let series = r["series"].as_array().unwrap();
    assert!(series.len() >= 2);
    let fitted: Vec<&Value> = series.iter().filter(|s| s["error"].is_null()).collect();
    assert!(!fitted.is_empty());
    for s in fitted {
        assert_eq!(
            keys(s),
            vec![
                "adj_r2",
                "backtest",
                "coefficients",
                "columns",
                "df",
                "error",
                "fitted",
                "forecast",
                "id",
                "months",
                "name",
                "pipeline",
                "pipeline_undated_cents",
                "r2",
                "s2",
                "standard_errors",
                "values"
            ]
        );
        let n = s["values"].as_array().unwrap().len();
        assert_eq!(s["months"].as_array().unwrap().len(), n);
        assert_eq!(s["months"].as_array().unwrap().last().unwrap(), "2026-10");
        let p = s["columns"].as_array().unwrap().len();
        assert_eq!(p, if n >= 24 { 13 } else { 2 });
        assert_eq!(s["coefficients"].as_array().unwrap().len(), p);
        assert_eq!(s["standard_errors"].as_array().unwrap().len(), p);
        assert_eq!(s["df"].as_u64().unwrap() as usize, n - p);
        let rows = s["forecast"].as_array().unwrap();
        assert_eq!(rows.len(), 9);
        assert_eq!(rows[0]["month"], "2026-11");
        assert_eq!(rows[8]["month"], "2027-07");
        for row in rows {
            let [lo95, lo80, mean, hi80, hi95] =
                ["pi95_lo", "pi80_lo", "mean", "pi80_hi", "pi95_hi"].map(|k| num(&row[k]));
            assert!(
                lo95 < lo80 && lo80 < mean && mean < hi80 && hi80 < hi95,
                "{row}"
            );
            assert!(((mean - lo80) - (hi80 - mean)).abs() < 1e-6 * mean.abs().max(1.0));
        }
        let bt = &s["backtest"];
        assert_eq!(bt["origins"], 6);
        assert_eq!(bt["points"], 18);
        assert!(num(&bt["model"]["mae"]) >= 0.0);
        assert!(num(&bt["seasonal_naive"]["mae"]) >= 0.0);
    }
}

#[test]
fn a_rep_without_won_deals_gets_a_message_not_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let r = report(&db, &["--by", "rep"]);
    let nova = r["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Nova Newhire")
        .unwrap();
    assert_eq!(nova["error"], "no won deals up to 2026-10");
    assert!(nova["coefficients"].is_null());
    assert_eq!(nova["forecast"], Value::Array(vec![]));
    let team = report(&db, &["--by", "team"]);
    assert!(
        team["series"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Rookies")
    );

    let out = salesdesk(&db, "2026-11-26", &["report", "forecast", "--by", "rep"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for needle in [
        "Forecast by rep: 6 months after 2026-10",
        "Nova Newhire\n  no won deals up to 2026-10",
        "80% interval",
        "backtest (6 origins",
    ] {
        assert!(text.contains(needle), "'{needle}' not in:\n{text}");
    }
}

#[test]
fn bad_horizons_and_an_as_of_before_any_data_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for (as_of, args, message) in [
        (
            "2026-11-26",
            &["--horizon", "0"][..],
            "a horizon of 0 months is not possible; use 1 to 36 months",
        ),
        (
            "2026-11-26",
            &["--horizon", "37"][..],
            "a horizon of 37 months is not possible",
        ),
        (
            "2026-11-26",
            &["--by", "region"][..],
            "'region' is not a breakdown",
        ),
        (
            "2001-01-01",
            &[][..],
            "no won deals closed before 2001-01: nothing to forecast",
        ),
    ] {
        let mut all = vec!["report", "forecast", "--json"];
        all.extend_from_slice(args);
        let out = salesdesk(&db, as_of, &all);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(message), "{err}");
        assert!(out.stdout.is_empty());
    }
}
