//! The rows the models watch reads: the win-probability rows today, and per month start the
//! propensity rows known then and the same customers labelled by what they bought after it.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use crate::analytics::monitor::models::{WatchRows, last_months, month_starts_with_horizon};
use crate::db::scoring_rows::{PROPENSITY_HORIZON_DAYS, propensity_training, win_rows};

/// Reads what [`crate::analytics::monitor::models::watch_models`] needs for the `months` last
/// months before `as_of`, the win rows sampled to `max_win_rows` as the desk's fit is.
pub fn watch_rows(
    conn: &Connection,
    as_of: NaiveDate,
    months: usize,
    max_win_rows: usize,
) -> rusqlite::Result<WatchRows> {
    let win = win_rows(conn, as_of, max_win_rows)?.training;
    let propensity = propensity_training(conn, as_of)?;
    let mut propensity_months = Vec::new();
    for start in month_starts_with_horizon(as_of, months, PROPENSITY_HORIZON_DAYS) {
        let Some(end) = start.checked_add_days(Days::new(PROPENSITY_HORIZON_DAYS)) else {
            continue;
        };
        let fit_on = propensity_training(conn, start)?;
        let scored = propensity_training(conn, end)?;
        propensity_months.push((start, fit_on, scored));
    }
    Ok(WatchRows {
        win,
        win_months: last_months(as_of, months),
        propensity,
        propensity_months,
    })
}
