//! The period a call is made for: a calendar quarter (`2026Q4`, `2026-Q4`) or a month (`2026-11`).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

use crate::analytics::pipeline::{Period, Quarter, QuotaFacts, prorated_quota};
use crate::domain::Money;

/// A quarter or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallPeriod {
    /// A calendar quarter.
    Quarter(Quarter),
    /// A calendar month, by its first day.
    Month(NaiveDate),
}

/// A period label that is neither `YYYYQn` nor `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a period; use a quarter such as 2026Q4 or a month such as 2026-11")]
pub struct ParseCallPeriodError(pub String);

impl CallPeriod {
    /// The quarter containing `day`.
    pub fn quarter_of(day: NaiveDate) -> CallPeriod {
        CallPeriod::Quarter(Quarter::containing(day))
    }

    /// The period of the same kind `back` periods before this one.
    pub fn back(self, back: u32) -> Option<CallPeriod> {
        match self {
            CallPeriod::Quarter(mut q) => {
                for _ in 0..back {
                    q = q.previous();
                }
                Some(CallPeriod::Quarter(q))
            }
            CallPeriod::Month(first) => first
                .checked_sub_months(Months::new(back))
                .map(CallPeriod::Month),
        }
    }

    /// Its first and last day.
    pub fn days(self) -> Period {
        match self {
            CallPeriod::Quarter(q) => Period {
                from: q.first_day().unwrap_or(NaiveDate::MIN),
                to: q.last_day().unwrap_or(NaiveDate::MIN),
            },
            CallPeriod::Month(first) => Period {
                from: first,
                to: first
                    .checked_add_months(Months::new(1))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(first),
            },
        }
    }

    /// The quota for the period: each quarter's quota prorated by the days it shares with it.
    pub fn quota(self, quotas: &[&QuotaFacts]) -> Option<Money> {
        let period = self.days();
        let inside: Vec<Money> = quotas
            .iter()
            .filter(|q| {
                CallPeriod::Quarter(q.quarter)
                    .days()
                    .overlap_days(period.from, period.to)
                    > 0
            })
            .map(|q| prorated_quota(q.amount, q.quarter, period))
            .collect();
        (!inside.is_empty()).then(|| Money(inside.iter().map(|m| m.cents()).sum()))
    }
}

impl fmt::Display for CallPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallPeriod::Quarter(q) => write!(f, "{}Q{}", q.year(), q.number()),
            CallPeriod::Month(d) => write!(f, "{}-{:02}", d.year(), d.month()),
        }
    }
}

impl FromStr for CallPeriod {
    type Err = ParseCallPeriodError;

    fn from_str(s: &str) -> Result<CallPeriod, ParseCallPeriodError> {
        let text = s.trim();
        if text.contains(['Q', 'q']) {
            return text
                .parse::<Quarter>()
                .map(CallPeriod::Quarter)
                .map_err(|_| ParseCallPeriodError(s.to_string()));
        }
        let month = text
            .split_once('-')
            .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
            .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1));
        month
            .filter(|_| text.len() == 7)
            .map(CallPeriod::Month)
            .ok_or_else(|| ParseCallPeriodError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_and_months_parse_and_print() {
        let q: Result<CallPeriod, _> = "2026Q4".parse();
        assert_eq!(
            q.as_ref().map(ToString::to_string),
            Ok("2026Q4".to_string())
        );
        let days = q.map(|p| p.days());
        assert_eq!(
            days.map(|p| (p.from.to_string(), p.to.to_string())),
            Ok(("2026-10-01".into(), "2026-12-31".into()))
        );
        let m: Result<CallPeriod, _> = "2026-02".parse();
        assert_eq!(m.map(|p| p.days().to.to_string()), Ok("2026-02-28".into()));
        for bad in ["2026", "2026-13", "Q4", "2026-2-1", "soon"] {
            assert!(bad.parse::<CallPeriod>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_month_gets_its_days_share_of_the_quarter_quota() {
        let quota = QuotaFacts {
            rep_id: 1,
            quarter: Quarter::new(2026, 4).unwrap_or_else(|| panic!("quarter")),
            amount: Money(9_200),
        };
        let nov: CallPeriod = "2026-11".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(nov.quota(&[&quota]), Some(Money(3_000)));
        let q1: CallPeriod = "2027Q1".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(q1.quota(&[&quota]), None);
    }
}
