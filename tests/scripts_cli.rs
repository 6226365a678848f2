//! The command line as scripts use it: a failing `--json` command writes one JSON error object
//! (`{"error": ..., "kind": ...}`) on stderr, leaves stdout empty and exits 2; `snapshot` reads
//! the config as the desk does and refuses a bad one the same way.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::bin::{assert_refused, salesdesk, stderr, stdout};
use serde_json::Value;

/// A demo database of 200 customers in `dir`.
fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let out = salesdesk(&db, &["demo", "--customers", "200"]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

/// Asserts a refused `--json` command: exit 2, nothing on stdout, one JSON object on stderr of
/// `kind` whose error contains `needle`.
fn assert_json_error(out: &Output, kind: &str, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(out.stdout.is_empty(), "stdout: {}", stdout(out));
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    let value: Value = serde_json::from_str(err.trim_end()).expect("a JSON error object");
    assert_eq!(value["kind"], kind, "{err}");
    let message = value["error"].as_str().expect("an error message");
    assert!(message.contains(needle), "'{needle}' not in: {err}");
}

#[test]
fn a_report_with_nothing_to_report_fails_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    salesdesk::db::open(&empty).unwrap();
    let out = salesdesk(&empty, &["report", "channels", "--json"]);
    assert_json_error(&out, "no_data", "there are no channels");
    let out = salesdesk(&empty, &["report", "forecast", "--json"]);
    assert_json_error(&out, "no_data", "nothing to forecast");
    // Without --json the same failure is the usual line of text.
    assert_refused(
        &salesdesk(&empty, &["report", "channels"]),
        "salesdesk: there are no channels",
    );
}

#[test]
fn each_kind_of_failure_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let out = salesdesk(&missing, &["report", "pipeline", "--json"]);
    assert_json_error(&out, "no_database", "no database at");
    assert!(!missing.exists());

    let db = demo_db(dir.path());
    let out = salesdesk(
        &db,
        &[
            "report",
            "channels",
            "--json",
            "--bounds",
            "Email=5000:6000",
            "--budget",
            "100",
        ],
    );
    assert_json_error(&out, "bad_input", "below the lower bounds");
    let out = salesdesk(
        &db,
        &["report", "channels", "--json", "--bounds", "Radio=0:10"],
    );
    assert_json_error(&out, "bad_input", "no channel named 'Radio'");
    let out = salesdesk(&db, &["report", "forecast", "--json", "--horizon", "abc"]);
    assert_json_error(&out, "usage", "'abc' is not a number of months");

    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "[forecast]\nhorizon = 0\n").unwrap();
    let out = salesdesk(
        &db,
        &[
            "--config",
            config.to_str().unwrap(),
            "report",
            "tiers",
            "--json",
        ],
    );
    assert_json_error(&out, "config", "line 2");
}

#[test]
fn snapshot_shows_the_configured_keys_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[theme]\nname = \"light\"\n\n[forecast]\nhorizon = 9\n\n\
         [pipeline]\nprobability = { lead = 15 }\n\n[kpi]\nperiod = \"this-quarter\"\n\n\
         [keys.forecast]\ncycle_breakdown = \"B\"\n",
    )
    .unwrap();
    let snapshot = |screen: &str, config: Option<&Path>| {
        let mut args = Vec::new();
        if let Some(path) = config {
            args.extend(["--config", path.to_str().unwrap()]);
        }
        args.extend(["snapshot", "--screen", screen, "--size", "140x30"]);
        let out = salesdesk(&db, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };

    let plain = snapshot("forecast", None);
    assert!(plain.contains(" b breakdown"), "{plain}");
    assert!(plain.contains("horizon: 6 months"), "{plain}");
    let configured = snapshot("forecast", Some(&config));
    assert!(configured.contains(" B breakdown"), "{configured}");
    assert!(configured.contains("horizon: 9 months"), "{configured}");

    let board = snapshot("pipeline", Some(&config));
    assert!(board.contains("This quarter (2026-10-01"), "{board}");
    // [pipeline] seeds only a new book without deals: the demo book keeps its own stages.
    assert!(board.contains("weighted · 10%"), "{board}");
}

#[test]
fn snapshot_refuses_a_bad_config_as_the_desk_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "[theme]\nname = \"solarized\"\n").unwrap();
    let out = salesdesk(
        &db,
        &[
            "--config",
            config.to_str().unwrap(),
            "snapshot",
            "--screen",
            "pipeline",
        ],
    );
    assert_refused(&out, "line 2, key theme.name, value 'solarized'");
    assert!(out.stdout.is_empty());
    assert!(!db.exists(), "a refused config leaves no database behind");
}
