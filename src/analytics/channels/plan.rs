//! The whole answer for a budget: every channel's fit, bounds, current and recommended spend,
//! predicted revenue and marginal return at both, and the totals with the uplift.
//!
//! Channels that are not fitted keep their current spend: it is taken off the budget first and
//! their revenue is not predicted, so the revenue totals cover fitted channels only.

use serde::Serialize;

use super::allocate::{Bounds, allocate};
use super::curve::MonthPoint;
use super::error::ChannelsError;
use super::fit::{Fit, Unfitted, fit_channel};

/// A channel's history and current spend, as the database gives them (dollars).
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelInput {
    /// The channel's name.
    pub name: String,
    /// Monthly spend and revenue, oldest first.
    pub history: Vec<MonthPoint>,
    /// The spend of its latest month: what it spends now.
    pub current_spend: f64,
}

/// A channel with its fit (or why it has none): computed once, re-allocated for every budget.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedChannel {
    /// The channel's name.
    pub name: String,
    /// Its history, for the chart.
    pub history: Vec<MonthPoint>,
    /// What it spends now.
    pub current_spend: f64,
    /// The fitted curve, or why the channel keeps its spend.
    pub fit: Result<Fit, Unfitted>,
}

impl FittedChannel {
    /// Fits `input`'s curve. Months with neither spend nor revenue are not history: they are
    /// left out of the fit, the chart and the bounds, and when the latest months are such, the
    /// current spend is that of the latest month with either.
    pub fn new(input: ChannelInput) -> FittedChannel {
        let ends_empty = input.history.last().is_some_and(MonthPoint::is_empty);
        let history: Vec<MonthPoint> = input
            .history
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        let current_spend = match history.last() {
            Some(last) if ends_empty => last.spend,
            _ => input.current_spend,
        };
        FittedChannel {
            fit: fit_channel(&history),
            name: input.name,
            history,
            current_spend,
        }
    }

    /// The bounds used when the manager sets none: a fitted channel may go from the least spend
    /// its curve is used at (zero, or a log curve's break-even spend) to twice the most it has
    /// ever spent in a month (the curve is not trusted further out); an unfitted channel is held
    /// at its current spend.
    pub fn default_bounds(&self) -> Bounds {
        match self.fit {
            Ok(fit) => Bounds {
                lo: fit.curve.min_spend(),
                hi: 2.0
                    * self
                        .history
                        .iter()
                        .map(|p| p.spend)
                        .fold(self.current_spend, f64::max),
            },
            Err(_) => self.held(),
        }
    }

    fn held(&self) -> Bounds {
        Bounds {
            lo: self.current_spend,
            hi: self.current_spend,
        }
    }
}

/// The bounds of every channel when the manager sets none.
pub fn default_bounds(channels: &[FittedChannel]) -> Vec<Bounds> {
    channels.iter().map(FittedChannel::default_bounds).collect()
}

/// One channel's row of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelPlan {
    /// The channel's name.
    pub name: String,
    /// Its fitted curve, when it has one.
    pub fit: Option<Fit>,
    /// Why it keeps its spend, when it has no curve.
    pub unfitted: Option<Unfitted>,
    /// The bounds it was allocated within.
    pub bounds: Bounds,
    /// What it spends now.
    pub current_spend: f64,
    /// What it should spend.
    pub recommended_spend: f64,
    /// Predicted monthly revenue at the current spend (fitted channels only).
    pub current_revenue: Option<f64>,
    /// Predicted monthly revenue at the recommended spend (fitted channels only).
    pub recommended_revenue: Option<f64>,
    /// Revenue from the next dollar at the current spend.
    pub current_marginal: Option<f64>,
    /// Revenue from the next dollar at the recommended spend.
    pub recommended_marginal: Option<f64>,
}

