//! The exact distribution of a sum of independent bets `amount × Bernoulli(p)` by discretised
//! convolution.
//!
//! Grid: `B = clamp(2²⁴ / n, 4,096, 65,536)` points for `n` bets. When the sum of all amounts is
//! at most 2 × 1.1 t (t the Freedman bound below) the grid is [0, Σ amounts]; otherwise it is a
//! window of ±1.1 t around the running mean of the partial sums, carried along bet by bet, and
//! mass that would leave it is kept at its edge — which happens only when a partial sum strays
//! more than t from its mean, with probability under 2e-9 (Freedman's inequality,
//! t = 7M + √(49M² + 42σ²)). Each amount is rounded to the nearest multiple of the step
//! `Δ = ⌈span / (B − 1)⌉` cents (at least one cent), and each bet is one pass moving the mass at k
//! to k (lost) and k + m (won), less the window's move. The other error is the rounding. Let
//! `E₊` be the sum of the amounts' round-down errors and `E₋` of their round-up errors: in every
//! outcome the true sum lies within `[grid sum − E₋, grid sum + E₊]`. So each quantile is exact
//! to within `−E₋ … +E₊` (the figure reported as `error` is the larger of the two), and the true
//! P(sum ≥ x) lies between the grid's P(sum ≥ x + E₋) and P(sum ≥ x − E₊)
//! ([`Distribution::p_at_least_bounds`]).
//!
//! That worst case (every bet rounded the same way landing at once) is loose for many bets, so a
//! second, probabilistic bound is kept too: the rounding error `D = Σ Xᵢ eᵢ` of a draw is a sum
//! of independent bounded terms, so by Bernstein's inequality `|D| ≤ d = |E D| + t` except with
//! probability [`ERROR_RISK`] (t = (2/3) M L + √((2/3 M L)² + 2 Var D · L), L = ln(2 / risk),
//! M the largest |eᵢ|). Then the true P(sum ≥ x) lies in
//! `[grid P(sum ≥ x + d) − risk, grid P(sum ≥ x − d) + risk]`, and the true q-quantile between the
//! grid's (q − risk)-quantile − d and its (q + risk)-quantile + d. Each figure uses the tighter
//! of the two bounds. Floating-point error of the passes is below 1e-12.

use serde::{Deserialize, Serialize};

use super::grid::{ERROR_RISK, likely_bound, pass, spread_bound};
use crate::domain::Money;

/// The fewest grid points of a distribution.
pub const MIN_BINS: usize = 4096;
/// The most grid points of a distribution.
pub const MAX_BINS: usize = 65_536;
/// Grid points × bets a distribution aims to stay within.
pub const WORK: usize = 1 << 24;

/// One bet: an amount won with a probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bet {
    /// Cents, ≥ 0.
    pub cents: i64,
    /// Probability of landing, 0 to 1.
    pub p: f64,
}

/// The distribution of `base + Σ amount_i × Bernoulli(p_i)` on a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    /// The certain part (closed won so far), cents.
    pub base: i64,
    /// Cents per grid step.
    pub step: i64,
    /// Grid point k stands for `base + (origin + k) × step`.
    pub origin: i64,
    /// Probability of `base + k × step` for each k.
    pub mass: Vec<f64>,
    /// The exact mean of the bets' sum (without `base`), not rounded to the grid, cents.
    pub mean: f64,
    /// E₊: the true sum is at most this above the grid sum in any outcome, cents.
    pub error_above: i64,
    /// E₋: the true sum is at most this below the grid sum in any outcome, cents.
    pub error_below: i64,
    /// d: |true sum − grid sum| ≤ d except with probability [`ERROR_RISK`], cents.
    pub error_likely: i64,
    /// The moments of the amounts' rounding, from which d is computed.
    pub rounding: Rounding,
}

/// The rounding error `D = Σ Xᵢ eᵢ` of a draw (`eᵢ` amount minus its grid amount): its mean, its
/// variance and the largest |eᵢ| — enough to recompute Bernstein's bound d for a sum of groups.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rounding {
    /// E D, cents.
    pub mean: f64,
    /// Var D, cents².
    pub var: f64,
    /// The largest |eᵢ|, cents.
    pub max: f64,
}

/// Whether the grid is a window around the running mean, and its span in cents: the whole
/// support [0, Σ amounts] when that is no wider than ±1.1 t (t the Freedman bound), else 2.2 t.
fn window(bets: &[Bet]) -> (bool, i64) {
    let all: i64 = bets.iter().map(|b| b.cents.max(0)).sum();
    let t = 1.1 * spread_bound(bets.iter().map(|b| (b.cents.max(0) as f64, b.p)));
    if (all as f64) > 2.0 * t {
        (true, (2.0 * t).ceil() as i64)
    } else {
        (false, all)
    }
}

