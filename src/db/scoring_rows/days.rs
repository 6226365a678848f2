//! Dates of the scoring rows as days since the epoch, read from ISO date columns: millions
//! are read per fit, so plain `YYYY-MM-DD` is read digit by digit.

use chrono::NaiveDate;
use rusqlite::Row;

use crate::db::pipeline_facts::plain_iso_date;

/// The days since the epoch of a date.
pub(super) fn epoch_day(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::default()).num_days()
}

/// The days since the epoch of an ISO date column; a value that is not a date is an error
/// naming the column, not a silent zero. Plain `YYYY-MM-DD` (every date the desk writes) is
/// read digit by digit — millions of dates are read per fit and chrono's general parser was a
/// tenth of the time — anything else goes through chrono.
pub(super) fn day_at(r: &Row<'_>, i: usize) -> rusqlite::Result<i64> {
    let text = r.get_ref(i)?.as_str()?;
    if let Some(date) = plain_iso_date(text.as_bytes()) {
        return Ok(epoch_day(date));
    }
    text.parse::<NaiveDate>().map(epoch_day).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// [`day_at`] in 32 bits (every date chrono can hold is within ±2^31 days of the epoch).
pub(super) fn short_day_at(r: &Row<'_>, i: usize) -> rusqlite::Result<i32> {
    day_at(r, i).and_then(|day| {
        i32::try_from(day).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    })
}

/// [`day_at`] for a column that may be NULL.
pub(super) fn optional_day_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => day_at(r, i).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_iso_dates_are_read_and_anything_else_is_left_to_chrono() {
        assert_eq!(
            plain_iso_date(b"2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        assert_eq!(plain_iso_date(b"2026-02-30"), None);
        assert_eq!(plain_iso_date(b"2026-2-28"), None);
        assert_eq!(plain_iso_date(b"2026-02-2x"), None);
        assert_eq!(epoch_day(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
    }
}
