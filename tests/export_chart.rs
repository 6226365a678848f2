//! `:export chart FILE` in the desk: the Forecast screen's chart of the breakdown, group and
//! horizon on show, or the Tiers screen's bar charts, drawn by the worker to an SVG file.

mod common;
mod forecast_fixture;
mod svg_check;

use ratatui::crossterm::event::KeyCode;
use salesdesk::chart::{ForecastPens, TiersPens};
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use svg_check::{in_colour, longest, texts};

fn run_command(h: &mut Headless, line: &str) {
    h.press(KeyCode::Char(':'));
    h.type_text(line);
    h.press(KeyCode::Enter);
}

fn forecast_screen() -> Headless {
    let conn = forecast_fixture::seasonal_book();
    let app = App::load(
        &conn,
        "forecast.db".into(),
        forecast_fixture::as_of(),
        Message::info("Opened"),
    )
    .unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(140, 34);
    h.press(KeyCode::Char('4'));
    h
}

#[test]
fn the_forecast_chart_is_the_group_and_horizon_on_screen() {
    let mut h = forecast_screen();
    let dir = tempfile::tempdir().unwrap();
    let total = dir.path().join("total.svg");
    run_command(&mut h, &format!("export chart {}", total.display()));
    assert_eq!(
        h.app.message.text,
        format!("exported 1 forecast chart to {}", total.display())
    );
    assert!(!h.app.message.is_error);
    let shapes = svg_check::read(&total);
    assert!(texts(&shapes).contains(&"Bookings forecast · Total"));
    assert_eq!(
        in_colour(&shapes, "circle", ForecastPens::HISTORY).len(),
        30
    );
    assert_eq!(
        longest(&shapes, "polyline", ForecastPens::FORECAST)
            .points
            .len(),
        7
    );

    // Per rep, the second rep, two more months ahead.
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('+'));
    h.press(KeyCode::Char('+'));
    assert_eq!(
        h.app.forecast.shown().map(|s| s.name.as_str()),
        Some("Bo Chen")
    );
    let bo = dir.path().join("bo.svg");
    run_command(&mut h, &format!("export chart {}", bo.display()));
    let shapes = svg_check::read(&bo);
    let texts = texts(&shapes);
    assert!(texts.contains(&"Bookings forecast · Bo Chen"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("by rep · 8 months after 2026-10")),
        "{texts:?}"
    );
    assert_eq!(
        longest(&shapes, "polyline", ForecastPens::FORECAST)
            .points
            .len(),
        9
    );
}

#[test]
fn a_group_without_a_forecast_has_no_chart() {
    let mut h = forecast_screen();
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cleo.svg");
    run_command(&mut h, &format!("export chart {}", path.display()));
    assert!(h.app.message.is_error);
    assert!(
        h.app
            .message
            .text
            .contains("Cleo Díaz: no won deals up to 2026-10"),
        "{}",
        h.app.message.text
    );
    assert!(!path.exists());
}

#[test]
fn the_tiers_chart_has_every_tier_and_segment() {
    let mut h = common::fixture_app(120, 36);
    h.press(KeyCode::Char('3'));
    let overview = h
        .app
        .tiers
        .overview
        .clone()
        .expect("computed on the worker");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiers.svg");
    run_command(&mut h, &format!("export chart {}", path.display()));
    assert_eq!(
        h.app.message.text,
        format!("exported 1 tiers chart to {}", path.display())
    );
    let shapes = svg_check::read(&path);
    assert_eq!(
        in_colour(&shapes, "rect", TiersPens::ABC).len(),
        overview.report.tiers.len()
    );
    assert_eq!(
        in_colour(&shapes, "rect", TiersPens::RFM).len(),
        overview.report.segments.len()
    );
    let texts = texts(&shapes);
    for group in overview
        .report
        .tiers
        .iter()
        .chain(&overview.report.segments)
    {
        assert!(
            texts.contains(&group.name.as_str()),
            "{} missing",
            group.name
        );
    }
}

#[test]
fn other_screens_and_a_missing_file_say_what_to_do() {
    let mut h = common::fixture_app(120, 36);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customers.svg");
    run_command(&mut h, &format!("export chart {}", path.display()));
    assert!(h.app.message.is_error);
    assert_eq!(
        h.app.message.text,
        "the customers screen has no chart; charts are on the Forecast and Tiers screens"
    );
    h.press(KeyCode::Char('4'));
    run_command(&mut h, "export chart");
    assert!(h.app.message.is_error);
    assert!(
        h.app.message.text.contains(":export chart FILE"),
        "{}",
        h.app.message.text
    );
    let missing = dir.path().join("no/such/folder/chart.svg");
    run_command(&mut h, &format!("export chart {}", missing.display()));
    assert!(h.app.message.is_error);
    assert!(
        h.app.message.text.contains("does not exist"),
        "{}",
        h.app.message.text
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