/// The recommended split of a budget and what it is predicted to earn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The monthly budget split.
    pub budget: f64,
    /// One row per channel, in the order given.
    pub channels: Vec<ChannelPlan>,
    /// The common marginal return of channels inside their bounds.
    pub multiplier: Option<f64>,
    /// Predicted revenue of the fitted channels at their current spend.
    pub current_revenue: f64,
    /// Predicted revenue of the fitted channels at the recommended spend.
    pub recommended_revenue: f64,
    /// Recommended minus current predicted revenue.
    pub uplift: f64,
}

/// Splits `budget` across `channels` within `bounds` (one per channel; an unfitted channel is
/// held at its current spend whatever its bounds say) to maximise predicted revenue.
pub fn plan(
    channels: &[FittedChannel],
    bounds: &[Bounds],
    budget: f64,
) -> Result<Plan, ChannelsError> {
    let bounds: Vec<Bounds> = channels
        .iter()
        .zip(bounds.iter().copied().chain(std::iter::repeat(Bounds {
            lo: f64::NAN,
            hi: f64::NAN,
        })))
        .map(|(c, b)| match c.fit {
            // Never below the least spend the curve predicts revenue at.
            Ok(fit) => Bounds {
                lo: b.lo.max(fit.curve.min_spend()),
                hi: b.hi,
            },
            Err(_) => c.held(),
        })
        .collect();
    if let Some((c, b)) = channels.iter().zip(&bounds).find(|(_, b)| !b.valid()) {
        return Err(ChannelsError::BadBounds {
            channel: c.name.clone(),
            lo: b.lo,
            hi: b.hi,
        });
    }
    let fitted: Vec<(usize, _)> = channels
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.fit.as_ref().ok().map(|f| (i, (f.curve, bounds[i]))))
        .collect();
    let held: f64 = channels
        .iter()
        .filter(|c| c.fit.is_err())
        .map(|c| c.current_spend)
        .sum();
    if !budget.is_finite() || budget < 0.0 {
        return Err(ChannelsError::BadBudget);
    }
    let pairs: Vec<_> = fitted.iter().map(|(_, pair)| *pair).collect();
    let allocation = allocate(&pairs, budget - held).map_err(|e| with_held(e, held, budget))?;
    let mut recommended: Vec<f64> = channels.iter().map(|c| c.current_spend).collect();
    for ((i, _), spend) in fitted.iter().zip(&allocation.spend) {
        recommended[*i] = *spend;
    }
    let rows: Vec<ChannelPlan> = channels
        .iter()
        .zip(&bounds)
        .zip(&recommended)
        .map(|((c, b), &spend)| {
            let fit = c.fit.as_ref().ok().copied();
            let at = |s: f64, f: fn(&super::Curve, f64) -> f64| fit.map(|fit| f(&fit.curve, s));
            ChannelPlan {
                name: c.name.clone(),
                fit,
                unfitted: c.fit.as_ref().err().cloned(),
                bounds: *b,
                current_spend: c.current_spend,
                recommended_spend: spend,
                current_revenue: at(c.current_spend, super::Curve::revenue),
                recommended_revenue: at(spend, super::Curve::revenue),
                current_marginal: at(c.current_spend, super::Curve::marginal),
                recommended_marginal: at(spend, super::Curve::marginal),
            }
        })
        .collect();
    let current_revenue: f64 = rows.iter().filter_map(|r| r.current_revenue).sum();
    let recommended_revenue: f64 = rows.iter().filter_map(|r| r.recommended_revenue).sum();
    Ok(Plan {
        budget,
        channels: rows,
        multiplier: allocation.multiplier,
        current_revenue,
        recommended_revenue,
        uplift: recommended_revenue - current_revenue,
    })
}

impl Plan {
    /// The recommended spends in cents, rounded so that they add up to the budget in cents
    /// (largest remainders get the odd cents), as `:apply` stores them.
    pub fn recommended_cents(&self) -> Vec<i64> {
        let exact: Vec<f64> = self
            .channels
            .iter()
            .map(|c| (c.recommended_spend * 100.0).max(0.0))
            .collect();
        let mut cents: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
        let short = (self.budget * 100.0).round() as i64 - cents.iter().sum::<i64>();
        if (0..=cents.len() as i64).contains(&short) {
            let mut order: Vec<usize> = (0..cents.len()).collect();
            order.sort_by(|&a, &b| (exact[b].fract()).total_cmp(&exact[a].fract()));
            for &i in order.iter().take(short as usize) {
                cents[i] += 1;
            }
        }
        cents
    }
}

