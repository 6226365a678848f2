//! Splitting a budget across fitted channels to maximise Σ R_i(s_i) with Σ s_i = B and
//! lo_i ≤ s_i ≤ hi_i. The curves are concave, so the optimum has one multiplier μ with
//! R_i'(s_i) = μ on every channel strictly inside its bounds, R_i'(lo_i) ≤ μ where s_i = lo_i and
//! R_i'(hi_i) ≥ μ where s_i = hi_i (KKT). Spend s_i(μ) = clamp(R_i'⁻¹(μ), lo_i, hi_i) falls as μ
//! rises, so μ is found by bisection until Σ s_i(μ) is within 1e-9 of B, relatively.

use serde::Serialize;

use super::curve::Curve;
use super::error::ChannelsError;

/// Stop when |Σ s − B| ≤ this × B.
pub const BUDGET_TOLERANCE: f64 = 1e-10;
/// Bracket expansions and bisection steps at most (f64 spans about 2 100 doublings).
const MAX_STEPS: usize = 4_000;

/// The spend a channel may be given, in dollars a month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bounds {
    /// At least this.
    pub lo: f64,
    /// At most this.
    pub hi: f64,
}

impl Bounds {
    /// True when lo ≤ hi and both are numbers of zero or more.
    pub fn valid(&self) -> bool {
        self.lo >= 0.0 && self.lo <= self.hi && !self.hi.is_nan()
    }
}

/// The best split and its multiplier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Allocation {
    /// Spend per channel, in the order given.
    pub spend: Vec<f64>,
    /// The common marginal return μ of the channels inside their bounds (`None` when every
    /// channel sits at a bound because the budget equals Σ lo or Σ hi).
    pub multiplier: Option<f64>,
}

/// The split of `budget` across `channels` (curve and bounds each) that maximises predicted
/// revenue, or why no split can meet the budget within the bounds.
///
/// A curve is never given less than [`Curve::min_spend`] (where a log curve would predict
/// negative revenue): a lower bound below it is raised to it.
pub fn allocate(channels: &[(Curve, Bounds)], budget: f64) -> Result<Allocation, ChannelsError> {
    if !budget.is_finite() || budget < 0.0 {
        return Err(ChannelsError::BadBudget);
    }
    let channels: Vec<(Curve, Bounds)> = channels
        .iter()
        .map(|&(curve, b)| {
            let lo = b.lo.max(curve.min_spend());
            (curve, Bounds { lo, hi: b.hi })
        })
        .collect();
    let channels = channels.as_slice();
    if let Some((i, (_, b))) = channels.iter().enumerate().find(|(_, (_, b))| !b.valid()) {
        return Err(ChannelsError::BadBounds {
            channel: format!("channel {}", i + 1),
            lo: b.lo,
            hi: b.hi,
        });
    }
    let lower: f64 = channels.iter().map(|(_, b)| b.lo).sum();
    let upper: f64 = channels.iter().map(|(_, b)| b.hi).sum();
    let tolerance = BUDGET_TOLERANCE * budget;
    if lower > budget + tolerance {
        return Err(ChannelsError::BudgetBelowBounds { budget, lower });
    }
    if upper < budget - tolerance {
        return Err(ChannelsError::BudgetAboveBounds { budget, upper });
    }
    let at_bound = |pick: fn(&Bounds) -> f64| Allocation {
        spend: channels.iter().map(|(_, b)| pick(b)).collect(),
        multiplier: None,
    };
    if lower >= budget - tolerance {
        return Ok(at_bound(|b| b.lo));
    }
    if upper <= budget + tolerance {
        return Ok(at_bound(|b| b.hi));
    }
    let total = |mu: f64| -> f64 { spend_at(channels, mu).iter().sum() };
    let (mut low, mut high) = (1.0f64, 1.0f64);
    let mut steps = 0;
    while total(low) < budget && steps < MAX_STEPS {
        low /= 2.0;
        steps += 1;
    }
    while total(high) > budget && steps < MAX_STEPS {
        high *= 2.0;
        steps += 1;
    }
    let mut mu = (low * high).sqrt();
    while steps < MAX_STEPS {
        mu = (low * high).sqrt();
        if !(mu > low && mu < high) {
            mu = low + (high - low) / 2.0;
        }
        let spent = total(mu);
        if (spent - budget).abs() <= tolerance || mu <= low || mu >= high {
            break;
        }
        if spent > budget {
            low = mu;
        } else {
            high = mu;
        }
        steps += 1;
    }
    Ok(Allocation {
        spend: spend_at(channels, mu),
        multiplier: Some(mu),
    })
}

