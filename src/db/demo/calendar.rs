//! Days as plain numbers, with every ISO string computed once, and the months of the demo window.
//!
//! Millions of rows carry dates; formatting each with chrono would dominate the run, so a day is
//! an `i32` (days from the common era) and its `YYYY-MM-DD` text is looked up.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A day, as `NaiveDate::num_days_from_ce`.
pub(super) type Day = i32;

/// Months after `as_of`'s month in which open deals are expected to close.
pub(super) const FUTURE_MONTHS: u32 = 6;
/// Days before the window that dates may reach (old customers, early deals' creation).
const DAYS_BEFORE: u64 = 12 * 366;
/// Days after the last future month that dates may reach.
const DAYS_AFTER: u64 = 400;

/// One calendar month of the window or of the near future.
pub(super) struct Month {
    /// Its first day.
    pub start: Day,
    /// How many days it has.
    pub len: i32,
    /// 1 for January … 12 for December.
    pub number: u32,
    /// `YYYY-MM`.
    pub label: String,
    /// `YYYY-Qn`.
    pub quarter: String,
}

/// The window of `months` months ending with `as_of`'s month, the months after it, and day texts.
pub(super) struct Calendar {
    first: Day,
    iso: Vec<String>,
    /// The day the demo data is "as of": nothing has closed after it.
    pub as_of: Day,
    /// The window's months, oldest first, then [`FUTURE_MONTHS`] future months.
    pub months: Vec<Month>,
    /// How many of `months` are in the window.
    pub window: usize,
}

impl Calendar {
    /// The calendar for `months` months ending with `as_of`'s month; `None` if a date would fall
    /// outside chrono's range.
    pub fn new(as_of: NaiveDate, months: u32) -> Option<Calendar> {
        let start = as_of
            .with_day(1)?
            .checked_sub_months(Months::new(months.checked_sub(1)?))?;
        let list = (0..months.checked_add(FUTURE_MONTHS)?)
            .map(|i| {
                let first = start.checked_add_months(Months::new(i))?;
                let next = first.checked_add_months(Months::new(1))?;
                Some(Month {
                    start: first.num_days_from_ce(),
                    len: next.num_days_from_ce() - first.num_days_from_ce(),
                    number: first.month(),
                    label: first.format("%Y-%m").to_string(),
                    quarter: format!("{}-Q{}", first.year(), first.month().div_ceil(3)),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let base = start.checked_sub_days(Days::new(DAYS_BEFORE))?;
        let end = start
            .checked_add_months(Months::new(months + FUTURE_MONTHS))?
            .checked_add_days(Days::new(DAYS_AFTER))?;
        let iso = base
            .iter_days()
            .take_while(|d| *d <= end)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect();
        Some(Calendar {
            first: base.num_days_from_ce(),
            iso,
            as_of: as_of.num_days_from_ce(),
            months: list,
            window: months as usize,
        })
    }

    /// `YYYY-MM-DD` of `day`, clamped to the calendar's range.
    pub fn iso(&self, day: Day) -> &str {
        let last = self.iso.len().saturating_sub(1);
        let index = usize::try_from(day - self.first).unwrap_or(0).min(last);
        self.iso.get(index).map_or("", String::as_str)
    }

    /// The first day of the window.
    pub fn window_start(&self) -> Day {
        self.months.first().map_or(self.as_of, |m| m.start)
    }

    /// Index in `months` of the month holding `day`, if any.
    pub fn month_of(&self, day: Day) -> Option<usize> {
        let i = self.months.partition_point(|m| m.start <= day);
        let month = self.months.get(i.checked_sub(1)?)?;
        (day < month.start + month.len).then_some(i - 1)
    }

    /// `day`, or the Friday before when it falls on a weekend, unless that is before `floor`, in
    /// which case the Monday after.
    pub fn workday(day: Day, floor: Day) -> Day {
        let back = match weekday(day) {
            5 => 1,
            6 => 2,
            _ => 0,
        };
        if day - back >= floor {
            day - back
        } else {
            day + [0, 0, 0, 0, 0, 2, 1][weekday(day) as usize]
        }
    }
}

/// 0 for Monday … 6 for Sunday (day 1 of the common era was a Monday).
fn weekday(day: Day) -> i32 {
    (day - 1).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn window_ends_with_the_as_of_month() {
        let cal = Calendar::new(date(2026, 5, 15), 36).unwrap();
        assert_eq!(cal.window, 36);
        assert_eq!(cal.months.len(), 42);
        assert_eq!(cal.months[0].label, "2023-06");
        assert_eq!(cal.months[35].label, "2026-05");
        assert_eq!(cal.months[35].quarter, "2026-Q2");
        assert_eq!(cal.months[36].quarter, "2026-Q2");
        assert_eq!(cal.months[37].quarter, "2026-Q3");
        assert_eq!(cal.iso(cal.as_of), "2026-05-15");
        assert_eq!(cal.iso(cal.window_start()), "2023-06-01");
        assert_eq!(cal.month_of(cal.as_of), Some(35));
        assert_eq!(cal.month_of(cal.window_start() - 1), None);
    }

    #[test]
    fn weekends_move_to_a_workday() {
        let sat = date(2026, 5, 16).num_days_from_ce();
        assert_eq!(Calendar::workday(sat, 0), sat - 1);
        assert_eq!(Calendar::workday(sat + 1, 0), sat - 1);
        assert_eq!(Calendar::workday(sat + 1, sat), sat + 2);
        assert_eq!(Calendar::workday(sat + 2, 0), sat + 2);
    }
}
