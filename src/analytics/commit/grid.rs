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
pub(super) fn pass(old: &[f64], new: &mut [f64], m: i64, shift: i64, p: f64) {
    new.iter_mut().for_each(|x| *x = 0.0);
    add_moved(old, new, -shift, 1.0 - p);
    add_moved(old, new, m - shift, p);
}

/// Adds `weight × old[k]` to `new[k + by]`, piling what falls outside onto the edges. The inner
/// part is one straight loop over two slices, which the compiler vectorises.
fn add_moved(old: &[f64], new: &mut [f64], by: i64, weight: f64) {
    let n = old.len().min(new.len()) as i64;
    if n == 0 {
        return;
    }
    let lo = (-by).clamp(0, n) as usize;
    let hi = (n - by).clamp(0, n) as usize;
    if lo < hi {
        let to = (lo as i64 + by) as usize;
        for (x, o) in new[to..to + (hi - lo)].iter_mut().zip(&old[lo..hi]) {
            *x += weight * o;
        }
    }
    let below: f64 = old[..lo].iter().sum();
    let above: f64 = old[hi.max(lo)..n as usize].iter().sum();
    new[0] += weight * below;
    new[n as usize - 1] += weight * above;
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
