//! Serialisers for the call's JSON: dates as ISO `YYYY-MM-DD`.

use chrono::NaiveDate;
use serde::Serializer;

/// Writes a date as `YYYY-MM-DD`.
pub(super) fn date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// Writes an optional date as `YYYY-MM-DD` or null.
pub(super) fn optional_date<S: Serializer>(
    date: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}