/// The headline figures of a distribution against a target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// 10th percentile.
    pub p10: Money,
    /// Median.
    pub p50: Money,
    /// 90th percentile.
    pub p90: Money,
    /// Mean (exact: Σ amount × p, not rounded to the grid).
    pub mean: Money,
    /// The ± error of the percentiles above ([`Distribution::error`]).
    pub error: Money,
}

impl Distribution {
    /// The distribution of `base` plus the bets, on a grid of
    /// `B = clamp(2²⁴ / n, 4,096, 65,536)` points.
    pub fn new(base: i64, bets: &[Bet]) -> Distribution {
        Distribution::on_step(base, bets, Distribution::step_for(bets))
    }

    /// The grid step [`Distribution::new`] uses for these bets, cents.
    pub fn step_for(bets: &[Bet]) -> i64 {
        let bins = (WORK / bets.len().max(1)).clamp(MIN_BINS, MAX_BINS) as i64;
        ((window(bets).1 + bins - 2) / (bins - 1)).max(1)
    }

    /// The distribution of `base` plus the bets on a grid of `step` cents (at least 1), its window
    /// sized by the bets themselves as for [`Distribution::new`].
    pub fn on_step(base: i64, bets: &[Bet], step: i64) -> Distribution {
        let step = step.max(1);
        let (centred, span) = window(bets);
        let units: Vec<i64> = bets
            .iter()
            .map(|b| (b.cents.max(0) + step / 2) / step)
            .collect();
        let mut rounding = Rounding::default();
        let (mut error_above, mut error_below) = (0i64, 0i64);
        for (b, &m) in bets.iter().zip(&units) {
            let off = b.cents.max(0) - m * step;
            let (e, p) = (off as f64, b.p.clamp(0.0, 1.0));
            rounding.mean += p * e;
            rounding.var += p * (1.0 - p) * e * e;
            rounding.max = rounding.max.max(e.abs());
            if off > 0 {
                error_above += off;
            } else {
                error_below -= off;
            }
        }
        let len = if centred {
            usize::try_from((span + step - 1) / step).unwrap_or(0) + 1
        } else {
            usize::try_from(units.iter().sum::<i64>()).unwrap_or(0) + 1
        };
        let half = if centred { (len as i64 - 1) / 2 } else { 0 };
        let mut mass = vec![0.0; len];
        let mut next = vec![0.0; len];
        mass[usize::try_from(half).unwrap_or(0)] = 1.0;
        let (mut centre_exact, mut centre) = (0.0f64, 0i64);
        for (bet, &m) in bets.iter().zip(&units) {
            let p = bet.p.clamp(0.0, 1.0);
            if p == 0.0 || m == 0 {
                continue;
            }
            let shift = if centred {
                centre_exact += p * m as f64;
                let c = centre_exact.round() as i64;
                let s = c - centre;
                centre = c;
                s
            } else {
                0
            };
            pass(&mass, &mut next, m, shift, p);
            std::mem::swap(&mut mass, &mut next);
        }
        let mean = bets
            .iter()
            .map(|b| b.cents.max(0) as f64 * b.p.clamp(0.0, 1.0))
            .sum();
        Distribution {
            base,
            step,
            origin: centre - half,
            mass,
            mean,
            error_above,
            error_below,
            error_likely: likely_bound(rounding.mean, rounding.var, rounding.max),
            rounding,
        }
    }

    /// The amount grid point `k` stands for, cents.
    pub fn value(&self, k: usize) -> i64 {
        self.base + (self.origin + k as i64) * self.step
    }

    /// The smallest grid value `x` with P(sum ≤ x) ≥ `q`.
    pub fn quantile(&self, q: f64) -> Money {
        let mut cumulative = 0.0;
        for (k, p) in self.mass.iter().enumerate() {
            cumulative += p;
            if cumulative >= q - 1e-12 {
                return Money(self.value(k));
            }
        }
        Money(self.value(self.mass.len().saturating_sub(1)))
    }

    /// P(sum ≥ `target`) on the grid.
    pub fn p_at_least(&self, target: i64) -> f64 {
        let need = target - self.base;
        let index = need.div_euclid(self.step) + i64::from(need.rem_euclid(self.step) > 0);
        let Ok(from) = usize::try_from(index - self.origin) else {
            return 1.0;
        };
        self.mass.iter().skip(from).sum::<f64>().clamp(0.0, 1.0)
    }

