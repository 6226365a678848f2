//! The JSON shape of `salesdesk report forecast --json` (fields in `docs/report-forecast.md`).

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    Backtest, Breakdown, FittedSeries, ForecastRow, ForecastSet, PipelineMonth, SeriesForecast,
};
use crate::domain::Month;

/// The report: every series of one breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastReport {
    /// The as-of date.
    #[serde(serialize_with = "iso_date")]
    pub as_of: NaiveDate,
    /// The last complete month, where every series ends.
    pub last_month: Month,
    /// Months forecast.
    pub horizon: usize,
    /// The breakdown shown.
    pub by: Breakdown,
    /// One entry per group.
    pub series: Vec<SeriesReport>,
}

/// One group's series, model, forecast and backtest; model fields are `null` when `error` says
/// why there is no model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesReport {
    /// The rep's or product's id; `null` for the total and teams.
    pub id: Option<i64>,
    /// The group's name.
    pub name: String,
    /// Why there is no model (`null` when there is one).
    pub error: Option<String>,
    /// The months of the series, `YYYY-MM`.
    pub months: Vec<Month>,
    /// Won bookings per month, in cents.
    pub values: Vec<i64>,
    /// The design's column names.
    pub columns: Option<Vec<String>>,
    /// Least-squares coefficients, in cents (per month for `t`).
    pub coefficients: Option<Vec<f64>>,
    /// Their standard errors.
    pub standard_errors: Option<Vec<f64>>,
    /// Residual variance RSS/(n − p), in cents².
    pub s2: Option<f64>,
    /// R².
    pub r2: Option<f64>,
    /// Adjusted R².
    pub adj_r2: Option<f64>,
    /// Residual degrees of freedom n − p.
    pub df: Option<usize>,
    /// Fitted values, one per month of the series.
    pub fitted: Option<Vec<f64>>,
    /// The forecast months.
    pub forecast: Vec<ForecastRow>,
    /// The backtest.
    pub backtest: Option<Backtest>,
    /// The weighted open pipeline by expected close month.
    pub pipeline: Vec<PipelineMonth>,
    /// The weighted open pipeline of deals with no expected close date, in cents.
    pub pipeline_undated_cents: i64,
}

/// Writes a date as `YYYY-MM-DD`.
fn iso_date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

impl ForecastReport {
    /// The report of `by` from a computed set.
    pub fn new(set: &ForecastSet, by: Breakdown) -> ForecastReport {
        ForecastReport {
            as_of: set.as_of,
            last_month: set.last_month,
            horizon: set.horizon,
            by,
            series: set.of(by).map(SeriesReport::new).collect(),
        }
    }
}

impl SeriesReport {
    fn new(s: &SeriesForecast) -> SeriesReport {
        let model: Option<&FittedSeries> = s.model.as_ref().ok();
        let fit = model.map(|m| &m.fit);
        SeriesReport {
            id: s.id,
            name: s.name.clone(),
            error: s.model.as_ref().err().map(|e| e.to_string()),
            months: s.series.as_ref().map(|x| x.months()).unwrap_or_default(),
            values: s
                .series
                .as_ref()
                .map(|x| x.values.clone())
                .unwrap_or_default(),
            columns: fit.map(|f| f.columns.clone()),
            coefficients: fit.map(|f| f.coefficients.clone()),
            standard_errors: fit.map(|f| f.standard_errors.clone()),
            s2: fit.map(|f| f.s2),
            r2: fit.and_then(|f| f.r2),
            adj_r2: fit.and_then(|f| f.adj_r2),
            df: fit.map(|f| f.df),
            fitted: fit.map(|f| f.fitted.clone()),
            forecast: model.map(|m| m.forecast.clone()).unwrap_or_default(),
            backtest: model.and_then(|m| m.backtest.clone()),
            pipeline: s.pipeline.clone(),
            pipeline_undated_cents: s.pipeline_undated,
        }
    }
}
