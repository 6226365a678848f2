//! Invariants of the budget allocation on random concave curves and bounds: the budget is met to
//! 1e-9, bounds hold, KKT holds, and no feasible transfer between two channels earns more.

use proptest::prelude::*;
use salesdesk::analytics::channels::{Bounds, ChannelsError, Curve, allocate};

fn curve() -> impl Strategy<Value = Curve> {
    prop_oneof![
        (-50_000.0..50_000.0f64, 1_000.0..60_000.0f64).prop_map(|(a, b)| Curve::Log { a, b }),
        (10_000.0..500_000.0f64, 1_000.0..40_000.0f64)
            .prop_map(|(c, k)| Curve::Saturating { c, k }),
    ]
}

/// A curve and bounds starting no lower than its least usable spend (a log curve's break-even).
fn channel() -> impl Strategy<Value = (Curve, Bounds)> {
    (curve(), 0.0..20_000.0f64, 0.0..60_000.0f64)
        .prop_filter("break-even within reach", |(curve, _, _)| {
            curve.min_spend() < 1e6
        })
        .prop_map(|(curve, lo, width)| {
            let lo = lo.max(curve.min_spend());
            (curve, Bounds { lo, hi: lo + width })
        })
}

fn problem() -> impl Strategy<Value = (Vec<(Curve, Bounds)>, f64)> {
    prop::collection::vec(channel(), 1..6).prop_flat_map(|channels| {
        let lower: f64 = channels.iter().map(|(_, b)| b.lo).sum();
        let upper: f64 = channels.iter().map(|(_, b)| b.hi).sum();
        (Just(channels), 0.0..=1.0f64).prop_map(move |(c, t)| (c, lower + t * (upper - lower)))
    })
}

fn objective(channels: &[(Curve, Bounds)], spend: &[f64]) -> f64 {
    channels
        .iter()
        .zip(spend)
        .map(|((c, _), s)| c.revenue(*s))
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_allocation_is_feasible_kkt_and_unbeaten((channels, budget) in problem()) {
        let a = allocate(&channels, budget).expect("feasible by construction");
        for ((curve, _), s) in channels.iter().zip(&a.spend) {
            prop_assert!(curve.revenue(*s) >= 0.0, "negative revenue at {}", s);
        }
        let spent: f64 = a.spend.iter().sum();
        prop_assert!((spent - budget).abs() <= 1e-9 * budget.max(1.0), "{} vs {}", spent, budget);
        for ((_, b), s) in channels.iter().zip(&a.spend) {
            prop_assert!(*s >= b.lo && *s <= b.hi);
        }
        if let Some(mu) = a.multiplier {
            for ((curve, b), s) in channels.iter().zip(&a.spend) {
                let m = curve.marginal(*s);
                let tol = 1e-6 * mu;
                if *s > b.lo && *s < b.hi && *s >= 1.0 {
                    prop_assert!((m - mu).abs() <= tol, "interior {} vs {}", m, mu);
                } else if *s <= b.lo {
                    prop_assert!(m <= mu + tol, "at lo {} > {}", m, mu);
                } else if *s >= b.hi {
                    prop_assert!(m >= mu - tol, "at hi {} < {}", m, mu);
                }
            }
        }
        let best = objective(&channels, &a.spend);
        for i in 0..channels.len() {
            for j in 0..channels.len() {
                if i == j {
                    continue;
                }
                let room = (a.spend[i] - channels[i].1.lo).min(channels[j].1.hi - a.spend[j]);
                for share in [0.001, 0.1, 0.5, 1.0] {
                    let delta = room * share;
                    if delta <= 0.0 {
                        continue;
                    }
                    let mut moved = a.spend.clone();
                    moved[i] -= delta;
                    moved[j] += delta;
                    let other = objective(&channels, &moved);
                    prop_assert!(other <= best + 1e-7 * best.abs().max(1.0), "moving {} from {} to {} earns {} > {}", delta, i, j, other, best);
                }
            }
        }
    }

    #[test]
    fn budgets_outside_the_bounds_are_refused((channels, _) in problem(), over in 1.0..1e6f64) {
        let lower: f64 = channels.iter().map(|(_, b)| b.lo).sum();
        let upper: f64 = channels.iter().map(|(_, b)| b.hi).sum();
        let above = allocate(&channels, upper + over);
        prop_assert!(matches!(above, Err(ChannelsError::BudgetAboveBounds { .. })), "{:?}", above);
        if lower > over {
            let below = allocate(&channels, lower - over);
            prop_assert!(matches!(below, Err(ChannelsError::BudgetBelowBounds { .. })), "{:?}", below);
        }
    }
}
