//! `salesdesk report channels` as scripts use it: JSON with fits, bounds and both allocations,
//! a budget and bounds from the command line, and a clear refusal of infeasible bounds.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn salesdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as-of", "2026-11-26"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SALESDESK_DB")
        .output()
        .expect("runs")
}

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

fn report(db: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["report", "channels", "--json"];
    args.extend_from_slice(extra);
    let out = salesdesk(db, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn number(value: &Value) -> f64 {
    value.as_f64().expect("a number")
}

#[test]
fn json_gives_fits_bounds_and_both_allocations_for_the_budget() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let report = report(&db, &["--budget", "120,000", "--bounds", "Email=1000:6000"]);
    assert_eq!(report["plan_month"], "2026-12");
    assert_eq!(number(&report["budget"]), 120_000.0);
    let channels = report["channels"].as_array().expect("channels");
    assert_eq!(channels.len(), 5);
    let mut spent = 0.0;
    let mut cents = 0;
    for channel in channels {
        let family = &channel["fit"]["curve"]["family"];
        assert!(family == "log" || family == "saturating", "{channel}");
        assert!(number(&channel["fit"]["r_squared"]) > 0.5, "{channel}");
        assert!(channel["history"].as_array().is_some_and(|h| h.len() == 36));
        spent += number(&channel["recommended_spend"]);
        cents += channel["recommended_spend_cents"].as_i64().expect("cents");
        assert!(channel["current_revenue"].is_number());
        assert!(channel["recommended_marginal"].is_number());
    }
    assert!((spent - 120_000.0).abs() <= 1e-9 * 120_000.0);
    assert_eq!(cents, 12_000_000);
    let email = channels
        .iter()
        .find(|c| c["name"] == "Email")
        .expect("Email");
    assert_eq!(number(&email["bounds"]["hi"]), 6_000.0);
    assert!(number(&email["recommended_spend"]) <= 6_000.0);
    let uplift = number(&report["recommended_revenue"]) - number(&report["current_revenue"]);
    assert!((number(&report["uplift"]) - uplift).abs() < 1e-6);
}

#[test]
fn without_a_budget_the_current_total_is_split_and_never_earns_less() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let report = report(&db, &[]);
    let current: f64 = report["channels"]
        .as_array()
        .expect("channels")
        .iter()
        .map(|c| number(&c["current_spend"]))
        .sum();
    assert!((number(&report["budget"]) - current).abs() < 1e-6);
    assert!(number(&report["uplift"]) >= 0.0);
}

#[test]
fn infeasible_bounds_and_unknown_channels_are_refused_clearly() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let out = salesdesk(&db, &["report", "channels", "--budget", "5000000"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("above the upper bounds"), "{stderr}");
    let out = salesdesk(&db, &["report", "channels", "--bounds", "Radio=1:2"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no channel named 'Radio'"));
    let out = salesdesk(&db, &["report", "channels"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("uplift"));
}
