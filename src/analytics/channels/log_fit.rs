//! The log family by ordinary least squares: revenue = a + b·ln(spend), solved with nalgebra.

use nalgebra::{DMatrix, DVector};

use super::curve::{Curve, MonthPoint};

/// The least-squares log curve through `points` (every spend > 0), or `None` when the spends are
/// all equal (the slope is not identified).
pub(super) fn fit_log(points: &[MonthPoint]) -> Option<Curve> {
    let n = points.len();
    let x = DMatrix::from_fn(n, 2, |i, j| if j == 0 { 1.0 } else { points[i].spend.ln() });
    let y = DVector::from_iterator(n, points.iter().map(|p| p.revenue));
    let beta = x.svd(true, true).solve(&y, 1e-12).ok()?;
    let (a, b) = (beta[0], beta[1]);
    let spread = points
        .iter()
        .map(|p| p.spend)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| {
            (lo.min(s), hi.max(s))
        });
    (a.is_finite() && b.is_finite() && spread.1 > spread.0).then_some(Curve::Log { a, b })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_an_exact_log_curve() {
        let points: Vec<MonthPoint> = [1_000.0, 2_500.0, 4_000.0, 9_000.0, 20_000.0, 33_000.0]
            .iter()
            .map(|&spend| MonthPoint {
                spend,
                revenue: -40_000.0 + 12_000.0 * f64::ln(spend),
            })
            .collect();
        let Some(Curve::Log { a, b }) = fit_log(&points) else {
            panic!("no log fit");
        };
        assert!((a + 40_000.0).abs() < 1e-6, "a = {a}");
        assert!((b - 12_000.0).abs() < 1e-7, "b = {b}");
    }

    #[test]
    fn equal_spends_identify_no_slope() {
        let points = vec![
            MonthPoint {
                spend: 500.0,
                revenue: 1.0
            };
            6
        ];
        assert_eq!(fit_log(&points), None);
    }
}
