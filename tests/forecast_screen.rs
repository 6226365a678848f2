//! The Forecast screen driven by keys: the chart with its bands and legend, the side table,
//! switching breakdown and group, the horizon, and a refit after a deal changes.

mod forecast_fixture;

use forecast_fixture::{as_of, seasonal_book};
use ratatui::crossterm::event::KeyCode;
use salesdesk::analytics::forecast::Breakdown;
use salesdesk::tui::App;
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::screen::Screen;
use salesdesk::tui::screens::forecast::picker;
use salesdesk::tui::update;
use salesdesk::worker::{self, JobKind};

fn forecast_screen(width: u16, height: u16) -> Headless {
    let conn = seasonal_book();
    let app = App::load(
        &conn,
        "forecast.db".into(),
        as_of(),
        Message::info("Opened forecast.db"),
    )
    .unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(width, height);
    h.press(KeyCode::Char('4'));
    h
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

#[test]
fn the_total_forecast_shows_history_bands_legend_and_model_table() {
    let mut h = forecast_screen(140, 34);
    assert_eq!(h.app.screen, Screen::Forecast);
    let text = h.render_text();
    for expected in [
        "⠤⠤ bookings  •• fit  ⠤⠤ forecast  ▒ 80% interval  ░ 95% interval  ▂█ weighted pipeline, own scale",
        "How sure, 1–3 months ahead:",
        "naive",
        "month   forecast    80% interval    95% interval   pipe‡",
        "2026-11 ",
        "2027-04†",
        "Weighted open pipeline by expected close month (own scale)",
        "2024-05",
        "2026-10",
        "2027-04",
        "↓ PgDn",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    assert!(
        text.contains('▒') && text.contains('░'),
        "both bands shaded:\n{text}"
    );
    snapshot_settings().bind(|| insta::assert_snapshot!(text));
    h.press(KeyCode::PageDown);
    let text = h.render_text();
    for expected in ["const", "Dec", "R²", "↑ PgUp"] {
        assert!(
            text.contains(expected),
            "{expected} missing after PgDn:\n{text}"
        );
    }
    h.press(KeyCode::PageUp);
    assert_eq!(h.app.forecast.table_scroll, 0);
}

#[test]
fn the_pipeline_has_its_own_scale_so_history_keeps_the_height() {
    let conn = seasonal_book();
    // A current-month pipeline forty times the largest month of history.
    forecast_fixture::deal(
        &conn,
        1,
        1,
        2_000_000_000,
        "Negotiation",
        "2026-10-01",
        None,
        Some("2026-11-30"),
        None,
    );
    let app = App::load(&conn, "forecast.db".into(), as_of(), Message::default()).unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(120, 40);
    h.press(KeyCode::Char('4'));
    let shown = h.app.forecast.shown().unwrap();
    let top_of_history = *shown.series.as_ref().unwrap().values.iter().max().unwrap();
    assert!(shown.pipeline[0].weighted_cents > 20 * top_of_history);
    let text = h.render_text();
    let chart_top = text.lines().nth(3).unwrap_or_default();
    assert!(
        chart_top.starts_with("│ $593k "),
        "the main scale is set by history and bands, not the pipeline:\n{text}"
    );
    assert!(text.contains("│$14.2M"), "the strip's own top:\n{text}");
}

#[test]
fn keys_switch_breakdown_group_and_horizon() {
    let mut h = forecast_screen(140, 34);
    h.press(KeyCode::Char('b'));
    assert_eq!(h.app.forecast.breakdown, Breakdown::Rep);
    assert_eq!(
        h.app.forecast.shown().map(|s| s.name.as_str()),
        Some("Ann Lee")
    );
    h.press(KeyCode::Char('j'));
    assert_eq!(
        h.app.forecast.shown().map(|s| s.name.as_str()),
        Some("Bo Chen")
    );
    h.press(KeyCode::Char('j'));
    let text = h.render_text();
    assert!(
        text.contains("Cleo Díaz: no won deals up to 2026-10. Nothing to forecast yet."),
        "{text}"
    );
    h.press(KeyCode::Char('+'));
    assert_eq!(h.app.forecast.horizon, 7);
    assert!(h.render_text().contains("· 7 months ahead"));
    let set = h.app.forecast.set.as_ref().unwrap();
    assert_eq!(set.horizon, 7, "the horizon change refits");
    for _ in 0..40 {
        h.press(KeyCode::Char('-'));
    }
    assert_eq!(h.app.forecast.horizon, 1);
    assert_eq!(h.app.message.text, "the horizon is at least 1 month");
}

#[test]
fn a_stale_fit_arriving_late_is_dropped() {
    let mut conn = seasonal_book();
    let mut app = App::load(&conn, "forecast.db".into(), as_of(), Message::default()).unwrap();
    update(
        &mut app,
        Action::Command(Command::ShowScreen(Screen::Forecast)),
    );
    update(&mut app, Action::Command(Command::LongerHorizon));
    let fits: Vec<_> = app
        .jobs
        .take_outbox()
        .into_iter()
        .filter(|r| r.job.kind() == JobKind::Forecast)
        .collect();
    assert_eq!(
        fits.len(),
        2,
        "the horizon change asks for a new fit at once"
    );
    assert!(app.jobs.is_running(JobKind::Forecast));
    let newer = worker::execute(&mut conn, fits[1].clone());
    let older = worker::execute(&mut conn, fits[0].clone());
    update(&mut app, Action::Worker(Box::new(newer)));
    update(&mut app, Action::Worker(Box::new(older)));
    assert_eq!(app.forecast.set.as_ref().map(|s| s.horizon), Some(7));
    assert!(!app.jobs.is_running(JobKind::Forecast));
}

#[test]
fn a_saved_change_refits_when_the_screen_is_shown() {
    let mut h = forecast_screen(140, 34);
    let total_pipeline = |h: &Headless| -> Vec<(String, i64)> {
        h.app.forecast.set.as_ref().unwrap().series[0]
            .pipeline
            .iter()
            .map(|p| (p.month.to_string(), p.weighted_cents))
            .collect()
    };
    let history = |h: &Headless| {
        h.app.forecast.set.as_ref().unwrap().series[0]
            .series
            .clone()
    };
    let before = history(&h);
    assert_eq!(
        total_pipeline(&h),
        vec![
            ("2026-11".to_string(), 15_000_000),
            ("2026-12".to_string(), 25_000_000),
            ("2027-02".to_string(), 10_000_000)
        ]
    );
    // On the board, win the largest Proposal deal ($500,000, expected in 2026-12).
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('w'));
    assert!(
        h.app.forecast.needs_fit,
        "a saved change marks the forecast out of date"
    );
    assert_eq!(
        total_pipeline(&h).len(),
        3,
        "no refit while the screen is hidden"
    );
    h.press(KeyCode::Char('4'));
    assert!(!h.app.forecast.needs_fit, "showing the screen refits");
    assert_eq!(
        total_pipeline(&h),
        vec![
            ("2026-11".to_string(), 15_000_000),
            ("2027-02".to_string(), 10_000_000)
        ],
        "the won deal left the pipeline"
    );
    assert!(
        history(&h) == before,
        "a deal won in the as-of month is not history yet"
    );
}

#[test]
fn a_lower_bound_below_zero_is_pointed_out() {
    let conn = forecast_fixture::empty_book();
    for (day, dollars) in [
        ("2026-03-02", 500),
        ("2026-06-10", 800),
        ("2026-10-20", 600),
    ] {
        forecast_fixture::won(&conn, 1, 1, dollars * 100, day);
    }
    let app = App::load(&conn, "thin.db".into(), as_of(), Message::default()).unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(140, 34);
    h.press(KeyCode::Char('4'));
    let model = h.app.forecast.shown().unwrap().model.as_ref().unwrap();
    assert!(
        model.forecast[0].pi95_lo < 0.0,
        "the fixture is meant to be that uncertain"
    );
    let text = h.render_text();
    assert!(
        text.contains("80% band below $0 from 2026-11 (not clamped)"),
        "{text}"
    );
}

#[test]
fn reloading_after_an_import_marks_the_forecast_out_of_date() {
    let mut h = forecast_screen(140, 34);
    h.press(KeyCode::Char('1'));
    assert!(!h.app.forecast.needs_fit);
    salesdesk::tui::screens::pipeline::update::reload_everything(&mut h.app);
    assert!(h.app.forecast.needs_fit);
    h.press(KeyCode::Char('4'));
    assert!(!h.app.forecast.needs_fit);
    assert!(h.app.forecast.set.is_some());
}

#[test]
fn the_picker_narrows_as_you_type_and_enter_shows_the_pick() {
    let mut h = forecast_screen(120, 40);
    let all = h.app.forecast.set.as_ref().unwrap().series.len();
    h.press(KeyCode::Enter);
    assert!(h.app.forecast.picker.is_some(), "Enter opens the picker");
    let text = h.render_text();
    assert!(text.contains(&format!("1 of {all}")), "{text}");
    for name in ["Total", "Ann Lee", "Bo Chen", "Core Pro", "North"] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    h.type_text("c");
    let with_c = picker_names(&h);
    assert!(with_c.len() < all && with_c.len() > 1, "{with_c:?}");
    assert!(with_c.iter().all(|name| name.contains('C')), "{with_c:?}");
    h.press(KeyCode::Backspace);
    h.type_text("bo c");
    assert_eq!(picker_names(&h), ["Bo Chen"], "every word must match");
    let text = h.render_text();
    assert!(text.contains(&format!("1 of 1 (of {all})")), "{text}");
    h.press(KeyCode::Enter);
    assert!(h.app.forecast.picker.is_none());
    assert_eq!(h.app.forecast.breakdown, Breakdown::Rep);
    assert_eq!(
        h.app.forecast.shown().map(|s| s.name.as_str()),
        Some("Bo Chen")
    );
    let text = h.render_text();
    let title = text.lines().nth(1).unwrap_or_default();
    assert!(
        title.contains("Forecast · rep · Bo Chen (2 of 3)"),
        "{title}"
    );
}

#[test]
fn the_picker_moves_backs_out_and_keeps_letters_as_text() {
    let mut h = forecast_screen(80, 24);
    h.press(KeyCode::Char('p'));
    h.type_text("q");
    assert!(!h.app.quit, "q is text in the picker");
    assert!(h.render_text().contains("0 of 0"));
    h.press(KeyCode::Backspace);
    h.type_text("team");
    assert_eq!(picker_names(&h), ["Central", "North"]);
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    assert_eq!(
        h.app.forecast.picker.as_ref().unwrap().cursor,
        1,
        "stops at the last match"
    );
    h.press(KeyCode::Esc);
    assert!(h.app.forecast.picker.is_none());
    assert_eq!(
        h.app.forecast.breakdown,
        Breakdown::Total,
        "Esc keeps the group"
    );
    h.press(KeyCode::Char('p'));
    h.type_text("team");
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.forecast.shown().map(|s| s.name.as_str()),
        Some("North")
    );
    assert!(h.render_text().contains("Forecast · team · North"));
}

/// The names the open picker lists, in order.
fn picker_names(h: &Headless) -> Vec<String> {
    let state = &h.app.forecast;
    let set = state.set.as_ref().unwrap();
    let all = picker::choices(&set.series);
    picker::matches(state.picker.as_ref().unwrap(), &all)
        .iter()
        .map(|c| c.group.name.clone())
        .collect()
}
