//! `salesdesk report scoring` and `report tiers` as scripts use them: the documented JSON, an
//! exported design that refits to the same coefficients, consistent tier summaries, and clear
//! refusals.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use nalgebra::{DMatrix, DVector};
use salesdesk::analytics::scoring::fit;
use serde_json::Value;

const AS_OF: &str = "2026-11-26";

fn salesdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as-of", AS_OF])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SALESDESK_DB")
        .output()
        .unwrap()
}

fn ok_json(out: Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let out = salesdesk(&db, &["demo", "--customers", "300"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn read_design(path: &Path) -> (Vec<String>, DMatrix<f64>, DVector<f64>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mut values = Vec::new();
    let mut y = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let row: Vec<f64> = record.iter().map(|c| c.parse().unwrap()).collect();
        y.push(row[row.len() - 1]);
        values.extend_from_slice(&row[..row.len() - 1]);
    }
    let cols = header.len() - 1;
    let x = DMatrix::from_row_slice(y.len(), cols, &values);
    (header, x, DVector::from_vec(y))
}

#[test]
fn win_probability_reports_its_model_and_scores_every_open_deal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let design = dir.path().join("design");
    std::fs::create_dir(&design).unwrap();
    let report = ok_json(salesdesk(
        &db,
        &[
            "report",
            "scoring",
            "--json",
            "--lambda",
            "2",
            "--export-design",
            design.to_str().unwrap(),
        ],
    ));
    assert_eq!(report["lambda"], 2.0);
    let win = &report["win_probability"];
    assert!(win["error"].is_null(), "{win}");
    let model = &win["model"];
    assert_eq!(model["converged"], true);
    assert!(
        model["gradient_norm"].as_f64().unwrap()
            <= 1e-6 * model["initial_gradient_norm"].as_f64().unwrap()
    );
    let holdout = &model["holdout_metrics"];
    assert!(holdout["auc"].as_f64().unwrap() > 0.5);
    assert_eq!(holdout["calibration"].as_array().unwrap().len(), 10);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let open: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM deals WHERE stage NOT IN ('Won', 'Lost') AND created_on <= ?1",
            [AS_OF],
            |r| r.get(0),
        )
        .unwrap();
    let scores = win["scores"].as_array().unwrap();
    assert_eq!(scores.len() as i64, open);
    assert!(scores.iter().all(|s| {
        let p = s["probability"].as_f64().unwrap();
        (0.0..=1.0).contains(&p) && s["top"].as_array().unwrap().len() <= 3
    }));

    let (header, x, y) = read_design(&design.join("win_design.csv"));
    assert_eq!(header[0], "intercept");
    assert_eq!(header.last().unwrap(), "y");
    assert_eq!(win["training_rows"].as_u64().unwrap() as usize, x.nrows());
    let refit = fit(&x, &y, 2.0).unwrap();
    for (name, w) in header.iter().zip(refit.coefficients.iter()) {
        let reported = model["coefficients"][name].as_f64().unwrap();
        assert!(
            (reported - w).abs() <= 1e-6 * w.abs().max(1.0),
            "{name}: {reported} vs {w}"
        );
    }
    assert!(
        design.join("propensity_design.csv").exists()
            || !report["purchase_propensity"]["error"].is_null()
    );
}

#[test]
fn a_thin_book_says_why_there_are_no_scores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thin.db");
    let opened = salesdesk::db::open(&db).unwrap();
    drop(opened);
    let report = ok_json(salesdesk(&db, &["report", "scoring", "--json"]));
    assert_eq!(
        report["win_probability"]["error"],
        "scores need at least 40 positive and 40 negative examples; there are 0 positive and 0 negative"
    );
    assert_eq!(
        report["win_probability"]["scores"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn a_negative_lambda_and_a_missing_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = salesdesk(&db, &["report", "scoring", "--lambda=-1"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("λ must be a number ≥ 0"));
    let out = salesdesk(
        &db,
        &["report", "scoring", "--export-design", "/no/such/dir"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a folder"));
}

#[test]
fn tiers_cover_every_customer_once_and_shares_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let report = ok_json(salesdesk(&db, &["report", "tiers", "--json"]));
    let customers = report["customers"].as_array().unwrap();
    assert_eq!(customers.len(), 300);
    let count = |key: &str| -> u64 {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["customers"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(count("tiers"), 300);
    assert_eq!(count("segments"), 300);
    let share: f64 = report["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["value_share"].as_f64().unwrap())
        .sum();
    assert!((share - 1.0).abs() < 1e-9);
    let a_share = report["tiers"][0]["value_share"].as_f64().unwrap();
    assert!((0.8..0.95).contains(&a_share), "{a_share}");
    let lifetime = report["lifetime_years"].as_f64().unwrap();
    for c in customers {
        let v =
            c["revenue_cents"].as_f64().unwrap() * c["margin_ratio"].as_f64().unwrap() * lifetime;
        assert!((c["value_cents"].as_f64().unwrap() - v).abs() <= 0.5);
        assert_eq!(c["r"].is_null(), c["segment"].is_null());
    }
}

#[test]
fn the_config_sets_lambda_unless_the_command_line_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[scoring]\nlambda = 0.5\n").unwrap();
    let config = config.to_str().unwrap();
    let report = ok_json(salesdesk(
        &db,
        &["--config", config, "report", "scoring", "--json"],
    ));
    assert_eq!(report["lambda"], 0.5);
    let report = ok_json(salesdesk(
        &db,
        &[
            "--config", config, "report", "scoring", "--json", "--lambda", "3",
        ],
    ));
    assert_eq!(report["lambda"], 3.0);
}
