//! The Forecast screen's job: every bookings series read and fitted.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::forecast::{ForecastOptions, ForecastSet, forecast_groups};
use crate::db::forecast_series;
use crate::worker::steps::Steps;

/// Builds every bookings series (total, reps, products, teams) and fits their forecasts.
pub(in crate::worker) fn run(
    conn: &Connection,
    as_of: NaiveDate,
    options: ForecastOptions,
    steps: &mut Steps,
) -> Result<ForecastSet, String> {
    steps.expect(2);
    steps.begin("reading the bookings")?;
    let groups = forecast_series::load_bookings(conn, as_of)
        .map_err(|e| format!("cannot read the bookings for the forecast: {e}"))?;
    steps.begin("fitting every series")?;
    Ok(forecast_groups(groups, as_of, options))
}
