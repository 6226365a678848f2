//! Reporting periods: the period kinds a manager picks from, and quarters as periods.

use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ser;
pub use crate::domain::Quarter;

/// A quarter as a period from its first to its last day; `None` only for years chrono cannot represent.
pub fn quarter_period(quarter: Quarter) -> Option<Period> {
    Some(Period {
        from: quarter.first_day()?,
        to: quarter.last_day()?,
    })
}

/// An inclusive range of days, `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day in the period.
    #[serde(serialize_with = "ser::date")]
    pub from: NaiveDate,
    /// Last day in the period.
    #[serde(serialize_with = "ser::date")]
    pub to: NaiveDate,
}

impl Period {
    /// True when `date` is in the period, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// How many days the period has (0 when `to` is before `from`).
    pub fn days(&self) -> i64 {
        self.overlap_days(self.from, self.to)
    }

    /// How many days of the inclusive range `from..=to` fall inside the period.
    pub fn overlap_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let start = from.max(self.from);
        let end = to.min(self.to);
        ((end - start).num_days() + 1).max(0)
    }
}

/// The periods the report and the board offer, in the order `next()` cycles through them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    /// The twelve months ending on the as-of date: `as_of − 12 months + 1 day` to `as_of`.
    #[default]
    #[serde(rename = "trailing-12-months")]
    Trailing12Months,
    /// The first day of the as-of date's quarter to the as-of date.
    #[serde(rename = "this-quarter")]
    ThisQuarter,
    /// The whole calendar quarter before the as-of date's quarter.
    #[serde(rename = "last-quarter")]
    LastQuarter,
    /// January 1 of the as-of date's year to the as-of date.
    #[serde(rename = "this-year")]
    ThisYear,
}

/// A period name that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a period; use trailing-12-months, this-quarter, last-quarter or this-year")]
pub struct ParsePeriodKindError(pub String);

impl PeriodKind {
    /// Every kind, in cycling order.
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Trailing12Months,
        PeriodKind::ThisQuarter,
        PeriodKind::LastQuarter,
        PeriodKind::ThisYear,
    ];

    /// The days this kind covers for the given as-of date.
    pub fn period(self, as_of: NaiveDate) -> Period {
        match self {
            PeriodKind::Trailing12Months => Period {
                from: as_of
                    .checked_sub_months(Months::new(12))
                    .and_then(|d| d.succ_opt())
                    .unwrap_or(NaiveDate::MIN),
                to: as_of,
            },
            PeriodKind::ThisQuarter => Period {
                from: Quarter::containing(as_of).first_day().unwrap_or(as_of),
                to: as_of,
            },
            PeriodKind::LastQuarter => quarter_period(Quarter::containing(as_of).previous())
                .unwrap_or(Period {
                    from: as_of,
                    to: as_of,
                }),
            PeriodKind::ThisYear => Period {
                from: NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of),
                to: as_of,
            },
        }
    }

    /// Human label for screens and the text report.
    pub fn label(self) -> &'static str {
        match self {
            PeriodKind::Trailing12Months => "Trailing 12 months",
            PeriodKind::ThisQuarter => "This quarter",
            PeriodKind::LastQuarter => "Last quarter",
            PeriodKind::ThisYear => "This year",
        }
    }

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Trailing12Months => "trailing-12-months",
            PeriodKind::ThisQuarter => "this-quarter",
            PeriodKind::LastQuarter => "last-quarter",
            PeriodKind::ThisYear => "this-year",
        }
    }

    /// The next kind in cycling order, back to the first after the last, for a "cycle period" key.
    pub fn next(self) -> PeriodKind {
        match self {
            PeriodKind::Trailing12Months => PeriodKind::ThisQuarter,
            PeriodKind::ThisQuarter => PeriodKind::LastQuarter,
            PeriodKind::LastQuarter => PeriodKind::ThisYear,
            PeriodKind::ThisYear => PeriodKind::Trailing12Months,
        }
    }
}

