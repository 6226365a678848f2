//! Quota attainment per rep and per team: Won amount closed in the period against the quarterly
//! quotas prorated to the period.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::facts::PipelineFacts;
use super::period::{Period, Quarter};
use super::stats::{money, round_div};
use crate::domain::{Money, Stage};

/// Attainment of every rep and every team. Money fields are cents in JSON (`*_cents`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaAttainment {
    /// One row per rep, in `facts.reps` order.
    pub reps: Vec<RepAttainment>,
    /// One row per team, by team name.
    pub teams: Vec<TeamAttainment>,
}

/// One rep's attainment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepAttainment {
    /// The rep's id.
    pub rep_id: i64,
    /// The rep's name.
    pub name: String,
    /// The rep's team.
    pub team: String,
    /// Won amount the rep closed in the period.
    #[serde(rename = "won_value_cents")]
    pub won_value: Money,
    /// The rep's quota for the period: each quarter's quota × (days of it in the period ÷ its
    /// days), each rounded to the cent, summed.
    #[serde(rename = "quota_cents")]
    pub quota: Money,
    /// `won_value / quota`; `None` when the quota is 0.
    pub attainment: Option<f64>,
}

/// One team's attainment: the sums over its reps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamAttainment {
    /// The team's name.
    pub team: String,
    /// How many reps it has.
    pub reps: u64,
    /// Won amount its reps closed in the period.
    #[serde(rename = "won_value_cents")]
    pub won_value: Money,
    /// Sum of its reps' quotas for the period.
    #[serde(rename = "quota_cents")]
    pub quota: Money,
    /// `won_value / quota`; `None` when the quota is 0.
    pub attainment: Option<f64>,
}

/// The share of a quarter's quota that falls in `period`: `amount × days of the quarter inside
/// the period ÷ days of the quarter`, rounded half away from zero to the cent.
pub fn prorated_quota(amount: Money, quarter: Quarter, period: Period) -> Money {
    let Some(q) = super::period::quarter_period(quarter) else {
        return Money::ZERO;
    };
    let inside = period.overlap_days(q.from, q.to);
    money(round_div(
        i128::from(amount.cents()) * i128::from(inside),
        i128::from(q.days()),
    ))
}

/// Quota attainment per rep and per team over `period`; Won deals count by `closed_on`.
pub fn quota_attainment(facts: &PipelineFacts, period: Period) -> QuotaAttainment {
    let mut won: HashMap<i64, i128> = HashMap::new();
    for deal in &facts.deals {
        if deal.stage == Stage::Won
            && deal.closed_on.is_some_and(|d| period.contains(d))
            && let Some(rep) = deal.rep_id
        {
            *won.entry(rep).or_default() += i128::from(deal.amount.cents());
        }
    }
    let mut quota: HashMap<i64, i128> = HashMap::new();
    for q in &facts.quotas {
        let share = prorated_quota(q.amount, q.quarter, period);
        *quota.entry(q.rep_id).or_default() += i128::from(share.cents());
    }
    let mut teams: BTreeMap<&str, (u64, i128, i128)> = BTreeMap::new();
    let reps = facts
        .reps
        .iter()
        .map(|rep| {
            let w = won.get(&rep.id).copied().unwrap_or(0);
            let q = quota.get(&rep.id).copied().unwrap_or(0);
            let team = teams.entry(rep.team.as_str()).or_default();
            *team = (team.0 + 1, team.1 + w, team.2 + q);
            RepAttainment {
                rep_id: rep.id,
                name: rep.name.clone(),
                team: rep.team.clone(),
                won_value: money(w),
                quota: money(q),
                attainment: attainment(w, q),
            }
        })
        .collect();
    let teams = teams
        .into_iter()
        .map(|(team, (reps, w, q))| TeamAttainment {
            team: team.to_string(),
            reps,
            won_value: money(w),
            quota: money(q),
            attainment: attainment(w, q),
        })
        .collect();
    QuotaAttainment { reps, teams }
}

fn attainment(won: i128, quota: i128) -> Option<f64> {
    (quota != 0).then(|| won as f64 / quota as f64)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn quarter(y: i32, n: u8) -> Quarter {
        Quarter::new(y, n).unwrap_or(Quarter::containing(day(y, 1, 1)))
    }

    #[test]
    fn quotas_prorate_by_days_of_the_quarter_in_the_period() {
        let period = Period {
            from: day(2026, 8, 15),
            to: day(2026, 11, 26),
        };
        // Q3 2026 has 92 days, 47 of them from Aug 15: 92,000.00 × 47 / 92 = 47,000.00.
        assert_eq!(
            prorated_quota(Money(9_200_000), quarter(2026, 3), period),
            Money(4_700_000)
        );
        // Q4 2026 has 92 days, 57 of them up to Nov 26: 9,200 × 57 / 92 = 5,700.
        assert_eq!(
            prorated_quota(Money(920_000), quarter(2026, 4), period),
            Money(570_000)
        );
        assert_eq!(
            prorated_quota(Money(920_000), quarter(2027, 1), period),
            Money::ZERO
        );
        // Leap Q1 2024 has 91 days; one day of 100 cents is 1.0989 → 1 cent.
        let one_day = Period {
            from: day(2024, 2, 29),
            to: day(2024, 2, 29),
        };
        assert_eq!(
            prorated_quota(Money(100), quarter(2024, 1), one_day),
            Money(1)
        );
        assert_eq!(
            prorated_quota(Money(91), quarter(2024, 1), one_day),
            Money(1)
        );
    }

    #[test]
    fn no_reps_no_rows_and_zero_quota_gives_none() {
        let empty = quota_attainment(
            &PipelineFacts::default(),
            Period {
                from: day(2026, 1, 1),
                to: day(2026, 3, 31),
            },
        );
        assert!(empty.reps.is_empty() && empty.teams.is_empty());
        assert_eq!(attainment(5, 0), None);
        assert_eq!(attainment(3, 4), Some(0.75));
    }
}
