//! Channel plans against results: per channel and planned month, planned against actual spend
//! and predicted against actual revenue, and whether the actual revenue fell outside the plan's
//! 95% prediction interval. A channel whose latest checked months fell outside two months
//! running is flagged: its curve no longer fits.

use serde::Serialize;

use crate::analytics::channels::Fit;
use crate::domain::{Money, next_month};

/// z of a two-sided 95% normal interval.
pub const Z95: f64 = 1.959_964;

/// Consecutive months outside the interval that flag a channel.
pub const RUN_TO_FLAG: usize = 2;

/// A prediction and its 95% interval, in dollars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Predicted revenue.
    pub mid: f64,
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
}

/// Revenue `fit` predicts at `spend` (dollars a month), ± z₉₅ residual standard errors.
pub fn predict(fit: &Fit, spend: f64) -> Interval {
    let mid = fit.curve.revenue(spend);
    let half = Z95 * fit.residual_se;
    Interval {
        mid,
        low: mid - half,
        high: mid + half,
    }
}

/// One planned month of a channel as the database holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanMonthFacts {
    /// `YYYY-MM`.
    pub month: String,
    /// Spend the plan set.
    pub planned_spend: Money,
    /// Spend and revenue that month, once the month is in the history.
    pub actual: Option<(Money, Money)>,
    /// Predicted revenue with its low and high ends, when the plan stored them.
    pub predicted: Option<(Money, Money, Money)>,
}

/// A channel's planned months, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelFacts {
    /// The channel's name.
    pub name: String,
    /// Its planned months, oldest first.
    pub months: Vec<PlanMonthFacts>,
}

/// One planned month, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCheck {
    /// `YYYY-MM`.
    pub month: String,
    /// Spend the plan set.
    pub planned_spend_cents: Money,
    /// Spend that month (none before the month is in the history).
    pub actual_spend_cents: Option<Money>,
    /// Predicted revenue.
    pub predicted_revenue_cents: Option<Money>,
    /// Low end of the 95% interval.
    pub low_cents: Option<Money>,
    /// High end of the 95% interval.
    pub high_cents: Option<Money>,
    /// Revenue that month.
    pub actual_revenue_cents: Option<Money>,
    /// True when the actual revenue is outside the interval; none when either is missing.
    pub outside: Option<bool>,
}

/// A channel's planned months, checked, and its flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelCheck {
    /// The channel's name.
    pub name: String,
    /// Its planned months, oldest first.
    pub months: Vec<MonthCheck>,
    /// Consecutive calendar months outside the interval, ending at the latest checked month.
    pub outside_run: usize,
    /// True when `outside_run` reaches [`RUN_TO_FLAG`]: the curve no longer fits.
    pub flagged: bool,
}

/// Checks every channel's planned months.
pub fn check_channels(channels: &[ChannelFacts]) -> Vec<ChannelCheck> {
    channels.iter().map(check_channel).collect()
}

fn check_channel(facts: &ChannelFacts) -> ChannelCheck {
    let months: Vec<MonthCheck> = facts.months.iter().map(check_month).collect();
    let checked: Vec<&MonthCheck> = months.iter().filter(|m| m.outside.is_some()).collect();
    let mut outside_run = 0;
    let mut after: Option<&str> = None;
    for m in checked.iter().rev() {
        let follows = after.is_none_or(|later| next_month(&m.month).as_deref() == Some(later));
        if m.outside != Some(true) || !follows {
            break;
        }
        outside_run += 1;
        after = Some(&m.month);
    }
    ChannelCheck {
        name: facts.name.clone(),
        months,
        outside_run,
        flagged: outside_run >= RUN_TO_FLAG,
    }
}

fn check_month(m: &PlanMonthFacts) -> MonthCheck {
    let revenue = m.actual.map(|(_, r)| r);
    let outside = match (m.predicted, revenue) {
        (Some((_, low, high)), Some(r)) => Some(r < low || r > high),
        _ => None,
    };
    MonthCheck {
        month: m.month.clone(),
        planned_spend_cents: m.planned_spend,
        actual_spend_cents: m.actual.map(|(s, _)| s),
        predicted_revenue_cents: m.predicted.map(|p| p.0),
        low_cents: m.predicted.map(|p| p.1),
        high_cents: m.predicted.map(|p| p.2),
        actual_revenue_cents: revenue,
        outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: &str, revenue: Option<i64>) -> PlanMonthFacts {
        PlanMonthFacts {
            month: m.into(),
            planned_spend: Money(1_000),
            actual: revenue.map(|r| (Money(900), Money(r))),
            predicted: Some((Money(5_000), Money(4_000), Money(6_000))),
        }
    }

    fn check(months: Vec<PlanMonthFacts>) -> ChannelCheck {
        check_channel(&ChannelFacts {
            name: "Search".into(),
            months,
        })
    }

    #[test]
    fn the_interval_is_inclusive_and_two_months_running_flag() {
        let c = check(vec![
            month("2026-01", Some(4_000)),
            month("2026-02", Some(6_500)),
            month("2026-03", Some(3_999)),
        ]);
        let outside: Vec<Option<bool>> = c.months.iter().map(|m| m.outside).collect();
        assert_eq!(outside, [Some(false), Some(true), Some(true)]);
        assert_eq!(c.outside_run, 2);
        assert!(c.flagged);
    }

    #[test]
    fn one_month_out_or_a_gap_between_does_not_flag() {
        let one = check(vec![
            month("2026-01", Some(7_000)),
            month("2026-02", Some(5_000)),
            month("2026-03", Some(7_000)),
        ]);
        assert_eq!((one.outside_run, one.flagged), (1, false));
        let gap = check(vec![
            month("2026-01", Some(7_000)),
            month("2026-03", Some(7_000)),
        ]);
        assert_eq!((gap.outside_run, gap.flagged), (1, false));
    }

    #[test]
    fn months_without_actuals_are_not_checked() {
        let c = check(vec![
            month("2026-01", Some(7_000)),
            month("2026-02", Some(7_000)),
            month("2026-03", None),
        ]);
        assert_eq!(c.months[2].outside, None);
        assert_eq!(c.months[2].actual_spend_cents, None);
        assert!(
            c.flagged,
            "the latest checked months are January and February"
        );
    }
}
