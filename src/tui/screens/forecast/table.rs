//! The Forecast screen's side table, as rows of text: how sure the model is (its backtest beside
//! the seasonal-naive baseline), every month of the horizon with its intervals (and the weighted
//! pipeline when there is room), what is extrapolated, then the model's fit and coefficients.
//! Pure, so paging can count the rows the view will draw.

use crate::analytics::forecast::{FittedSeries, SeriesForecast};
use crate::domain::Money;
use crate::tui::screens::forecast::notes::{notes, sureness, warnings};
pub use crate::tui::screens::forecast::rows::{Role, Row};
use crate::tui::screens::forecast::rows::{Rows, interval, money};

/// Which columns the month table has, widest last; the view picks the widest that fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Columns {
    /// Month, forecast and the 80% interval.
    Narrow,
    /// Plus the 95% interval.
    Medium,
    /// Plus the weighted open pipeline of the month.
    Wide,
}

/// Cells of the month, forecast, interval and pipeline columns.
const MONTH: usize = 8;
const FORECAST: usize = 8;
const INTERVAL: usize = 16;
const PIPELINE: usize = 8;

impl Columns {
    /// Every choice, narrowest first.
    pub const ALL: [Columns; 3] = [Columns::Narrow, Columns::Medium, Columns::Wide];

    /// Cells the columns take.
    pub fn width(self) -> u16 {
        let cells = match self {
            Columns::Narrow => MONTH + FORECAST + INTERVAL,
            Columns::Medium => MONTH + FORECAST + 2 * INTERVAL,
            Columns::Wide => MONTH + FORECAST + 2 * INTERVAL + PIPELINE,
        };
        cells as u16
    }
}

/// The rows of the side table of `shown` with `columns`; sentences wrap at the columns' width.
pub fn rows(shown: &SeriesForecast, columns: Columns) -> Vec<Row> {
    let mut rows = Rows {
        rows: Vec::new(),
        width: usize::from(columns.width()),
    };
    match &shown.model {
        Ok(model) => {
            warnings(model, &mut rows);
            sureness(model, &mut rows);
            months(shown, model, columns, &mut rows);
            notes(shown, model, &mut rows);
            fit(model, &mut rows);
        }
        Err(problem) => rows.say(&problem.to_string(), Role::Warning),
    }
    rows.rows
}

/// One row per forecast month; months past the backtested steps are marked.
fn months(shown: &SeriesForecast, model: &FittedSeries, columns: Columns, rows: &mut Rows) {
    let checked = model.backtest.as_ref().map_or(0, |bt| bt.steps);
    let mut header = format!(
        "{:<MONTH$}{:>FORECAST$}{:>INTERVAL$}",
        "month", "forecast", "80% interval"
    );
    if columns >= Columns::Medium {
        header.push_str(&format!("{:>INTERVAL$}", "95% interval"));
    }
    if columns >= Columns::Wide {
        header.push_str(&format!("{:>PIPELINE$}", "pipe‡"));
    }
    rows.push(header, Role::Header);
    for (h, forecast) in model.forecast.iter().enumerate() {
        let unchecked = h >= checked;
        let mark = if unchecked { "†" } else { " " };
        let mut text = format!(
            "{:<7}{mark}{:>FORECAST$}{:>INTERVAL$}",
            forecast.month.to_string(),
            money(forecast.mean, FORECAST - 1),
            interval(forecast.pi80_lo, forecast.pi80_hi),
        );
        if columns >= Columns::Medium {
            text.push_str(&format!(
                "{:>INTERVAL$}",
                interval(forecast.pi95_lo, forecast.pi95_hi)
            ));
        }
        if columns >= Columns::Wide {
            let weighted = shown
                .pipeline
                .iter()
                .find(|p| p.month == forecast.month)
                .map_or(0, |p| p.weighted_cents);
            text.push_str(&format!(
                "{:>PIPELINE$}",
                Money(weighted).fitted(PIPELINE - 1)
            ));
        }
        rows.push(text, if unchecked { Role::Muted } else { Role::Text });
    }
}

