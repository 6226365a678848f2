//! Revenue forecast for the Forecast screen and `salesdesk report forecast`: monthly Won
//! bookings, an OLS trend (plus month-of-year dummies from two years of history) solved by QR,
//! 80% and 95% prediction intervals with exact Student-t quantiles, and a rolling-origin
//! backtest against a seasonal-naive baseline; for the total and per rep, product and team.
//!
//! Pure functions: the database hands in month sums (see `db::forecast_series`), and every
//! number is checked against statsmodels in `tests/forecast_known_answers.rs`. Definitions are
//! in `docs/report-forecast.md`.

mod backtest;
mod breakdown;
mod intervals;
mod ols;
mod report;
mod series;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use backtest::{Backtest, DEFAULT_ORIGINS, DEFAULT_STEPS, ErrorMetrics, backtest};
pub use breakdown::{Breakdown, ParseBreakdownError};
pub use intervals::{ForecastRow, forecast, t_quantile};
pub use ols::{Design, Fit, FitError, SEASONAL_FROM_MONTHS, fit};
pub use report::{ForecastReport, SeriesReport};
pub use series::{MonthlySeries, last_complete_month, monthly_series};

use crate::domain::Month;

/// Months forecast when nobody asks for another horizon.
pub const DEFAULT_HORIZON: usize = 6;
/// The longest horizon allowed: three years, beyond which a trend line says nothing useful.
pub const MAX_HORIZON: usize = 36;

/// A horizon outside 1..=[`MAX_HORIZON`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a horizon of {0} months is not possible; use 1 to {MAX_HORIZON} months")]
pub struct HorizonError(pub usize);

/// Checks that `months` is a horizon the forecast offers.
pub fn check_horizon(months: usize) -> Result<usize, HorizonError> {
    if (1..=MAX_HORIZON).contains(&months) {
        Ok(months)
    } else {
        Err(HorizonError(months))
    }
}

/// How far to forecast and how to backtest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastOptions {
    /// Months forecast (1..=[`MAX_HORIZON`]).
    pub horizon: usize,
    /// Backtest origins.
    pub origins: usize,
    /// Backtest steps ahead per origin.
    pub steps: usize,
}

impl ForecastOptions {
    /// The defaults (6 origins, h = 1..3) with the given horizon.
    pub fn with_horizon(horizon: usize) -> ForecastOptions {
        ForecastOptions {
            horizon,
            origins: DEFAULT_ORIGINS,
            steps: DEFAULT_STEPS,
        }
    }
}

impl Default for ForecastOptions {
    fn default() -> Self {
        ForecastOptions::with_horizon(DEFAULT_HORIZON)
    }
}

/// One group's month sums as the database aggregates them.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupBookings {
    /// Which breakdown the group belongs to.
    pub breakdown: Breakdown,
    /// The rep's or product's id; `None` for the total, a team, and deals without one.
    pub id: Option<i64>,
    /// What the screen and report call it.
    pub name: String,
    /// Won amounts per month of `closed_on`, in cents (months without a Won deal absent).
    pub won: Vec<(Month, i64)>,
    /// Weighted open pipeline per expected close month, in cents.
    pub pipeline: Vec<(Month, i64)>,
    /// Weighted open pipeline of deals with no expected close date, in cents.
    pub pipeline_undated: i64,
}

/// A fitted model with its forecast and backtest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedSeries {
    /// Coefficients, standard errors and goodness of fit.
    pub fit: Fit,
    /// The forecast months with their intervals.
    pub forecast: Vec<ForecastRow>,
    /// Backtest errors; `None` when no origin had enough history.
    pub backtest: Option<Backtest>,
}

/// Why a group has no forecast.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SeriesProblem {
    /// No Won deal closed up to the last complete month.
    #[error("no won deals up to {last}")]
    NoWonDeals {
        /// The last complete month.
        last: Month,
    },
    /// The model could not be fitted.
    #[error(transparent)]
    Fit(#[from] FitError),
}

/// Weighted open pipeline expected to close in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineMonth {
    /// The expected close month (overdue deals count in the as-of month).
    pub month: Month,
    /// Σ amount × win probability, in cents.
    pub weighted_cents: i64,
}

