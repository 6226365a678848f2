//! The Channels screen driven by keys: fits arrive from the worker, a typed budget and bound
//! re-split the budget at once, `:apply` saves the plan and one `u` takes it back.

mod common;

use common::fixture_board;
use ratatui::crossterm::event::KeyCode;
use rusqlite::params;
use salesdesk::tui::headless::Headless;

/// Three channels over 2025-01..2025-12: a log curve, a saturating curve, and one with only four
/// months of spend (not fitted; it keeps its spend). No noise, so the fits are exact.
fn channels_board() -> Headless {
    let mut h = fixture_board(120, 34);
    let conn = h.conn();
    conn.execute_batch(
        "INSERT INTO channels (id, name) VALUES (1, 'Paid Search'), (2, 'Events'), (3, 'Podcasts');",
    )
    .expect("channels");
    for month in 1..=12u32 {
        let label = format!("2025-{month:02}");
        let step = f64::from(month * 7 % 12);
        let search = 4_000.0 * 1.15f64.powf(step);
        let events = 3_000.0 * 1.2f64.powf(step);
        let rows = [
            (1, search, -60_000.0 + 12_000.0 * search.ln()),
            (2, events, 90_000.0 * (1.0 - (-events / 12_000.0).exp())),
            (
                3,
                if month > 8 { 2_000.0 } else { 0.0 },
                if month > 8 { 5_000.0 } else { 0.0 },
            ),
        ];
        for (id, spend, revenue) in rows {
            conn.execute(
                "INSERT INTO channel_months (channel_id, month, spend_cents, revenue_cents)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    id,
                    label,
                    (spend * 100.0).round() as i64,
                    (revenue * 100.0).round() as i64
                ],
            )
            .expect("month");
        }
    }
    h.press(KeyCode::Char('6'));
    h
}

fn planned(h: &Headless) -> Vec<(i64, i64)> {
    h.conn()
        .prepare("SELECT channel_id, spend_cents FROM channel_plans WHERE month = '2026-01' ORDER BY channel_id")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("plans")
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

#[test]
fn the_channels_screen_shows_fits_allocation_and_the_chart() {
    let h = channels_board();
    let text = h.render_text();
    assert!(text.contains("saturating"), "{text}");
    assert!(text.contains("not fitted"), "{text}");
    assert!(
        text.contains("Podcasts: only 4 months with spend (needs 6); keeps its spend"),
        "the screen says why a channel keeps its spend"
    );
    snapshot_settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn a_typed_budget_and_bound_resplit_at_once() {
    let mut h = channels_board();
    let plan = |h: &Headless| {
        h.app
            .channels
            .plan
            .clone()
            .expect("plan")
            .expect("feasible")
    };
    let before = plan(&h);
    h.press(KeyCode::Char('b'));
    for _ in 0..12 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("30000");
    h.press(KeyCode::Enter);
    let after = plan(&h);
    assert_eq!(after.budget, 30_000.0);
    let spent: f64 = after.channels.iter().map(|c| c.recommended_spend).sum();
    assert!((spent - 30_000.0).abs() <= 1e-9 * 30_000.0);
    assert_ne!(before.recommended_revenue, after.recommended_revenue);
    let podcasts = after
        .channels
        .iter()
        .find(|c| c.name == "Podcasts")
        .expect("row");
    assert_eq!(
        podcasts.recommended_spend, 2_000.0,
        "an unfitted channel keeps its spend"
    );

    // Events is the first row (channels are listed by name); cap it at $5,000.
    h.press(KeyCode::Char(']'));
    for _ in 0..12 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("5000");
    h.press(KeyCode::Enter);
    let capped = plan(&h);
    assert_eq!(capped.channels[0].name, "Events");
    assert_eq!(capped.channels[0].recommended_spend, 5_000.0);

    // A budget the bounds cannot hold is refused with the reason, and nothing is applied.
    h.press(KeyCode::Char('b'));
    for _ in 0..12 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("900000");
    h.press(KeyCode::Enter);
    assert!(h.app.message.is_error);
    assert!(
        h.app.message.text.contains("above the upper bounds"),
        "{}",
        h.app.message.text
    );
    h.press(KeyCode::Char(':'));
    h.type_text("apply");
    h.press(KeyCode::Enter);
    assert!(planned(&h).is_empty());
}

#[test]
fn apply_saves_next_months_plan_and_one_undo_takes_it_back() {
    let mut h = channels_board();
    let cents = h
        .app
        .channels
        .plan
        .clone()
        .expect("plan")
        .expect("feasible")
        .recommended_cents();
    h.press(KeyCode::Char(':'));
    h.type_text("apply");
    h.press(KeyCode::Enter);
    let saved = planned(&h);
    assert_eq!(saved.len(), 3);
    let by_row: Vec<i64> = [2, 1, 3]
        .iter()
        .map(|id| saved.iter().find(|(c, _)| c == id).expect("saved").1)
        .collect();
    assert_eq!(by_row, cents, "rows are Events, Paid Search, Podcasts");
    assert!(
        h.app.message.text.contains("planned"),
        "{}",
        h.app.message.text
    );
    assert!(h.render_text().contains("planned now"));

    h.press(KeyCode::Char('u'));
    assert!(planned(&h).is_empty(), "one undo removes the whole plan");
    assert!(!h.render_text().contains("planned now"));
    h.press_with(
        KeyCode::Char('r'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    assert_eq!(planned(&h), saved);
}

#[test]
fn apply_stores_each_fitted_channels_prediction_and_the_screen_shows_the_plan() {
    let mut h = channels_board();
    let plan = h
        .app
        .channels
        .plan
        .clone()
        .expect("plan")
        .expect("feasible");
    h.press(KeyCode::Char(':'));
    h.type_text("apply");
    h.press(KeyCode::Enter);
    let stored: Vec<(i64, i64, i64, i64, i64)> = h
        .conn()
        .prepare(
            "SELECT channel_id, spend_cents, revenue_cents, low_cents, high_cents
             FROM channel_plan_predictions WHERE month = '2026-01' ORDER BY channel_id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect()
        })
        .expect("predictions");
    let ids: Vec<i64> = stored.iter().map(|p| p.0).collect();
    assert_eq!(ids, [1, 2], "Podcasts is not fitted and predicts nothing");
    let events = plan.channels[0].recommended_revenue.expect("fitted");
    let (_, spend, mid, low, high) = stored[1];
    assert_eq!(spend, planned(&h)[1].1);
    assert!(
        (mid as f64 / 100.0 - events).abs() < 1.0,
        "{mid} vs {events}"
    );
    assert!(low <= mid && mid <= high);
    let text = h.render_text();
    assert!(text.contains("Events plan 2026-01: spend"), "{text}");
}
