//! The kernels of the discretised convolution (see `distribution`): one pass of a bet over a
//! window, and the two bounds that size the window and the rounding error.

/// The chance the probabilistic rounding bound `d` is exceeded.
pub const ERROR_RISK: f64 = 1e-6;

/// d = |E D| + t, Bernstein's bound on the rounding error at [`ERROR_RISK`].
pub(super) fn likely_bound(mean: f64, var: f64, max: f64) -> i64 {
    let l = (2.0 / ERROR_RISK).ln();
    let a = 2.0 / 3.0 * max * l;
    (mean.abs() + a + (a * a + 2.0 * var * l).sqrt()).ceil() as i64
}

/// One convolution pass on a window: the mass at k moves to k − shift (bet lost) and to
/// k + m − shift (bet won); what would leave the window is kept at its edge.
///
/// Each cell of `new` is written once, from at most two cells of `old`: the window is cut into
/// the runs where each source is inside it, and each run is one straight loop over slices,
/// which the compiler vectorises.
pub(super) fn pass(old: &[f64], new: &mut [f64], m: i64, shift: i64, p: f64) {
    let n = old.len().min(new.len());
    if n == 0 {
        return;
    }
    new[n..].iter_mut().for_each(|x| *x = 0.0);
    let moves = [(-shift, 1.0 - p), (m - shift, p)];
    // Cell t takes `weight × old[t − by]` from each move whose source lies inside the window.
    let inside = moves.map(|(by, _)| {
        (
            by.clamp(0, n as i64) as usize,
            (n as i64 + by).clamp(0, n as i64) as usize,
        )
    });
    let mut cuts = [0, inside[0].0, inside[0].1, inside[1].0, inside[1].1, n];
    cuts.sort_unstable();
    for run in cuts.windows(2) {
        let (from, to) = (run[0], run[1]);
        if from >= to {
            continue;
        }
        let target = &mut new[from..to];
        let source = |k: usize| {
            let ((by, weight), (lo, hi)) = (moves[k], inside[k]);
            (lo <= from && to <= hi).then(|| {
                let start = (from as i64 - by) as usize;
                (&old[start..start + (to - from)], weight)
            })
        };
        match (source(0), source(1)) {
            (None, None) => target.iter_mut().for_each(|x| *x = 0.0),
            (Some((a, wa)), None) | (None, Some((a, wa))) => {
                target.iter_mut().zip(a).for_each(|(x, o)| *x = wa * o)
            }
            (Some((a, wa)), Some((b, wb))) => target
                .iter_mut()
                .zip(a.iter().zip(b))
                .for_each(|(x, (oa, ob))| *x = wa * oa + wb * ob),
        }
    }
    for (by, weight) in moves {
        // Sources that would land below the window, and above it.
        let lo = (-by).clamp(0, n as i64) as usize;
        let hi = (n as i64 - by).clamp(0, n as i64) as usize;
        let below: f64 = old[..lo].iter().sum();
        let above: f64 = old[hi.max(lo)..n].iter().sum();
        new[0] += weight * below;
        new[n - 1] += weight * above;
    }
}

/// t such that the running sum of the bets strays more than t from its running mean with
/// probability under 2e-9 (Freedman's inequality, Bernstein's for the whole path):
/// t = 7M + √(49M² + 42σ²), M the largest |amount × (outcome − p)|, σ² the variance.
pub(super) fn spread_bound(bets: impl Iterator<Item = (f64, f64)>) -> f64 {
    let (mut var, mut max) = (0.0f64, 0.0f64);
    for (a, p) in bets {
        let p = p.clamp(0.0, 1.0);
        var += a * a * p * (1.0 - p);
        max = max.max(a * p.max(1.0 - p));
    }
    7.0 * max + (49.0 * max * max + 42.0 * var).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The pass cell by cell: every source cell moved, what leaves the window kept at its edge.
    fn naive(old: &[f64], m: i64, shift: i64, p: f64) -> Vec<f64> {
        let n = old.len() as i64;
        let mut new = vec![0.0; old.len()];
        for (k, &mass) in old.iter().enumerate() {
            for (to, w) in [(k as i64 - shift, 1.0 - p), (k as i64 + m - shift, p)] {
                new[to.clamp(0, n - 1) as usize] += w * mass;
            }
        }
        new
    }

    proptest! {
        #[test]
        fn the_pass_moves_every_cell_as_the_naive_pass_does(
            old in proptest::collection::vec(0.0f64..1.0, 1..40),
            m in 0i64..50,
            shift in -50i64..50,
            p in 0.0f64..=1.0,
        ) {
            let mut new = vec![f64::NAN; old.len()];
            pass(&old, &mut new, m, shift, p);
            for (got, want) in new.iter().zip(naive(&old, m, shift, p)) {
                prop_assert!((got - want).abs() < 1e-12, "{new:?}");
            }
        }
    }
}
