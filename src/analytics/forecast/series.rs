//! The monthly bookings series a forecast is fitted to.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::domain::Month;

/// Won bookings per calendar month, in cents: `values[i]` belongs to `start.plus(i)`, and a
/// month without a Won deal is 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlySeries {
    /// The first month: the first with a Won deal.
    pub start: Month,
    /// One value per month, in cents.
    pub values: Vec<i64>,
}

impl MonthlySeries {
    /// The month of `values[i]`.
    pub fn month(&self, i: usize) -> Month {
        self.start.plus(i as i32)
    }

    /// The last month of the series.
    pub fn last(&self) -> Month {
        self.month(self.values.len().saturating_sub(1))
    }

    /// Every month of the series, in order.
    pub fn months(&self) -> Vec<Month> {
        (0..self.values.len()).map(|i| self.month(i)).collect()
    }

    /// The values as floats, for the model.
    pub fn values_f64(&self) -> Vec<f64> {
        self.values.iter().map(|v| *v as f64).collect()
    }
}

/// The last complete month before `as_of`: the month before the one `as_of` falls in (with
/// as-of 2018-01-01 it is 2017-12), because the as-of month is still running.
pub fn last_complete_month(as_of: NaiveDate) -> Month {
    Month::containing(as_of).plus(-1)
}

/// The series from the first month in `sums` up to `last`, with empty months 0; sums of months
/// after `last` are ignored and sums of the same month add up. `None` when no month in `sums`
/// is on or before `last` (no Won deal yet).
pub fn monthly_series(sums: &[(Month, i64)], last: Month) -> Option<MonthlySeries> {
    let start = sums.iter().map(|(m, _)| *m).filter(|m| *m <= last).min()?;
    let len = usize::try_from(last.since(start)).ok()? + 1;
    let mut values = vec![0i64; len];
    for (month, cents) in sums {
        if let Ok(i) = usize::try_from(month.since(start))
            && let Some(v) = values.get_mut(i)
        {
            *v = v.saturating_add(*cents);
        }
    }
    Some(MonthlySeries { start, values })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn the_as_of_month_is_not_complete() {
        let day = |y, mo, d| NaiveDate::from_ymd_opt(y, mo, d).unwrap_or_default();
        assert_eq!(last_complete_month(day(2018, 1, 1)), m("2017-12"));
        assert_eq!(last_complete_month(day(2018, 1, 31)), m("2017-12"));
        assert_eq!(last_complete_month(day(2018, 2, 1)), m("2018-01"));
    }

    #[test]
    fn empty_months_are_zero_and_later_months_are_dropped() {
        let sums = [
            (m("2017-12"), 5),
            (m("2017-09"), 7),
            (m("2018-01"), 100),
            (m("2017-09"), 1),
        ];
        let series = monthly_series(&sums, m("2017-12")).unwrap();
        assert_eq!(series.start, m("2017-09"));
        assert_eq!(series.values, vec![8, 0, 0, 5]);
        assert_eq!(series.last(), m("2017-12"));
        assert_eq!(monthly_series(&sums[2..3], m("2017-12")), None);
        assert_eq!(monthly_series(&[], m("2017-12")), None);
    }
}
