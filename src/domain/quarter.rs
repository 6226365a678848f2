//! Calendar quarters: quotas are set per quarter and the board filters by close quarter.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

/// A calendar quarter such as `2026-Q3` (July to September 2026); quotas are set per quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    number: u8,
}

/// A quarter label that is not `YYYY-Qn`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a quarter; use YYYY-Qn, e.g. 2026-Q3")]
pub struct ParseQuarterError(pub String);

impl Quarter {
    /// The quarter `number` (1 to 4) of `year` (1 to 9999); `None` outside those ranges.
    pub fn new(year: i32, number: u8) -> Option<Quarter> {
        ((1..=9999).contains(&year) && (1..=4).contains(&number))
            .then_some(Quarter { year, number })
    }

    /// The quarter a date falls in.
    pub fn containing(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 4.
    pub fn number(self) -> u8 {
        self.number
    }

    /// The quarter after this one (Q1 of the next year after Q4).
    pub fn next(self) -> Quarter {
        match self.number {
            4 => Quarter {
                year: self.year + 1,
                number: 1,
            },
            n => Quarter {
                year: self.year,
                number: n + 1,
            },
        }
    }

    /// The quarter before this one (Q4 of the previous year before Q1).
    pub fn previous(self) -> Quarter {
        match self.number {
            1 => Quarter {
                year: self.year - 1,
                number: 4,
            },
            n => Quarter {
                year: self.year,
                number: n - 1,
            },
        }
    }

    /// Its first day; `None` only for years chrono cannot represent.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.number) * 3 - 2, 1)
    }

    /// Its last day; `None` only for years chrono cannot represent.
    pub fn last_day(self) -> Option<NaiveDate> {
        self.first_day()?
            .checked_add_months(Months::new(3))?
            .pred_opt()
    }
}

impl fmt::Display for Quarter {
    /// `2026-Q3`, as stored in `quotas.quarter`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.number)
    }
}

impl FromStr for Quarter {
    type Err = ParseQuarterError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseQuarterError(s.to_string());
        let (year, number) = s.trim().split_once(['Q', 'q']).ok_or_else(bad)?;
        let year = year.strip_suffix('-').unwrap_or(year);
        let year: i32 = year.parse().map_err(|_| bad())?;
        let number: u8 = number.parse().map_err(|_| bad())?;
        Quarter::new(year, number).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_previous_cross_years() {
        let q4 = Quarter::containing(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default());
        assert_eq!(q4.to_string(), "2026-Q4");
        assert_eq!(q4.next().to_string(), "2027-Q1");
        assert_eq!(q4.next().previous(), q4);
        assert_eq!("2026-q4".parse::<Quarter>(), Ok(q4));
        assert!("2026-Q5".parse::<Quarter>().is_err());
    }
}
