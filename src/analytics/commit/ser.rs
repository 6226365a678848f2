//! Serialisers for the call's JSON: dates as ISO `YYYY-MM-DD`.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Writes a date as `YYYY-MM-DD`.
pub(super) fn date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// Writes an optional date as `YYYY-MM-DD` or null in JSON; in the binary form the book keeps
/// analyses in, as the option it is (so it reads back).
pub(super) fn optional_date<S: Serializer>(
    date: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) if s.is_human_readable() => s.collect_str(d),
        None if s.is_human_readable() => s.serialize_none(),
        _ => date.serialize(s),
    }
}
