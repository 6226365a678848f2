//! Rolling-origin backtest: refit on the history up to each of the last few origins, forecast
//! the next months, and score the model against a seasonal-naive baseline on the same months.

use serde::{Deserialize, Serialize};

use super::ols::fit;
use crate::domain::Month;

/// Origins the backtest uses by default.
pub const DEFAULT_ORIGINS: usize = 6;
/// Steps ahead each origin forecasts by default (h = 1..=3).
pub const DEFAULT_STEPS: usize = 3;

/// Mean absolute error and mean absolute percentage error of one forecaster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorMetrics {
    /// Mean |actual − forecast|, in cents.
    pub mae: f64,
    /// Mean |actual − forecast| / |actual| as a fraction, over months whose actual is not 0;
    /// `None` when every actual was 0.
    pub mape: Option<f64>,
}

/// The model's and the baseline's errors over the same forecast points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backtest {
    /// Origins that had enough history to fit the model.
    pub origins: usize,
    /// Steps ahead forecast from each origin (h = 1..=steps).
    pub steps: usize,
    /// Forecast points scored (origins × steps).
    pub points: usize,
    /// The least-squares model.
    pub model: ErrorMetrics,
    /// Seasonal naive: the same month a year earlier, or the last value when the history at the
    /// origin is shorter than a year.
    pub seasonal_naive: ErrorMetrics,
}

/// Backtests over the last `origins` origins whose `steps` months ahead are all known: the last
/// origin ends `steps` months before the series does. Origins without enough history for the
/// model are skipped; `None` when none has enough.
pub fn backtest(
    values: &[f64],
    first_month: Month,
    origins: usize,
    steps: usize,
) -> Option<Backtest> {
    if origins == 0 || steps == 0 {
        return None;
    }
    let n = values.len();
    let last_origin = n.checked_sub(steps)?;
    let first_origin = last_origin.saturating_sub(origins.saturating_sub(1)).max(1);
    let mut model = Vec::new();
    let mut naive = Vec::new();
    let mut used = 0;
    for origin in first_origin..=last_origin {
        let history = &values[..origin];
        let Ok(fitted) = fit(history, first_month) else {
            continue;
        };
        used += 1;
        for h in 1..=steps {
            let actual = values[origin + h - 1];
            model.push((actual, fitted.predict(origin + h).0));
            naive.push((actual, seasonal_naive(history, h)));
        }
    }
    (used > 0).then(|| Backtest {
        origins: used,
        steps,
        points: model.len(),
        model: metrics(&model),
        seasonal_naive: metrics(&naive),
    })
}

/// The baseline forecast `h` months after the end of `history`.
fn seasonal_naive(history: &[f64], h: usize) -> f64 {
    let n = history.len();
    if n >= 12 && h <= 12 {
        history[n + h - 13]
    } else {
        history[n - 1]
    }
}

fn metrics(points: &[(f64, f64)]) -> ErrorMetrics {
    let mae = points.iter().map(|(a, f)| (a - f).abs()).sum::<f64>() / points.len() as f64;
    let relative: Vec<f64> = points
        .iter()
        .filter(|(a, _)| *a != 0.0)
        .map(|(a, f)| ((a - f) / a).abs())
        .collect();
    let mape = (!relative.is_empty()).then(|| relative.iter().sum::<f64>() / relative.len() as f64);
    ErrorMetrics { mae, mape }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jan() -> Month {
        Month::new(2024, 1).unwrap()
    }

    #[test]
    fn a_perfect_line_has_no_model_error_and_the_baseline_lags() {
        let values: Vec<f64> = (1..=12).map(|t| 10.0 * t as f64).collect();
        let bt = backtest(&values, jan(), 6, 3).unwrap();
        assert_eq!((bt.origins, bt.points), (6, 18));
        assert!(bt.model.mae < 1e-9);
        // Under a year of history at each origin (4..=9 months): the last value, 10·h behind.
        assert!((bt.seasonal_naive.mae - 20.0).abs() < 1e-9);
    }

    #[test]
    fn the_baseline_repeats_last_year_once_a_year_exists() {
        let history: Vec<f64> = (1..=14).map(f64::from).collect();
        assert_eq!(seasonal_naive(&history, 1), 3.0);
        assert_eq!(seasonal_naive(&history, 3), 5.0);
        assert_eq!(seasonal_naive(&history[..5], 2), 5.0);
    }

    #[test]
    fn origins_without_enough_history_are_skipped() {
        let values = [1.0, 2.0, 3.0, 5.0, 4.0, 6.0];
        // Origins 1..=3; only origin 4 would fit (n ≥ 4), but it leaves 2 steps, not 3.
        assert_eq!(backtest(&values, jan(), 6, 3), None);
        let bt = backtest(&values, jan(), 6, 2).unwrap();
        assert_eq!(bt.origins, 1);
        let mape_zero = metrics(&[(0.0, 1.0)]);
        assert_eq!(mape_zero.mape, None);
        assert_eq!(mape_zero.mae, 1.0);
    }
}
