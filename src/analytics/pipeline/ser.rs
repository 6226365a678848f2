//! Serialisers for the report's JSON: dates as ISO `YYYY-MM-DD`.

use chrono::NaiveDate;
use serde::Serializer;

/// Writes a date as `YYYY-MM-DD`.
pub(super) fn date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}