    /// Bounds on the true P(sum ≥ `target`): the tighter of the worst-case ones (the grid's
    /// P(sum ≥ target + E₋) and P(sum ≥ target − E₊)) and the probabilistic ones.
    pub fn p_at_least_bounds(&self, target: i64) -> (f64, f64) {
        let sure = (
            self.p_at_least(target + self.error_below),
            self.p_at_least(target - self.error_above),
        );
        let d = self.error_likely;
        let likely = (
            (self.p_at_least(target + d) - ERROR_RISK).max(0.0),
            (self.p_at_least(target - d) + ERROR_RISK).min(1.0),
        );
        if sure.1 - sure.0 <= likely.1 - likely.0 {
            sure
        } else {
            likely
        }
    }

    /// Bounds on the true `q`-quantile, the tighter of the worst-case and probabilistic ones.
    pub fn quantile_bounds(&self, q: f64) -> (Money, Money) {
        let grid = self.quantile(q).cents();
        let sure = (grid - self.step - self.error_below, grid + self.error_above);
        let d = self.error_likely;
        let likely = (
            self.quantile(q - ERROR_RISK).cents() - self.step - d,
            self.quantile(q + ERROR_RISK).cents() + d,
        );
        let best = if sure.1 - sure.0 <= likely.1 - likely.0 {
            sure
        } else {
            likely
        };
        (Money(best.0), Money(best.1))
    }

    /// The ± error of the percentiles as reported: the smaller of max(E₊, E₋) and d.
    pub fn error(&self) -> i64 {
        self.error_above
            .max(self.error_below)
            .min(self.error_likely)
    }

    /// P10, P50, P90, the exact mean and the error bound.
    pub fn spread(&self) -> Spread {
        Spread {
            p10: self.quantile(0.1),
            p50: self.quantile(0.5),
            p90: self.quantile(0.9),
            mean: Money((self.base as f64 + self.mean).round() as i64),
            error: Money(self.error()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_coins_give_the_exact_distribution() {
        let bets = [
            Bet { cents: 100, p: 0.5 },
            Bet {
                cents: 300,
                p: 0.25,
            },
        ];
        let d = Distribution::new(1000, &bets);
        assert_eq!(d.step, 1);
        assert_eq!((d.error_above, d.error_below), (0, 0));
        assert!((d.p_at_least(1300) - 0.25).abs() < 1e-12);
        assert!((d.p_at_least(1100) - (1.0 - 0.375)).abs() < 1e-12);
        assert_eq!(d.quantile(0.3), Money(1000));
        assert_eq!(d.quantile(0.5), Money(1100));
        assert_eq!(d.quantile(0.9), Money(1400));
        assert_eq!(d.p_at_least(900), 1.0);
    }

    #[test]
    fn a_window_around_the_mean_gives_the_exact_tail() {
        let bets = vec![
            Bet {
                cents: 1_000,
                p: 0.001
            };
            5_000
        ];
        let d = Distribution::new(0, &bets);
        assert!((d.mass.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // The window spans ±1.1 t (about $254 each way), not the $50,000 of all the bets.
        assert!(d.step * 50 < 5_000_000 / 4_095, "step {}", d.step);
        // 5,000 coins of 0.1%: P(at least 3 land) = 1 − P(0) − P(1) − P(2).
        let n = 5_000.0f64;
        let p0 = 0.999f64.powf(n);
        let p1 = n * 0.001 * 0.999f64.powf(n - 1.0);
        let p2 = n * (n - 1.0) / 2.0 * 1e-6 * 0.999f64.powf(n - 2.0);
        let (low, high) = d.p_at_least_bounds(3_000);
        assert!(low - 1e-9 <= 1.0 - p0 - p1 - p2 && 1.0 - p0 - p1 - p2 <= high + 1e-9);
    }

    #[test]
    fn the_error_bound_counts_the_rounding() {
        let bets = vec![
            Bet {
                cents: 5_000_001,
                p: 0.5
            };
            3
        ];
        let d = Distribution::new(0, &bets);
        assert!(d.step > 1);
        let rounded = (5_000_001 + d.step / 2) / d.step * d.step;
        let off = 5_000_001 - rounded;
        assert_eq!(
            (d.error_above, d.error_below),
            (3 * off.max(0), 3 * (-off).max(0))
        );
        let (low, high) = d.p_at_least_bounds(10_000_002);
        assert!(low <= d.p_at_least(10_000_002) && d.p_at_least(10_000_002) <= high);
    }
}
