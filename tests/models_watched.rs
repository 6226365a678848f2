//! Models watched over time on a hand-made book where the answer is known: each month twenty
//! deals close, the ten large ones Won and the ten small ones Lost, so a model fitted at any
//! month start ranks the month perfectly (AUC 1) — until November 2026, when the large ones are
//! Lost and the small ones Won (AUC 0), which is worse than held out and warns.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use rusqlite::{Connection, params};
use salesdesk::analytics::monitor::models::{Margins, watch_models};
use salesdesk::analytics::scoring::ScoringSettings;
use salesdesk::db::model_watch::watch_rows;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;

const AS_OF: &str = "2026-12-04";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).expect("date")
}

/// 2025-01 to 2026-11: per month 20 customers created on the 1st, each with one Lead deal
/// created that day and closed on the 15th.
fn book(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO reps (id, name, email, team, region, max_open_tasks)
             VALUES (1, 'Ann', 'ann@x.test', 'East', 'East', 10);
         INSERT INTO products (id, name, family, list_price_cents, margin_bp)
             VALUES (1, 'Box', 'Boxes', 100000, 3000);",
    )
    .expect("rep and product");
    let mut id = 0;
    for (year, month) in (1..=12)
        .map(|m| (2025, m))
        .chain((1..=11).map(|m| (2026, m)))
    {
        let created = format!("{year}-{month:02}-01");
        let closed = format!("{year}-{month:02}-15");
        for i in 0..20 {
            id += 1;
            let large = i < 10;
            let won = large != (year == 2026 && month == 11);
            let stage = if won { "Won" } else { "Lost" };
            conn.execute(
                "INSERT INTO customers (id, name, industry, region, employees, created_on)
                 VALUES (?1, ?2, 'Retail', 'East', 10, ?3)",
                params![id, format!("Customer {id}"), created],
            )
            .expect("customer");
            conn.execute(
                "INSERT INTO deals (id, customer_id, rep_id, product_id, title, amount_cents,
                                    stage, created_on, closed_on)
                 VALUES (?1, ?1, 1, 1, 'Deal', ?2, ?3, ?4, ?5)",
                params![
                    id,
                    if large { 10_000_000 } else { 100_000 },
                    stage,
                    created,
                    closed
                ],
            )
            .expect("deal");
            conn.execute(
                "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on)
                 VALUES (?1, 'Lead', ?2, ?3)",
                params![id, stage, closed],
            )
            .expect("change");
        }
    }
}

fn file_book(dir: &Path) -> PathBuf {
    let path = dir.join("watched.db");
    let conn = salesdesk::db::open(&path).expect("open").conn;
    book(&conn);
    path
}

#[test]
fn each_month_is_scored_by_the_model_fitted_at_its_start() {
    let dir = tempfile::tempdir().expect("dir");
    let conn = salesdesk::db::open(&file_book(dir.path()))
        .expect("open")
        .conn;
    let settings = ScoringSettings::default();
    let rows = watch_rows(&conn, as_of(), 6, settings.max_win_rows).expect("rows");
    let watch = watch_models(&rows, &settings, &Margins::default());
    let win = &watch.models[0];
    let months: Vec<&str> = win.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(
        months,
        [
            "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"
        ]
    );
    for m in &win.months[..5] {
        assert_eq!((m.rows, m.positives, m.auc), (20, 10, Some(1.0)), "{m:?}");
        assert_eq!(m.observed_rate, Some(0.5));
    }
    let last = &win.months[5];
    assert_eq!((last.rows, last.positives, last.auc), (20, 10, Some(0.0)));
    assert!(last.brier.expect("brier") > 0.5, "{last:?}");
    let warning = win.warning.as_deref().expect("the win model warns");
    assert!(
        warning.starts_with("win model in 2026-11: AUC 0.000"),
        "{warning}"
    );

    // Propensity: customers at each month start (20 a month from 2025-01), labelled by a Won
    // deal in the 90 days after; only that month's 10 large deals are Won within the window
    // among customers created by its start.
    let propensity = &watch.models[1];
    let months: Vec<(&str, usize, usize)> = propensity
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.rows, m.positives))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-04", 320, 10),
            ("2026-05", 340, 10),
            ("2026-06", 360, 10),
            ("2026-07", 380, 10),
            ("2026-08", 400, 10),
            ("2026-09", 420, 10),
        ]
    );
}

#[test]
fn wider_margins_silence_the_warning_and_a_bad_margin_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let conn = salesdesk::db::open(&file_book(dir.path()))
        .expect("open")
        .conn;
    let settings = ScoringSettings::default();
    let rows = watch_rows(&conn, as_of(), 2, settings.max_win_rows).expect("rows");
    let wide = Margins {
        months: 2,
        auc_margin: 1.0,
        brier_margin: 1.0,
        ..Margins::default()
    };
    let watch = watch_models(&rows, &settings, &wide);
    assert_eq!(watch.models[0].months.len(), 2);
    assert!(watch.warnings().is_empty(), "{:?}", watch.warnings());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[monitor]\nauc_margin = -0.1\n").expect("config");
    let err = salesdesk::config::load(Some(&config), None).expect_err("refused");
    assert!(err.to_string().contains("auc_margin"), "{err}");
}

#[test]
fn report_monitor_has_the_models_section_as_json_and_text() {
    let dir = tempfile::tempdir().expect("dir");
    let db = file_book(dir.path());
    let out = common::bin::salesdesk_on(&db, AS_OF, &["report", "monitor", "--json"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let win = &json["models"]["models"][0];
    assert_eq!(win["model"], "win");
    assert_eq!(win["months"][5]["month"], "2026-11");
    assert_eq!(win["months"][5]["auc"], 0.0);
    assert_eq!(win["months"][4]["auc"], 1.0);
    assert!(
        win["warning"]
            .as_str()
            .is_some_and(|w| w.contains("2026-11"))
    );
    assert_eq!(json["models"]["margins"]["auc_margin"], 0.05);
    assert_eq!(json["models"]["models"][1]["months"][0]["rows"], 320);
    let out = common::bin::salesdesk_on(&db, AS_OF, &["report", "monitor"]);
    let text = common::bin::stdout(&out);
    assert!(text.contains("Models watched"), "{text}");
    assert!(
        text.contains("warning: win model in 2026-11: AUC 0.000"),
        "{text}"
    );
}

#[test]
fn the_model_popup_shows_the_warning_computed_by_the_worker() {
    let conn = salesdesk::db::open(Path::new(":memory:"))
        .expect("open")
        .conn;
    book(&conn);
    let app = App::load(&conn, "watched.db".into(), as_of(), Message::info("Opened")).expect("app");
    let mut h = Headless::new(app, conn);
    h.resize(160, 60);
    h.press(KeyCode::Char(':'));
    h.type_text("model");
    h.press(KeyCode::Enter);
    let watch = h
        .app
        .scores
        .watch
        .as_ref()
        .expect("watched once the popup opened");
    assert_eq!(watch.warnings().len(), 1, "{:?}", watch.warnings());
    let text = h.render_text();
    assert!(
        text.contains("Warning: win model in 2026-11: AUC 0.000"),
        "{text}"
    );
    assert!(text.contains("Watched month by month"), "{text}");
}
