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

/// How sure the model is: its backtest against the naive guess, and a trend that explains little.
pub fn sureness(model: &FittedSeries, rows: &mut Rows) {
    match &model.backtest {
        Some(bt) => backtest(bt, rows),
        None => rows.say(
            "No backtest: too little history to tell how far off the forecast runs.",
            Role::Warning,
        ),
    }
    if let Some(r2) = model.fit.r2.filter(|r2| *r2 < 0.1) {
        rows.say(
            &format!(
                "The trend explains little (R² {r2:.2}): the forecast is about the average month."
            ),
            Role::Muted,
        );
    }
}

/// The model's backtest error beside the naive guess's, and the verdict.
fn backtest(bt: &Backtest, rows: &mut Rows) {
    rows.say(
        &format!("How sure, 1–{} ahead:", count(bt.steps as i64, "month")),
        Role::Header,
    );
    error_row("model", &bt.model, rows);
    error_row("naive", &bt.seasonal_naive, rows);
    match verdict(bt) {
        Verdict::Better => rows.say("The model beats the naive guess.", Role::Muted),
        Verdict::Mixed => rows.say(
            "Mixed: the model is closer by one measure, the naive guess by the other.",
            Role::Warning,
        ),
        Verdict::NoBetter => rows.say(
            "The model is no better than the naive guess: a rough guide only.",
            Role::Warning,
        ),
    }
}

/// How the model did against the naive guess in the backtest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Closer by MAE, and by MAPE where both have one.
    Better,
    /// Closer by one of MAE and MAPE, further by the other.
    Mixed,
    /// Not closer by either.
    NoBetter,
}

fn verdict(bt: &Backtest) -> Verdict {
    let by_mae = bt.model.mae < bt.seasonal_naive.mae;
    let by_mape = match (bt.model.mape, bt.seasonal_naive.mape) {
        (Some(model), Some(naive)) => model < naive,
        _ => by_mae,
    };
    match (by_mae, by_mape) {
        (true, true) => Verdict::Better,
        (false, false) => Verdict::NoBetter,
        _ => Verdict::Mixed,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn backtest_of(model: (f64, Option<f64>), naive: (f64, Option<f64>)) -> Backtest {
        let metrics = |(mae, mape)| ErrorMetrics { mae, mape };
        Backtest {
            origins: 6,
            steps: 3,
            points: 18,
            model: metrics(model),
            seasonal_naive: metrics(naive),
        }
    }

    #[test]
    fn the_verdict_needs_both_measures_to_agree() {
        let cases = [
            ((1.0, Some(0.1)), (2.0, Some(0.2)), Verdict::Better),
            ((1.0, None), (2.0, None), Verdict::Better),
            ((1.0, Some(0.4)), (2.0, Some(0.3)), Verdict::Mixed),
            ((3.0, Some(0.1)), (2.0, Some(0.2)), Verdict::Mixed),
            ((2.0, Some(0.2)), (2.0, Some(0.2)), Verdict::NoBetter),
            ((3.0, None), (2.0, Some(0.2)), Verdict::NoBetter),
        ];
        for (model, naive, expected) in cases {
            assert_eq!(
                verdict(&backtest_of(model, naive)),
                expected,
                "{model:?} vs {naive:?}"
            );
        }
    }
}
