//! The stretch of the call's band: the model's distribution of bookings read with its
//! deviations from the mean multiplied by a factor learned from the call's track record
//! (`calibrate`), so that P10, P50, P90, P(hit) and the movers all come from one monotone
//! transform of the model's exact distribution.

use serde::{Deserialize, Serialize};

use super::distribution::{Distribution, Spread};
use crate::domain::Money;

/// The fewest scored (rep, period) pairs a calibration needs; with fewer the model's own band is
/// shown.
pub const MIN_PAIRS: usize = 20;

/// The stretch is kept between these factors.
pub const FACTOR_RANGE: (f64, f64) = (0.25, 10.0);

/// The share of results the band is meant to hold.
const COVERAGE: f64 = 0.8;

/// How much the model's deviations from the mean are stretched, and what that was learned from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BandScale {
    /// Deviations from the mean are multiplied by this (1: the model's own spread).
    pub factor: f64,
    /// The replayed (rep, period) pairs it was learned from (0: not calibrated).
    pub pairs: usize,
}

impl BandScale {
    /// The model's own band, not calibrated.
    pub const MODEL: BandScale = BandScale {
        factor: 1.0,
        pairs: 0,
    };

    /// The conformal factor of these scores (see the module), or [`BandScale::MODEL`] when there
    /// are fewer than [`MIN_PAIRS`].
    pub fn from_scores(scores: &[f64]) -> BandScale {
        let mut sorted: Vec<f64> = scores.iter().copied().filter(|s| !s.is_nan()).collect();
        if sorted.len() < MIN_PAIRS {
            return BandScale::MODEL;
        }
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let rank = ((COVERAGE * (n + 1) as f64).ceil() as usize).clamp(1, n);
        BandScale {
            factor: sorted[rank - 1].clamp(FACTOR_RANGE.0, FACTOR_RANGE.1),
            pairs: n,
        }
    }

    /// A few words for a narrow headline: "calibrated ×1.23" or "the model's own band".
    pub fn short(&self) -> String {
        if self.pairs == 0 {
            "the model's own band".to_string()
        } else {
            format!("calibrated ×{:.2}", self.factor)
        }
    }

    /// The distribution's P10, P50, P90 stretched around its mean and kept within what the model
    /// thinks possible (its lowest and highest outcome: never below the closed amount); the error
    /// bound stretches too.
    pub fn spread(&self, d: &Distribution) -> Spread {
        let raw = d.spread();
        let centre = d.base as f64 + d.mean;
        let (low, high) = support(d);
        let stretch = |m: Money| {
            let v = (centre + self.factor * (m.cents() as f64 - centre)).round() as i64;
            Money(v.clamp(low, high))
        };
        Spread {
            p10: stretch(raw.p10),
            p50: stretch(raw.p50),
            p90: stretch(raw.p90),
            mean: raw.mean,
            error: Money((raw.error.cents() as f64 * self.factor).ceil() as i64),
        }
    }

    /// The amount on the model's scale that `target` stands for: the stretched bookings reach
    /// `target` exactly when the model's draw reaches this.
    pub fn model_target(&self, d: &Distribution, target: i64) -> i64 {
        let centre = d.base as f64 + d.mean;
        (centre + (target as f64 - centre) / self.factor).ceil() as i64
    }

    /// P(stretched bookings ≥ `target`): certain at or below the lowest outcome, nil above the
    /// highest.
    pub fn p_at_least(&self, d: &Distribution, target: i64) -> f64 {
        match self.beyond(d, target) {
            Some(p) => p,
            None => d.p_at_least(self.model_target(d, target)),
        }
    }

    /// Bounds on P(stretched bookings ≥ `target`) from the grid's error.
    pub fn p_at_least_bounds(&self, d: &Distribution, target: i64) -> (f64, f64) {
        match self.beyond(d, target) {
            Some(p) => (p, p),
            None => d.p_at_least_bounds(self.model_target(d, target)),
        }
    }

    /// P(stretched bookings ≥ `target`) when `target` is outside the model's outcomes.
    fn beyond(&self, d: &Distribution, target: i64) -> Option<f64> {
        let (low, high) = support(d);
        if target <= low {
            Some(1.0)
        } else if target > high {
            Some(0.0)
        } else {
            None
        }
    }
}

impl std::fmt::Display for BandScale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pairs == 0 {
            write!(
                f,
                "band: the model's own (under {MIN_PAIRS} past results to calibrate it)"
            )
        } else {
            write!(
                f,
                "band: the model's ×{:.2}, calibrated on {} past results",
                self.factor, self.pairs
            )?;
            if self.factor >= FACTOR_RANGE.1 {
                write!(f, " (its limit: past results strayed further)")?;
            }
            Ok(())
        }
    }
}

/// The lowest and highest amounts the distribution gives any chance to.
fn support(d: &Distribution) -> (i64, i64) {
    let first = d.mass.iter().position(|m| *m > 0.0).unwrap_or(0);
    let last = d.mass.iter().rposition(|m| *m > 0.0).unwrap_or(0);
    (d.value(first), d.value(last).max(d.value(first)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::Bet;

    #[test]
    fn the_factor_is_the_conformal_quantile_of_the_scores() {
        // 24 scores 0.1, 0.2, …, 2.4: ⌈0.8 × 25⌉ = 20th smallest = 2.0.
        let scores: Vec<f64> = (1..=24).map(|i| f64::from(i) / 10.0).collect();
        let band = BandScale::from_scores(&scores);
        assert!((band.factor - 2.0).abs() < 1e-12, "{band:?}");
        assert_eq!(band.pairs, 24);
        // Too few pairs: the model's own band.
        assert_eq!(BandScale::from_scores(&scores[..19]), BandScale::MODEL);
        // Kept within the range, misses off a zero-width band included.
        let wild = vec![f64::INFINITY; 30];
        assert_eq!(BandScale::from_scores(&wild).factor, FACTOR_RANGE.1);
        assert_eq!(BandScale::from_scores(&[0.0; 30]).factor, FACTOR_RANGE.0);
    }

    #[test]
    fn stretching_is_one_transform_of_every_figure() {
        let bets = [Bet { cents: 100, p: 0.5 }, Bet { cents: 300, p: 0.5 }];
        let d = Distribution::new(1_000, &bets);
        // Mean 1,200; the sums 1,000 / 1,100 / 1,300 / 1,400 each with ¼.
        let band = BandScale {
            factor: 2.0,
            pairs: 30,
        };
        let s = band.spread(&d);
        // 1,200 + 2 × (1,000 − 1,200) = 800 is below anything possible: kept at 1,000; 1,600
        // above: kept at 1,400.
        assert_eq!(
            (s.p10, s.p50, s.p90),
            (Money(1_000), Money(1_000), Money(1_400))
        );
        assert_eq!(s.mean, Money(1_200));
        // Stretched bookings ≥ 1,350 ⟺ model draw ≥ 1,275: 1,300 or 1,400, with ½.
        assert_eq!(band.model_target(&d, 1_350), 1_275);
        assert!((band.p_at_least(&d, 1_350) - 0.5).abs() < 1e-12);
        assert!((BandScale::MODEL.p_at_least(&d, 1_300) - 0.5).abs() < 1e-12);
        let (low, high) = band.p_at_least_bounds(&d, 1_350);
        assert!(low <= 0.5 && 0.5 <= high);
        // Outside what is possible: certain and nil.
        assert_eq!(band.p_at_least(&d, 1_000), 1.0);
        assert_eq!(band.p_at_least(&d, 1_401), 0.0);
    }
}
