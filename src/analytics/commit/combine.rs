//! The distribution of a sum of independent groups (reps into a team, teams into the total) from
//! the groups' own distributions, by one FFT convolution instead of redoing every bet.
//!
//! The groups' grids are put on one step `S` (the largest of theirs): each grid value is moved to
//! the nearest multiple of `S`, and how far each group moves at most (up or down, over the points
//! that carry mass) is added to the sum's worst-case errors E₊ and E₋ and to its probabilistic
//! bound d. A group already on step `S` with an origin on it moves nothing. The rounding moments
//! add up (the bets of all groups are independent), so d is Bernstein's bound of all the bets'
//! rounding plus the moves. The product of the groups' transforms is exact up to floating point
//! (below 1e-12 per point); tiny negative values it leaves are set to 0.

use std::sync::Arc;

use rustfft::num_complex::Complex;
use rustfft::{Fft, FftPlanner};

use super::distribution::{Distribution, Rounding};
use super::grid::likely_bound;

/// One group put on the common step: its points (in units of the step, from `low`) and how far
/// its values moved.
struct Placed {
    low: i64,
    mass: Vec<f64>,
    up: i64,
    down: i64,
}

fn place(d: &Distribution, step: i64) -> Placed {
    let at = |k: usize| (d.origin + k as i64) * d.step;
    let unit = |v: i64| (v + step.div_euclid(2)).div_euclid(step);
    let carried: Vec<usize> = (0..d.mass.len()).filter(|k| d.mass[*k] > 0.0).collect();
    let (Some(&first), Some(&last)) = (carried.first(), carried.last()) else {
        return Placed {
            low: 0,
            mass: vec![1.0],
            up: 0,
            down: 0,
        };
    };
    let low = unit(at(first));
    let mut mass = vec![0.0; usize::try_from(unit(at(last)) - low).unwrap_or(0) + 1];
    let (mut up, mut down) = (0i64, 0i64);
    for k in carried {
        let u = unit(at(k));
        let off = at(k) - u * step;
        up = up.max(off);
        down = down.max(-off);
        mass[usize::try_from(u - low).unwrap_or(0)] += d.mass[k];
    }
    Placed {
        low,
        mass,
        up,
        down,
    }
}

/// The distribution of the sum of independent groups, each given by its distribution. An empty
/// list gives the sum 0 for sure.
pub fn combine(parts: &[&Distribution]) -> Distribution {
    let step = parts.iter().map(|d| d.step).max().unwrap_or(1).max(1);
    let placed: Vec<Placed> = parts.iter().map(|d| place(d, step)).collect();
    let all: Vec<usize> = (0..parts.len()).collect();
    let len = length(&placed, &all);
    let mass = if placed.len() == 1 {
        placed[0].mass.clone()
    } else {
        let spectra = Spectra::new(&placed, len.next_power_of_two());
        spectra.sum(&all, len)
    };
    assemble(parts, &placed, &all, step, mass)
}

/// For each group, the distribution of the sum of all the others: one transform per group,
/// then one inverse transform per group, instead of a whole [`combine`] for each.
pub fn all_but_one(groups: &[Distribution]) -> Vec<Distribution> {
    let parts: Vec<&Distribution> = groups.iter().collect();
    let step = parts.iter().map(|d| d.step).max().unwrap_or(1).max(1);
    let placed: Vec<Placed> = parts.iter().map(|d| place(d, step)).collect();
    let all: Vec<usize> = (0..parts.len()).collect();
    let spectra = Spectra::new(&placed, length(&placed, &all).next_power_of_two());
    (0..parts.len())
        .map(|g| {
            let others: Vec<usize> = all.iter().copied().filter(|i| *i != g).collect();
            let mass = spectra.sum(&others, length(&placed, &others));
            assemble(&parts, &placed, &others, step, mass)
        })
        .collect()
}

/// Points of the sum of the `chosen` placed groups.
fn length(placed: &[Placed], chosen: &[usize]) -> usize {
    chosen
        .iter()
        .map(|i| placed[*i].mass.len() - 1)
        .sum::<usize>()
        + 1
}