/// The model: its terms, fit and coefficients with standard errors.
fn fit(model: &FittedSeries, rows: &mut Rows) {
    let fit = &model.fit;
    let seasonal = if fit.columns.len() > 2 {
        " + month"
    } else {
        ""
    };
    rows.push(format!("OLS: trend{seasonal}, df {}", fit.df), Role::Header);
    let ratio = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.3}"));
    rows.push(
        format!("R² {}  adj. R² {}", ratio(fit.r2), ratio(fit.adj_r2)),
        Role::Text,
    );
    rows.push(
        format!("s (error of a month) {}", money(fit.s2.sqrt(), 10)),
        Role::Text,
    );
    rows.push(
        format!("{:<8}{:>12}{:>12}", "", "coef", "std err"),
        Role::Header,
    );
    for ((name, coef), se) in fit
        .columns
        .iter()
        .zip(&fit.coefficients)
        .zip(&fit.standard_errors)
    {
        rows.push(
            format!("{name:<8}{:>12}{:>12}", money(*coef, 11), money(*se, 11)),
            Role::Text,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::forecast::{
        Breakdown, ForecastOptions, MonthlySeries, PipelineMonth, forecast_series,
    };
    use crate::domain::Month;

    fn shown(horizon: usize) -> SeriesForecast {
        let start = Month::new(2025, 1).unwrap_or_else(|| panic!("a month"));
        let series = MonthlySeries {
            start,
            values: vec![
                500_000, 620_000, 580_000, 700_000, 690_000, 810_000, 760_000, 900_000, 880_000,
                950_000, 1_010_000, 990_000,
            ],
        };
        let model = forecast_series(&series, ForecastOptions::with_horizon(horizon))
            .unwrap_or_else(|e| panic!("{e}"));
        SeriesForecast {
            breakdown: Breakdown::Total,
            id: None,
            name: "Total".into(),
            pipeline: vec![PipelineMonth {
                month: series.last().plus(1),
                weighted_cents: 123_456_789,
            }],
            series: Some(series),
            model: Ok(model),
            pipeline_undated: 0,
        }
    }

    fn texts(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn every_month_of_the_horizon_has_a_row_with_its_intervals() {
        let rows = rows(&shown(9), Columns::Medium);
        let months: Vec<_> = texts(&rows)
            .into_iter()
            .filter(|t| t.starts_with("2026-") || t.starts_with("2025-"))
            .collect();
        assert_eq!(months.len(), 9, "{months:#?}");
        assert!(months[0].starts_with("2026-01 "));
        assert!(months[8].starts_with("2026-09†"), "{}", months[8]);
        for line in &months {
            assert_eq!(line.matches('–').count(), 2, "both intervals: {line}");
            assert!(line.chars().count() <= usize::from(Columns::Medium.width()));
        }
    }

    #[test]
    fn the_wide_table_adds_the_months_pipeline_never_cut() {
        let rows = rows(&shown(3), Columns::Wide);
        let first = texts(&rows)
            .into_iter()
            .find(|t| t.starts_with("2026-01"))
            .unwrap_or_default()
            .to_string();
        assert!(first.ends_with("$1.23M"), "{first}");
        let all = texts(&rows).join(" ");
        assert!(all.contains("The model beats the naive guess."), "{all}");
    }

    #[test]
    fn a_forecast_below_zero_is_called_out_first() {
        let mut falling = shown(3);
        let series = MonthlySeries {
            start: Month::new(2025, 1).unwrap_or_else(|| panic!("a month")),
            values: vec![900, 800, 650, 500, 420, 300, 150, 100],
        };
        falling.model = Ok(forecast_series(&series, ForecastOptions::with_horizon(3))
            .unwrap_or_else(|e| panic!("{e}")));
        falling.series = Some(series);
        let rows = rows(&falling, Columns::Narrow);
        assert_eq!(rows[0].role, Role::Warning);
        let first = texts(&rows[..3]).join(" ");
        assert!(
            first.starts_with("The trend runs below $0 from 2025-09: read it as no bookings"),
            "{first}"
        );
    }

    #[test]
    fn a_trend_that_explains_little_is_said() {
        let mut flat = shown(3);
        let series = MonthlySeries {
            start: Month::new(2025, 1).unwrap_or_else(|| panic!("a month")),
            values: vec![500, 700, 520, 680, 700, 500, 690, 510, 505, 695],
        };
        let model = forecast_series(&series, ForecastOptions::with_horizon(3))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(model.fit.r2.is_some_and(|r2| r2 < 0.1));
        flat.model = Ok(model);
        flat.series = Some(series);
        let all = texts(&rows(&flat, Columns::Medium)).join(" ");
        assert!(all.contains("The trend explains little (R² 0.0"), "{all}");
        let all = texts(&rows(&shown(3), Columns::Medium)).join(" ");
        assert!(!all.contains("explains little"), "{all}");
    }

    #[test]
    fn forecasting_past_the_history_and_the_backtest_is_said() {
        let rows = rows(&shown(13), Columns::Narrow);
        let all = texts(&rows).join(" ");
        assert!(
            all.contains("further ahead than the 12 months of history"),
            "{all}"
        );
        assert!(
            all.contains("† further ahead than the 3 months the backtest checked."),
            "{all}"
        );
        assert!(all.contains("carried 13 months ahead."), "{all}");
        for row in &rows {
            assert!(
                row.text.chars().count() <= usize::from(Columns::Narrow.width()),
                "too wide: {}",
                row.text
            );
        }
    }
}