/// s_i(μ) for every channel.
fn spend_at(channels: &[(Curve, Bounds)], mu: f64) -> Vec<f64> {
    channels
        .iter()
        .map(|(curve, b)| curve.spend_at_marginal(mu).clamp(b.lo, b.hi))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> Vec<(Curve, Bounds)> {
        vec![
            (
                Curve::Log {
                    a: -20_000.0,
                    b: 30_000.0,
                },
                Bounds {
                    lo: 1_000.0,
                    hi: 60_000.0,
                },
            ),
            (
                Curve::Saturating {
                    c: 200_000.0,
                    k: 15_000.0,
                },
                Bounds {
                    lo: 0.0,
                    hi: 50_000.0,
                },
            ),
            (
                Curve::Log {
                    a: 5_000.0,
                    b: 8_000.0,
                },
                Bounds {
                    lo: 2_000.0,
                    hi: 6_000.0,
                },
            ),
        ]
    }

    fn objective(channels: &[(Curve, Bounds)], spend: &[f64]) -> f64 {
        channels
            .iter()
            .zip(spend)
            .map(|((c, _), s)| c.revenue(*s))
            .sum()
    }

    #[test]
    fn meets_the_budget_to_1e9() {
        let channels = three();
        for budget in [3_000.0, 20_000.0, 45_000.0, 90_000.0, 116_000.0] {
            let a = allocate(&channels, budget).expect("feasible");
            let spent: f64 = a.spend.iter().sum();
            assert!(
                (spent - budget).abs() <= 1e-9 * budget,
                "{spent} vs {budget}"
            );
        }
    }

    #[test]
    fn matches_a_brute_force_grid_on_three_channels() {
        let channels = three();
        let budget = 45_000.0;
        let best = allocate(&channels, budget).expect("feasible");
        let found = objective(&channels, &best.spend);
        let mut grid_best = f64::NEG_INFINITY;
        for s2 in (0..=1_800).map(|i| f64::from(i) * 25.0) {
            for s3 in (0..=200).map(|j| 2_000.0 + f64::from(j) * 20.0) {
                let s1 = budget - s2 - s3;
                if (1_000.0..=60_000.0).contains(&s1) {
                    grid_best = grid_best.max(objective(&channels, &[s1, s2, s3]));
                }
            }
        }
        assert!(
            found >= grid_best - 1e-9 * grid_best.abs(),
            "{found} below the grid's {grid_best}"
        );
        assert!(
            (found - grid_best).abs() <= 1e-6 * grid_best.abs(),
            "{found} vs grid {grid_best}"
        );
    }

    #[test]
    fn kkt_holds() {
        let mut channels = three();
        channels[1].1.lo = 30_000.0;
        channels[2].1.hi = 3_000.0;
        let a = allocate(&channels, 45_000.0).expect("feasible");
        let mu = a.multiplier.expect("interior");
        let mut interior = 0;
        for ((curve, b), s) in channels.iter().zip(&a.spend) {
            let m = curve.marginal(*s);
            if *s > b.lo && *s < b.hi {
                interior += 1;
                assert!((m / mu - 1.0).abs() < 1e-9, "interior marginal {m} vs {mu}");
            } else if *s <= b.lo {
                assert!(m <= mu * (1.0 + 1e-9), "at lo, marginal {m} > {mu}");
            } else {
                assert!(m >= mu * (1.0 - 1e-9), "at hi, marginal {m} < {mu}");
            }
        }
        assert_eq!(interior, 1);
        assert_eq!(
            a.spend[1], 30_000.0,
            "the second channel is held at its lower bound"
        );
        assert_eq!(
            a.spend[2], 3_000.0,
            "the third channel is held at its upper bound"
        );
        let unconstrained = allocate(&three(), 45_000.0).expect("feasible");
        let mu = unconstrained.multiplier.expect("interior");
        for ((curve, _), s) in three().iter().zip(&unconstrained.spend) {
            assert!(
                (curve.marginal(*s) / mu - 1.0).abs() < 1e-9,
                "equal marginal returns"
            );
        }
    }

    #[test]
    fn infeasible_bounds_are_reported() {
        let channels = three();
        assert_eq!(
            allocate(&channels, 2_000.0),
            Err(ChannelsError::BudgetBelowBounds {
                budget: 2_000.0,
                lower: 3_000.0
            })
        );
        assert_eq!(
            allocate(&channels, 200_000.0),
            Err(ChannelsError::BudgetAboveBounds {
                budget: 200_000.0,
                upper: 116_000.0
            })
        );
        assert_eq!(allocate(&channels, -1.0), Err(ChannelsError::BadBudget));
        let bad = vec![(channels[0].0, Bounds { lo: 5.0, hi: 1.0 })];
        assert!(matches!(
            allocate(&bad, 3.0),
            Err(ChannelsError::BadBounds { .. })
        ));
    }

    #[test]
    fn a_budget_equal_to_the_lower_bounds_puts_everyone_there() {
        let a = allocate(&three(), 3_000.0).expect("feasible");
        assert_eq!(a.spend, vec![1_000.0, 0.0, 2_000.0]);
        assert_eq!(a.multiplier, None);
    }
}
