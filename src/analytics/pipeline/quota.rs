//! Quota attainment per rep and per team: Won amount closed in the period against the quarterly
//! quotas prorated to the period.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::facts::PipelineFacts;
use super::period::{Period, Quarter};
use super::stats::{money, round_div};
use crate::domain::{Money, Stage};

/// Attainment of every rep and every team. Money fields are cents in JSON (`*_cents`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotaAttainment {
    /// One row per rep, in `facts.reps` order.
    pub reps: Vec<RepAttainment>,
    /// One row per team, by team name.
    pub teams: Vec<TeamAttainment>,
}

/// One rep's attainment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// days), each rounded to the cent, summed; `None` when no quota of the rep's covers the
    /// period (a rep without a quota, not one with a quota of $0).
    #[serde(rename = "quota_cents")]
    pub quota: Option<Money>,
    /// `won_value / quota`; `None` without a quota or when it is 0.
    pub attainment: Option<f64>,
}

/// One team's attainment: the sums over its reps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamAttainment {
    /// The team's name.
    pub team: String,
    /// How many reps it has.
    pub reps: u64,
    /// Won amount its reps closed in the period.
    #[serde(rename = "won_value_cents")]
    pub won_value: Money,
    /// How many of its reps have a quota for the period.
    pub reps_with_quota: u64,
    /// Sum of its reps' quotas for the period; `None` when none of them has one.
    #[serde(rename = "quota_cents")]
    pub quota: Option<Money>,
    /// Won by the reps with a quota ÷ their quotas (reps without one are left out, so they
    /// neither lift nor sink it); `None` without a quota or when it is 0.
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
        let covers = super::period::quarter_period(q.quarter)
            .is_some_and(|qp| period.overlap_days(qp.from, qp.to) > 0);
        if covers {
            let share = prorated_quota(q.amount, q.quarter, period);
            *quota.entry(q.rep_id).or_default() += i128::from(share.cents());
        }
    }
    let mut teams: BTreeMap<&str, TeamSums> = BTreeMap::new();
    let reps = facts
        .reps
        .iter()
        .map(|rep| {
            let w = won.get(&rep.id).copied().unwrap_or(0);
            let q = quota.get(&rep.id).copied();
            let team = teams.entry(rep.team.as_str()).or_default();
            team.reps += 1;
            team.won += w;
            if let Some(q) = q {
                team.with_quota += 1;
                team.won_with_quota += w;
                team.quota += q;
            }
            RepAttainment {
                rep_id: rep.id,
                name: rep.name.clone(),
                team: rep.team.clone(),
                won_value: money(w),
                quota: q.map(money),
                attainment: q.and_then(|q| attainment(w, q)),
            }
        })
        .collect();
    let teams = teams
        .into_iter()
        .map(|(team, sums)| {
            let has_quota = sums.with_quota > 0;
            TeamAttainment {
                team: team.to_string(),
                reps: sums.reps,
                won_value: money(sums.won),
                reps_with_quota: sums.with_quota,
                quota: has_quota.then(|| money(sums.quota)),
                attainment: has_quota
                    .then(|| attainment(sums.won_with_quota, sums.quota))
                    .flatten(),
            }
        })
        .collect();
    QuotaAttainment { reps, teams }
}

/// A team's running sums while its reps are counted.
#[derive(Default)]
struct TeamSums {
    reps: u64,
    won: i128,
    with_quota: u64,
    won_with_quota: i128,
    quota: i128,
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

    #[test]
    fn a_rep_without_a_quota_has_none_and_is_left_out_of_the_team_attainment() {
        use crate::analytics::pipeline::{DealFacts, QuotaFacts, RepFacts};
        let rep = |id: i64| RepFacts {
            id,
            name: format!("Rep {id}"),
            team: "North".into(),
        };
        let won = |id: i64, rep_id: i64, cents: i64| DealFacts {
            pipeline_id: 1,
            id,
            rep_id: Some(rep_id),
            product_id: None,
            amount: Money(cents),
            stage: Stage::Won,
            created_on: day(2026, 1, 5),
            closed_on: Some(day(2026, 2, 1)),
            probability_bp: None,
        };
        let facts = PipelineFacts {
            deals: vec![won(1, 1, 5_000), won(2, 2, 7_000)],
            quotas: vec![
                QuotaFacts {
                    rep_id: 1,
                    quarter: quarter(2026, 1),
                    amount: Money(10_000),
                },
                QuotaFacts {
                    rep_id: 2,
                    quarter: quarter(2025, 4),
                    amount: Money(10_000),
                },
            ],
            reps: vec![rep(1), rep(2)],
            ..PipelineFacts::default()
        };
        let q1 = Period {
            from: day(2026, 1, 1),
            to: day(2026, 3, 31),
        };
        let result = quota_attainment(&facts, q1);
        assert_eq!(result.reps[0].quota, Some(Money(10_000)));
        assert_eq!(result.reps[0].attainment, Some(0.5));
        assert_eq!(
            result.reps[1].quota, None,
            "rep 2's quota is for another quarter"
        );
        assert_eq!(result.reps[1].attainment, None);
        let team = &result.teams[0];
        assert_eq!((team.reps, team.reps_with_quota), (2, 1));
        assert_eq!(team.won_value, Money(12_000));
        assert_eq!(team.quota, Some(Money(10_000)));
        assert_eq!(team.attainment, Some(0.5), "rep 2's wins do not lift it");
    }
}
