//! The exact distribution of bookings against a 1,000,000-draw Monte Carlo with a fixed seed:
//! P10/P50/P90 within the stated error bound E (plus one grid step for the quantile's grid
//! point) and P(hit) inside its stated bounds, each up to the Monte Carlo's own sampling error.

use salesdesk::analytics::commit::{Bet, Distribution};

const DRAWS: usize = 1_000_000;
/// Five standard errors of a Monte Carlo probability near ½ with 1,000,000 draws.
const SAMPLING: f64 = 0.0025;

/// SplitMix64: a fixed, fast stream of uniform numbers in [0, 1).
struct SplitMix(u64);

impl SplitMix {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A small book: 60 deals from $800 to about $90,000 with probabilities spread over (0, 1).
fn bets() -> Vec<Bet> {
    let mut rng = SplitMix(7);
    (0..60)
        .map(|_| Bet {
            cents: 80_000 + (rng.uniform().powi(3) * 9_000_000.0) as i64 + 13,
            p: 0.02 + 0.96 * rng.uniform(),
        })
        .collect()
}

#[test]
fn the_grid_agrees_with_a_million_draws_within_its_stated_error() {
    let bets = bets();
    let base = 12_345_678;
    let d = Distribution::new(base, &bets);
    let mean: f64 = bets.iter().map(|b| b.cents as f64 * b.p).sum();
    let e = d.error_above + d.error_below;
    assert!(e > 0, "the amounts do not sit on the grid");
    assert!((e as f64) < 0.002 * mean, "E₊ + E₋ = {e} is tight");

    let mut rng = SplitMix(2026);
    let mut sums: Vec<i64> = (0..DRAWS)
        .map(|_| {
            base + bets
                .iter()
                .filter(|b| rng.uniform() < b.p)
                .map(|b| b.cents)
                .sum::<i64>()
        })
        .collect();
    sums.sort_unstable();
    let cdf = |x: i64| sums.partition_point(|s| *s <= x) as f64 / DRAWS as f64;
    for q in [0.1, 0.5, 0.9] {
        let grid = d.quantile(q).cents();
        // The true quantile is at most grid + E₊, and above grid − step − E₋.
        assert!(cdf(grid + d.error_above) >= q - SAMPLING, "P{q}: {grid}");
        assert!(
            cdf(grid - d.step - d.error_below) <= q + SAMPLING,
            "P{q}: {grid}"
        );
    }
    let quota = d.quantile(0.62).cents() + 4_321;
    let (low, high) = d.p_at_least_bounds(quota);
    let hit = 1.0 - cdf(quota - 1);
    assert!(
        low - SAMPLING <= hit && hit <= high + SAMPLING,
        "{low} ≤ {hit} ≤ {high}"
    );
    assert!(
        high - low < 0.005,
        "the bounds say something: {low}..{high}"
    );
    let grid_mean: f64 = d
        .mass
        .iter()
        .enumerate()
        .map(|(k, p)| p * (base + k as i64 * d.step) as f64)
        .sum();
    let shift = grid_mean - base as f64 - mean;
    assert!(-(d.error_above as f64) <= shift && shift <= d.error_below as f64);
}