/// Restates an infeasible-budget error in terms of the whole budget, held channels included.
fn with_held(error: ChannelsError, held: f64, budget: f64) -> ChannelsError {
    match error {
        ChannelsError::BudgetBelowBounds { lower, .. } => ChannelsError::BudgetBelowBounds {
            budget,
            lower: lower + held,
        },
        ChannelsError::BudgetAboveBounds { upper, .. } => ChannelsError::BudgetAboveBounds {
            budget,
            upper: upper + held,
        },
        ChannelsError::BadBudget => ChannelsError::BudgetBelowBounds {
            budget,
            lower: held,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(name: &str, months: usize, revenue: impl Fn(f64) -> f64) -> FittedChannel {
        let history: Vec<MonthPoint> = (0..months)
            .map(|i| {
                let spend = 2_000.0 * 1.3f64.powi((i * 5 % months.max(1)) as i32);
                MonthPoint {
                    spend,
                    revenue: revenue(spend),
                }
            })
            .collect();
        let current_spend = history.last().map_or(0.0, |p| p.spend);
        FittedChannel::new(ChannelInput {
            name: name.into(),
            history,
            current_spend,
        })
    }

    #[test]
    fn a_channel_with_no_positive_response_keeps_its_spend() {
        let channels = vec![
            channel("Search", 12, |s| -30_000.0 + 20_000.0 * s.ln()),
            channel("Flat", 12, |s| 80_000.0 - 3_000.0 * s.ln()),
        ];
        assert!(matches!(
            channels[1].fit,
            Err(Unfitted::NoPositiveResponse { .. })
        ));
        let budget = channels.iter().map(|c| c.current_spend).sum::<f64>() * 1.5;
        let plan = plan(&channels, &default_bounds(&channels), budget).expect("feasible");
        let flat = &plan.channels[1];
        assert_eq!(flat.recommended_spend, flat.current_spend);
        assert_eq!(flat.recommended_revenue, None);
        let search = &plan.channels[0];
        assert!((search.recommended_spend + flat.current_spend - budget).abs() < 1e-6 * budget);
        assert!(plan.uplift > 0.0);
        let cents = plan.recommended_cents();
        assert_eq!(cents.iter().sum::<i64>(), (budget * 100.0).round() as i64);
        assert_eq!(cents[1], (flat.current_spend * 100.0) as i64);
    }

    #[test]
    fn a_short_history_keeps_its_spend_and_counts_against_the_budget() {
        let channels = vec![
            channel("Search", 12, |s| -30_000.0 + 20_000.0 * s.ln()),
            channel("New", 4, |s| 3.0 * s),
        ];
        assert_eq!(channels[1].fit, Err(Unfitted::TooFewMonths { months: 4 }));
        let held = channels[1].current_spend;
        let err = plan(&channels, &default_bounds(&channels), held / 2.0);
        assert_eq!(
            err,
            Err(ChannelsError::BudgetBelowBounds {
                budget: held / 2.0,
                lower: held
            })
        );
    }

    #[test]
    fn uplift_is_never_negative_when_the_current_split_is_feasible() {
        let channels = vec![
            channel("A", 12, |s| -30_000.0 + 20_000.0 * s.ln()),
            channel("B", 12, |s| 150_000.0 * (1.0 - (-s / 9_000.0).exp())),
        ];
        let budget: f64 = channels.iter().map(|c| c.current_spend).sum();
        let plan = plan(&channels, &default_bounds(&channels), budget).expect("feasible");
        assert!(
            plan.uplift >= -1e-9 * plan.current_revenue.abs(),
            "{}",
            plan.uplift
        );
    }
}
