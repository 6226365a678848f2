//! Calendar months: the forecast's time axis (bookings are summed per month).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// A calendar month such as `2026-11`, stored as a count of months since year 0 so months
/// subtract and step without date arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

/// A month label that is not `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a month; use YYYY-MM, e.g. 2026-11")]
pub struct ParseMonthError(pub String);

impl Month {
    /// Three-letter English month names, January first.
    pub const SHORT_NAMES: [&'static str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    /// Month `month` (1 to 12) of `year` (1 to 9999); `None` outside those ranges.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month))
            .then(|| Month(year * 12 + month as i32 - 1))
    }

    /// The month a date falls in.
    pub fn containing(date: NaiveDate) -> Month {
        Month(date.year() * 12 + date.month0() as i32)
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 (January) to 12 (December).
    pub fn number(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The month `n` months later (earlier when `n` is negative).
    pub fn plus(self, n: i32) -> Month {
        Month(self.0 + n)
    }

    /// How many months `self` lies after `earlier` (negative when before).
    pub fn since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }

    /// The three-letter English name of its calendar month ("Jan").
    pub fn short_name(self) -> &'static str {
        Month::SHORT_NAMES[self.0.rem_euclid(12) as usize]
    }
}

/// The month after `month` (`YYYY-MM`) as text, or `None` if it is not a month.
pub fn next_month(month: &str) -> Option<String> {
    month.parse::<Month>().ok().map(|m| m.plus(1).to_string())
}

impl fmt::Display for Month {
    /// `2026-11`, the first seven characters of an ISO date in that month.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.number())
    }
}

impl FromStr for Month {
    type Err = ParseMonthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseMonthError(s.to_string());
        let (year, month) = s.trim().split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Month {
    /// From `YYYY-MM`, as [`Serialize`](serde::Serialize) writes it.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let label = String::deserialize(d)?;
        label.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_across_years_and_round_trip() {
        let dec = Month::containing(NaiveDate::from_ymd_opt(2017, 12, 31).unwrap_or_default());
        assert_eq!(dec.to_string(), "2017-12");
        assert_eq!(dec.plus(1).to_string(), "2018-01");
        assert_eq!(dec.plus(-12).to_string(), "2016-12");
        assert_eq!(dec.plus(14).since(dec), 14);
        assert_eq!("2017-12".parse::<Month>(), Ok(dec));
        assert_eq!(dec.short_name(), "Dec");
        assert_eq!(dec.plus(1).number(), 1);
        for bad in ["2017-13", "2017-1", "17-12", "2017/12", ""] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
    }
}