impl FromStr for PeriodKind {
    type Err = ParsePeriodKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PeriodKind::ALL
            .into_iter()
            .find(|kind| kind.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParsePeriodKindError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn period(from: NaiveDate, to: NaiveDate) -> Period {
        Period { from, to }
    }

    #[test]
    fn trailing_twelve_months_ends_on_as_of_and_starts_a_day_after_a_year_back() {
        let k = PeriodKind::Trailing12Months;
        assert_eq!(
            k.period(day(2026, 11, 26)),
            period(day(2025, 11, 27), day(2026, 11, 26))
        );
        assert_eq!(k.period(day(2026, 11, 26)).days(), 365);
        // A leap day as of: 2027-02-28 + 1 day; 366 days because 2028-02-29 is in.
        assert_eq!(
            k.period(day(2028, 2, 29)),
            period(day(2027, 3, 1), day(2028, 2, 29))
        );
        assert_eq!(k.period(day(2028, 2, 29)).days(), 366);
        // A year back from 2025-02-28 is 2024-02-28, so the leap day 2024-02-29 is the first day.
        assert_eq!(
            k.period(day(2025, 2, 28)),
            period(day(2024, 2, 29), day(2025, 2, 28))
        );
        assert_eq!(
            k.period(day(2026, 12, 31)),
            period(day(2026, 1, 1), day(2026, 12, 31))
        );
    }

    #[test]
    fn quarters_and_years_cover_their_edges() {
        let q = PeriodKind::ThisQuarter;
        assert_eq!(
            q.period(day(2026, 11, 26)),
            period(day(2026, 10, 1), day(2026, 11, 26))
        );
        assert_eq!(
            q.period(day(2026, 10, 1)),
            period(day(2026, 10, 1), day(2026, 10, 1))
        );
        assert_eq!(
            q.period(day(2026, 3, 31)),
            period(day(2026, 1, 1), day(2026, 3, 31))
        );
        let last = PeriodKind::LastQuarter;
        assert_eq!(
            last.period(day(2026, 11, 26)),
            period(day(2026, 7, 1), day(2026, 9, 30))
        );
        assert_eq!(
            last.period(day(2026, 1, 1)),
            period(day(2025, 10, 1), day(2025, 12, 31))
        );
        assert_eq!(
            last.period(day(2024, 4, 15)),
            period(day(2024, 1, 1), day(2024, 3, 31))
        );
        assert_eq!(last.period(day(2024, 4, 15)).days(), 91, "leap Q1");
        assert_eq!(last.period(day(2025, 4, 15)).days(), 90);
        let year = PeriodKind::ThisYear;
        assert_eq!(
            year.period(day(2026, 11, 26)),
            period(day(2026, 1, 1), day(2026, 11, 26))
        );
        assert_eq!(
            year.period(day(2026, 1, 1)),
            period(day(2026, 1, 1), day(2026, 1, 1))
        );
    }

    #[test]
    fn kinds_cycle_parse_and_label() {
        let mut kind = PeriodKind::default();
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(kind);
            kind = kind.next();
        }
        assert_eq!(seen, PeriodKind::ALL);
        assert_eq!(kind, PeriodKind::Trailing12Months);
        for kind in PeriodKind::ALL {
            assert_eq!(kind.name().parse::<PeriodKind>(), Ok(kind));
            assert!(!kind.label().is_empty());
        }
        assert!("next-week".parse::<PeriodKind>().is_err());
    }

    #[test]
    fn quarters_parse_print_and_bound_their_days() {
        let q: Quarter = "2026-Q3"
            .parse()
            .unwrap_or(Quarter::containing(day(1, 1, 1)));
        assert_eq!((q.year(), q.number()), (2026, 3));
        assert_eq!(q.to_string(), "2026-Q3");
        assert_eq!(
            quarter_period(q),
            Some(period(day(2026, 7, 1), day(2026, 9, 30)))
        );
        assert_eq!(
            Quarter::new(2024, 1)
                .and_then(quarter_period)
                .map(|p| p.days()),
            Some(91)
        );
        assert_eq!(
            Quarter::new(2026, 4).and_then(Quarter::last_day),
            Some(day(2026, 12, 31))
        );
        assert_eq!(
            Quarter::containing(day(2026, 12, 31)),
            Quarter::new(2026, 4).unwrap_or(Quarter::containing(day(1, 1, 1)))
        );
        assert_eq!(
            Quarter::containing(day(2026, 1, 1)).previous().to_string(),
            "2025-Q4"
        );
        for bad in ["2026-Q5", "2026-Q0", "2026", "Q3", "20x6-Q1", ""] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad}");
        }
    }

    #[test]
    fn overlap_counts_shared_days_only() {
        let p = period(day(2026, 8, 15), day(2026, 11, 26));
        assert_eq!(p.overlap_days(day(2026, 7, 1), day(2026, 9, 30)), 47);
        assert_eq!(p.overlap_days(day(2026, 10, 1), day(2026, 12, 31)), 57);
        assert_eq!(p.overlap_days(day(2027, 1, 1), day(2027, 3, 31)), 0);
        assert!(p.contains(day(2026, 8, 15)) && p.contains(day(2026, 11, 26)));
        assert!(!p.contains(day(2026, 11, 27)));
        assert_eq!(period(day(2026, 2, 2), day(2026, 2, 1)).days(), 0);
    }
}