/// One group's series and forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesForecast {
    /// Which breakdown the group belongs to.
    pub breakdown: Breakdown,
    /// The rep's or product's id.
    pub id: Option<i64>,
    /// Its name.
    pub name: String,
    /// The bookings series; `None` without a Won deal.
    pub series: Option<MonthlySeries>,
    /// The model, or why there is none.
    pub model: Result<FittedSeries, SeriesProblem>,
    /// The weighted open pipeline by expected close month.
    pub pipeline: Vec<PipelineMonth>,
    /// The weighted open pipeline of deals with no expected close date, in cents: its own
    /// bucket, since no month can be told for it.
    pub pipeline_undated: i64,
}

/// Every group's forecast as of one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastSet {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The last complete month, where every series ends.
    pub last_month: Month,
    /// Months forecast.
    pub horizon: usize,
    /// The total first, then reps, products and teams in the order given.
    pub series: Vec<SeriesForecast>,
}

impl ForecastSet {
    /// The groups of one breakdown, in order.
    pub fn of(&self, breakdown: Breakdown) -> impl Iterator<Item = &SeriesForecast> {
        self.series.iter().filter(move |s| s.breakdown == breakdown)
    }
}

/// Fits the model to one series and forecasts it.
pub fn forecast_series(
    series: &MonthlySeries,
    options: ForecastOptions,
) -> Result<FittedSeries, FitError> {
    let values = series.values_f64();
    let fit = fit(&values, series.start)?;
    Ok(FittedSeries {
        forecast: forecast(&fit, series.last(), options.horizon),
        backtest: backtest(&values, series.start, options.origins, options.steps),
        fit,
    })
}

/// Builds, fits and forecasts every group's series, ending at the last complete month before
/// `as_of`.
pub fn forecast_groups(
    groups: Vec<GroupBookings>,
    as_of: NaiveDate,
    options: ForecastOptions,
) -> ForecastSet {
    let last = last_complete_month(as_of);
    let series = groups
        .into_iter()
        .map(|group| {
            let series = monthly_series(&group.won, last);
            let model = match &series {
                Some(s) => forecast_series(s, options).map_err(SeriesProblem::from),
                None => Err(SeriesProblem::NoWonDeals { last }),
            };
            SeriesForecast {
                breakdown: group.breakdown,
                id: group.id,
                name: group.name,
                series,
                model,
                pipeline: group
                    .pipeline
                    .into_iter()
                    .map(|(month, weighted_cents)| PipelineMonth {
                        month,
                        weighted_cents,
                    })
                    .collect(),
                pipeline_undated: group.pipeline_undated,
            }
        })
        .collect();
    ForecastSet {
        as_of,
        last_month: last,
        horizon: options.horizon,
        series,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn horizons_outside_one_to_thirty_six_are_refused() {
        assert_eq!(check_horizon(1), Ok(1));
        assert_eq!(check_horizon(36), Ok(36));
        assert_eq!(
            check_horizon(0).unwrap_err().to_string(),
            "a horizon of 0 months is not possible; use 1 to 36 months"
        );
        assert!(check_horizon(37).is_err());
    }

    #[test]
    fn groups_without_won_deals_or_history_say_why() {
        let group = |name: &str, won: Vec<(Month, i64)>| GroupBookings {
            breakdown: Breakdown::Rep,
            id: Some(1),
            name: name.into(),
            won,
            pipeline: vec![],
            pipeline_undated: 0,
        };
        let as_of = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
        let set = forecast_groups(
            vec![
                group("none", vec![]),
                group("thin", vec![(m("2017-11"), 5)]),
                group("later", vec![(m("2018-01"), 5)]),
            ],
            as_of,
            ForecastOptions::default(),
        );
        let messages: Vec<String> = set
            .series
            .iter()
            .map(|s| {
                s.model
                    .as_ref()
                    .err()
                    .map(|e| e.to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(
            messages,
            vec![
                "no won deals up to 2017-12",
                "not enough history (2 months, needs 4)",
                "no won deals up to 2017-12",
            ]
        );
        assert_eq!(set.last_month, m("2017-12"));
    }
}
