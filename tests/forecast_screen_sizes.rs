//! The Forecast screen at 80×24, 120×40 and 200×50 on the demo book, and at 80×24 on the Maven
//! fixture: every month of a nine-month horizon can be read in the side table (scrolling at the
//! smallest size), every amount on screen is a whole one, and the chart keeps its bands, legend
//! and pipeline strip.

mod common;
mod forecast_fixture;

use std::path::Path;

use chrono::NaiveDate;
use common::maven_desk;
use ratatui::crossterm::event::KeyCode;
use salesdesk::domain::Month;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;

fn demo_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// The demo book `salesdesk demo` makes, on the Forecast screen with a nine-month horizon.
fn demo_forecast() -> Headless {
    let mut opened = salesdesk::db::open(Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions::standard(demo_as_of());
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let mut h = common::desk(opened.conn, "demo.db", demo_as_of(), Message::default());
    h.press(KeyCode::Char('4'));
    for _ in 0..3 {
        h.press(KeyCode::Char('+'));
    }
    assert_eq!(h.app.forecast.horizon, 9);
    h
}

/// The forecast months the side table shows, paging down to its end, then back to the top.
fn months_in_table(h: &mut Headless) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..10 {
        for line in h.render_text().lines() {
            for cell in line.split('│') {
                let Some(month) = cell.get(..7) else { continue };
                let is_row = cell.len() > 8 && cell.contains('–');
                if is_row && month.parse::<Month>().is_ok() && !seen.iter().any(|m| m == month) {
                    seen.push(month.to_string());
                }
            }
        }
        let before = h.app.forecast.table_scroll;
        h.press(KeyCode::PageDown);
        if h.app.forecast.table_scroll == before {
            break;
        }
    }
    while h.app.forecast.table_scroll > 0 {
        h.press(KeyCode::PageUp);
    }
    seen
}

/// Every amount on screen reads as a whole amount: `$12,345`, `$950`, `$5.97M`, never a cut one.
fn assert_amounts_whole(text: &str) {
    for (at, _) in text.match_indices('$') {
        let rest = &text[at + 1..];
        let token: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'M' | 'B' | 'T'))
            .collect();
        let token = token.trim_end_matches([',', '.']);
        let after = &rest[token.len()..];
        assert!(
            !after.starts_with('…'),
            "an amount is cut: ${token}…\n{text}"
        );
        assert!(is_whole(token), "'${token}' is not a whole amount:\n{text}");
    }
}

/// `12,345` or `950` (grouped in threes), or `5.97M` (up to three digits, a unit).
fn is_whole(token: &str) -> bool {
    if let Some(number) = token.strip_suffix(['k', 'M', 'B', 'T']) {
        let (int, frac) = number.split_once('.').unwrap_or((number, ""));
        return (1..=3).contains(&int.len())
            && int.chars().all(|c| c.is_ascii_digit())
            && frac.len() <= 2
            && frac.chars().all(|c| c.is_ascii_digit());
    }
    let groups: Vec<&str> = token.split(',').collect();
    !token.is_empty()
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

#[test]
fn the_demo_forecast_reads_at_every_size_and_shows_the_whole_horizon() {
    let mut h = demo_forecast();
    let expected: Vec<String> = (1..=9)
        .map(|ahead| Month::new(2026, 10).unwrap().plus(ahead).to_string())
        .collect();
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        h.resize(width, height);
        let text = h.render_text();
        for needed in [
            "80% interval",
            "95% interval",
            "own scale",
            "How sure",
            "naive",
            "MAPE",
            "Forecast · total · Total (1 of 1) · 9 months ahead",
        ] {
            assert!(
                text.contains(needed),
                "{needed} missing at {width}×{height}:\n{text}"
            );
        }
        assert!(
            text.contains('▒') && text.contains('░'),
            "bands at {width}×{height}:\n{text}"
        );
        assert_amounts_whole(&text);
        assert_eq!(
            months_in_table(&mut h),
            expected,
            "the side table at {width}×{height}"
        );
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("demo_{width}x{height}"), text);
        });
    }
}

#[test]
fn the_maven_fixture_forecast_fits_80_120_and_200_columns() {
    let (_dir, mut h) = maven_desk("2018-01-01", 80, 24);
    h.press(KeyCode::Char('4'));
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        h.resize(width, height);
        let text = h.render_text();
        assert!(text.contains("Forecast · total · Total"), "{text}");
        assert_amounts_whole(&text);
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("maven_{width}x{height}"), text));
    }
}

#[test]
fn every_size_from_the_smallest_to_the_largest_draws_whole_amounts() {
    let conn = forecast_fixture::seasonal_book();
    let as_of = forecast_fixture::as_of();
    let app = App::load(&conn, "forecast.db".into(), as_of, Message::default()).unwrap();
    let mut h = Headless::new(app, conn);
    h.press(KeyCode::Char('4'));
    for (width, height) in [
        (72, 14),
        (73, 15),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 45),
        (200, 50),
        (250, 70),
    ] {
        h.resize(width, height);
        let text = h.render_text();
        assert!(
            text.contains("Forecast · total"),
            "{width}×{height}:\n{text}"
        );
        assert_amounts_whole(&text);
        h.press(KeyCode::Enter);
        let text = h.render_text();
        assert!(
            text.contains("1 of 10"),
            "the picker at {width}×{height}:\n{text}"
        );
        h.press(KeyCode::Esc);
    }
}
