//! Taking one bet back out of a distribution, for the movers.

use super::distribution::{Bet, Distribution};

impl Distribution {
    /// The distribution without one of its bets (undoes its pass), on the same grid. Solved from
    /// the bottom when p < ½ and from the top otherwise, the numerically stable direction.
    pub fn without(&self, bet: Bet) -> Distribution {
        let units = usize::try_from((bet.cents.max(0) + self.step / 2) / self.step).unwrap_or(0);
        let p = bet.p.clamp(0.0, 1.0);
        let n = self.mass.len();
        if units == 0 || p == 0.0 || units >= n && p < 1.0 {
            return self.clone();
        }
        let mut rest = vec![0.0; n];
        if p < 0.5 {
            for k in 0..n {
                let carried = k.checked_sub(units).map_or(0.0, |j| rest[j] * p);
                rest[k] = ((self.mass[k] - carried) / (1.0 - p)).max(0.0);
            }
        } else {
            for k in (units..n).rev() {
                let kept = if k < n - units {
                    rest[k] * (1.0 - p)
                } else {
                    0.0
                };
                rest[k - units] = ((self.mass[k] - kept) / p).max(0.0);
            }
        }
        let total: f64 = rest.iter().sum();
        if total > 0.0 {
            rest.iter_mut().for_each(|x| *x /= total);
        }
        Distribution {
            base: self.base,
            step: self.step,
            mass: rest,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::distribution::Rounding;

    #[test]
    fn removing_a_bet_undoes_it_either_way_round() {
        let bets: Vec<Bet> = (1..=30)
            .map(|i| Bet {
                cents: 1000 + 37 * i,
                p: f64::from((i * 7 % 10) as u8) / 10.0 + 0.05,
            })
            .collect();
        let all = Distribution::new(0, &bets);
        for i in [0usize, 5, 12] {
            let mut others = bets.clone();
            let gone = others.remove(i);
            let rebuilt = all.without(gone);
            for target in (0..40_000).step_by(997) {
                let a = rebuilt.p_at_least(target);
                let b: f64 = {
                    let mut d = Distribution {
                        base: 0,
                        step: all.step,
                        origin: 0,
                        mass: vec![1.0],
                        mean: 0.0,
                        error_above: 0,
                        error_below: 0,
                        error_likely: 0,
                        rounding: Rounding::default(),
                    };
                    for bet in &others {
                        d = convolve_on(&d, *bet);
                    }
                    d.p_at_least(target)
                };
                assert!((a - b).abs() < 1e-9, "bet {i} target {target}: {a} vs {b}");
            }
        }
    }

    /// One pass on a fixed grid, for checking [`Distribution::without`].
    fn convolve_on(d: &Distribution, bet: Bet) -> Distribution {
        let m = usize::try_from((bet.cents + d.step / 2) / d.step).unwrap_or(0);
        let mut mass = vec![0.0; d.mass.len() + m];
        for (k, p) in d.mass.iter().enumerate() {
            mass[k] += p * (1.0 - bet.p);
            mass[k + m] += p * bet.p;
        }
        Distribution { mass, ..d.clone() }
    }
}
