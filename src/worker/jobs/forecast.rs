//! The Forecast screen's job: every bookings series read and fitted.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::forecast::{ForecastOptions, ForecastSet, forecast_groups};
use crate::db::forecast_series;

/// Builds every bookings series (total, reps, products, teams) and fits their forecasts.
pub(in crate::worker) fn run(
    conn: &Connection,
    as_of: NaiveDate,
    options: ForecastOptions,
) -> Result<ForecastSet, String> {
    forecast_series::load_bookings(conn, as_of)
        .map(|groups| forecast_groups(groups, as_of, options))
        .map_err(|e| format!("cannot read the bookings for the forecast: {e}"))
}