/// The sum's distribution from its mass and its groups' figures and errors.
fn assemble(
    parts: &[&Distribution],
    placed: &[Placed],
    chosen: &[usize],
    step: i64,
    mass: Vec<f64>,
) -> Distribution {
    let rounding = chosen.iter().fold(Rounding::default(), |r, i| Rounding {
        mean: r.mean + parts[*i].rounding.mean,
        var: r.var + parts[*i].rounding.var,
        max: r.max.max(parts[*i].rounding.max),
    });
    let total = |f: &dyn Fn(usize) -> i64| chosen.iter().map(|i| f(*i)).sum::<i64>();
    Distribution {
        base: total(&|i| parts[i].base),
        step,
        origin: total(&|i| placed[i].low),
        mass,
        mean: chosen.iter().map(|i| parts[*i].mean).sum(),
        error_above: total(&|i| parts[i].error_above + placed[i].up),
        error_below: total(&|i| parts[i].error_below + placed[i].down),
        error_likely: likely_bound(rounding.mean, rounding.var, rounding.max)
            + total(&|i| placed[i].up.max(placed[i].down)),
        rounding,
    }
}

/// The transforms of the placed groups, zero-padded to `n` points.
struct Spectra {
    n: usize,
    each: Vec<Vec<Complex<f64>>>,
    inverse: Arc<dyn Fft<f64>>,
}

impl Spectra {
    fn new(placed: &[Placed], n: usize) -> Spectra {
        let mut planner = FftPlanner::<f64>::new();
        let forward = planner.plan_fft_forward(n);
        let each = placed
            .iter()
            .map(|p| {
                let mut buffer = vec![Complex::new(0.0, 0.0); n];
                for (c, m) in buffer.iter_mut().zip(&p.mass) {
                    c.re = *m;
                }
                forward.process(&mut buffer);
                buffer
            })
            .collect();
        Spectra {
            n,
            each,
            inverse: planner.plan_fft_inverse(n),
        }
    }

    /// The first `len` points of the convolution of the `chosen` groups, renormalised.
    fn sum(&self, chosen: &[usize], len: usize) -> Vec<f64> {
        let mut product = vec![Complex::new(1.0, 0.0); self.n];
        for i in chosen {
            for (x, y) in product.iter_mut().zip(&self.each[*i]) {
                *x *= y;
            }
        }
        self.inverse.process(&mut product);
        let mut mass: Vec<f64> = product[..len.min(self.n)]
            .iter()
            .map(|c| (c.re / self.n as f64).max(0.0))
            .collect();
        let total: f64 = mass.iter().sum();
        if total > 0.0 {
            mass.iter_mut().for_each(|x| *x /= total);
        }
        mass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::distribution::Bet;

    fn bets(seed: i64, n: i64) -> Vec<Bet> {
        (0..n)
            .map(|i| Bet {
                cents: 100 * (100 + (i * 7_919 + seed * 104_729) % 9_000),
                p: ((i * 37 + seed * 11) % 97) as f64 / 100.0 + 0.01,
            })
            .collect()
    }

    #[test]
    fn groups_on_one_step_combine_to_the_direct_convolution() {
        let (a, b) = (bets(1, 40), bets(2, 25));
        let step = 5_000;
        let all: Vec<Bet> = a.iter().chain(&b).copied().collect();
        let direct = Distribution::on_step(300, &all, step);
        let sum = combine(&[
            &Distribution::on_step(100, &a, step),
            &Distribution::on_step(200, &b, step),
        ]);
        assert_eq!(
            (sum.error_above, sum.error_below),
            (direct.error_above, direct.error_below)
        );
        for target in (0..30_000_000).step_by(250_003) {
            let (x, y) = (sum.p_at_least(target), direct.p_at_least(target));
            assert!((x - y).abs() < 1e-8, "{target}: {x} vs {y}");
        }
        assert!((sum.mean - direct.mean).abs() < 1e-6);
    }

    #[test]
    fn moving_to_a_coarser_step_is_counted_in_the_error() {
        let (a, b) = (bets(3, 30), bets(4, 30));
        let fine = Distribution::on_step(0, &a, 1_000);
        let coarse = Distribution::on_step(0, &b, 7_000);
        let sum = combine(&[&fine, &coarse]);
        assert_eq!(sum.step, 7_000);
        assert!(sum.error_above + sum.error_below > fine.error_above + coarse.error_above);
        let all: Vec<Bet> = a.iter().chain(&b).copied().collect();
        let exact = Distribution::on_step(0, &all, 100);
        assert_eq!((exact.error_above, exact.error_below), (0, 0));
        for target in (0..40_000_000).step_by(1_000_003) {
            let (low, high) = sum.p_at_least_bounds(target);
            let truth = exact.p_at_least(target);
            assert!(
                low - 1e-9 <= truth && truth <= high + 1e-9,
                "{target}: {low} {truth} {high}"
            );
        }
    }
}
