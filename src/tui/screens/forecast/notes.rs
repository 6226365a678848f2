//! What the Forecast screen's side table says in words: the warnings that come first, how sure
//! the model is (its backtest beside the naive guess), and the notes on what is extrapolated.

use crate::analytics::forecast::{Backtest, ErrorMetrics, FittedSeries, SeriesForecast};
use crate::tui::screens::forecast::rows::{Role, Rows, money};
use crate::tui::widgets::text::count;

/// What must not be missed, first: a forecast below zero, or one reaching past the history.
pub fn warnings(model: &FittedSeries, rows: &mut Rows) {
    if let Some(first) = model.forecast.iter().find(|r| r.mean < 0.0) {
        rows.say(
            &format!(
                "The trend runs below $0 from {}: read it as no bookings expected, not as a figure.",
                first.month
            ),
            Role::Warning,
        );
    }
    let (ahead, history) = (model.forecast.len(), model.fit.months());
    if ahead > history {
        rows.say(
            &format!(
                "It reaches further ahead than the {} of history: treat the far months with care.",
                count(history as i64, "month")
            ),
            Role::Warning,
        );
    }
}

/// The backtest: the model's error beside the naive guess's, and what that means.
pub fn sureness(backtest: Option<&Backtest>, rows: &mut Rows) {
    let Some(bt) = backtest else {
        rows.say(
            "No backtest: too little history to tell how far off the forecast runs.",
            Role::Warning,
        );
        return;
    };
    rows.say(
        &format!("How sure, 1–{} ahead:", count(bt.steps as i64, "month")),
        Role::Header,
    );
    error_row("model", &bt.model, rows);
    error_row("naive", &bt.seasonal_naive, rows);
    if bt.model.mae < bt.seasonal_naive.mae {
        rows.say("The model beats the naive guess.", Role::Muted);
    } else {
        rows.say(
            "The model is no better than the naive guess: a rough guide only.",
            Role::Warning,
        );
    }
}

fn error_row(name: &str, metrics: &ErrorMetrics, rows: &mut Rows) {
    let mape = metrics
        .mape
        .map_or("n/a".to_string(), |m| format!("{:.1}%", m * 100.0));
    rows.push(
        format!("{name:<6}MAPE {mape:>6}  MAE {:>7}", money(metrics.mae, 7)),
        Role::Text,
    );
}

/// What is extrapolated and how far, said rather than left for the reader to notice.
pub fn notes(shown: &SeriesForecast, model: &FittedSeries, rows: &mut Rows) {
    let ahead = model.forecast.len();
    let history = model.fit.months();
    if let Some(series) = &shown.series {
        rows.say(
            &format!(
                "The trend of {} ({}…{}) carried {} ahead.",
                count(history as i64, "month"),
                series.start,
                series.last(),
                count(ahead as i64, "month")
            ),
            Role::Muted,
        );
    }
    let checked = model.backtest.as_ref().map_or(0, |bt| bt.steps);
    if ahead > checked {
        rows.say(
            &format!(
                "† further ahead than the {} the backtest checked.",
                count(checked as i64, "month")
            ),
            Role::Muted,
        );
    }
    if let Some(first) = model.forecast.iter().find(|r| r.pi95_lo < 0.0) {
        let which = if first.pi80_lo < 0.0 { "80%" } else { "95%" };
        rows.say(
            &format!("{which} band below $0 from {} (not clamped)", first.month),
            Role::Warning,
        );
    }
    if let Some(bt) = &model.backtest {
        rows.say(
            &format!(
                "Backtest: {} refitted on the history before it; the naive guess repeats the same month a year earlier (or the last month, with under a year of history).",
                count(bt.origins as i64, "origin")
            ),
            Role::Muted,
        );
    }
    rows.say(
        "‡ weighted pipeline: Σ amount × win probability of open deals by expected close month; overdue deals count in the first month.",
        Role::Muted,
    );
}
