//! The saturating family, revenue = c·(1 − e^(−spend/k)), by nonlinear least squares: argmin's
//! Gauss–Newton on the residuals, started from the best point of a coarse grid over k (for a
//! fixed k the best c is linear, so the grid is cheap and the start is close).
//!
//! The solver works on scaled data (spend and revenue divided by their largest value) with
//! θ = (c, ln k), so k stays positive and both parameters are of order one.

use argmin::core::{Executor, Jacobian, Operator, State};
use argmin::solver::gaussnewton::GaussNewton;
use nalgebra::{DMatrix, DVector};

use super::curve::{Curve, MonthPoint};

/// Gauss–Newton iterations at most; it converges in a handful from the grid start.
const MAX_ITERS: u64 = 100;
/// Stop when ‖residuals‖ of the scaled data changes by less than this between iterations.
const COST_TOLERANCE: f64 = 1e-13;
/// Grid of k / (largest spend) for the start: 0.01 to 100, log-spaced.
const GRID_POINTS: usize = 81;

/// The residuals y − c·(1 − e^(−x/k)) of scaled data, as argmin sees the problem.
#[derive(Clone)]
struct Residuals {
    x: Vec<f64>,
    y: Vec<f64>,
}

impl Residuals {
    /// The least-squares c for a fixed k, and the residual sum of squares there.
    fn best_c(&self, k: f64) -> (f64, f64) {
        let phi: Vec<f64> = self.x.iter().map(|x| 1.0 - (-x / k).exp()).collect();
        let pp: f64 = phi.iter().map(|p| p * p).sum();
        let py: f64 = phi.iter().zip(&self.y).map(|(p, y)| p * y).sum();
        let c = if pp > 0.0 { py / pp } else { 0.0 };
        let rss = phi
            .iter()
            .zip(&self.y)
            .map(|(p, y)| (y - c * p).powi(2))
            .sum();
        (c, rss)
    }

    fn rss(&self, theta: &DVector<f64>) -> f64 {
        self.residuals(theta).norm_squared()
    }

    fn residuals(&self, theta: &DVector<f64>) -> DVector<f64> {
        let (c, k) = (theta[0], theta[1].exp());
        DVector::from_iterator(
            self.x.len(),
            self.x
                .iter()
                .zip(&self.y)
                .map(|(x, y)| y - c * (1.0 - (-x / k).exp())),
        )
    }
}

impl Operator for Residuals {
    type Param = DVector<f64>;
    type Output = DVector<f64>;

    fn apply(&self, theta: &Self::Param) -> Result<Self::Output, argmin::core::Error> {
        Ok(self.residuals(theta))
    }
}

impl Jacobian for Residuals {
    type Param = DVector<f64>;
    type Jacobian = DMatrix<f64>;

    fn jacobian(&self, theta: &Self::Param) -> Result<Self::Jacobian, argmin::core::Error> {
        let (c, k) = (theta[0], theta[1].exp());
        Ok(DMatrix::from_fn(self.x.len(), 2, |i, j| {
            let e = (-self.x[i] / k).exp();
            if j == 0 {
                -(1.0 - e)
            } else {
                c * e * self.x[i] / k
            }
        }))
    }
}

/// The least-squares saturating curve through `points` (every spend > 0), or why argmin failed.
pub(super) fn fit_saturating(points: &[MonthPoint]) -> Result<Curve, String> {
    let x_scale = points.iter().map(|p| p.spend).fold(0.0, f64::max);
    let y_scale = points.iter().map(|p| p.revenue.abs()).fold(0.0, f64::max);
    if x_scale <= 0.0 || y_scale <= 0.0 {
        return Err("no spend or no revenue to fit".into());
    }
    let problem = Residuals {
        x: points.iter().map(|p| p.spend / x_scale).collect(),
        y: points.iter().map(|p| p.revenue / y_scale).collect(),
    };
    let start = (0..GRID_POINTS)
        .map(|i| 10f64.powf(-2.0 + 4.0 * i as f64 / (GRID_POINTS - 1) as f64))
        .map(|k| {
            let (c, rss) = problem.best_c(k);
            (c, k, rss)
        })
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(c, k, _)| DVector::from_vec(vec![c, k.ln()]))
        .ok_or("no start for the fit")?;
    let start_rss = problem.rss(&start);
    let solver = GaussNewton::new()
        .with_tolerance(COST_TOLERANCE)
        .map_err(|e| format!("the saturating fit failed: {e}"))?;
    let result = Executor::new(problem.clone(), solver)
        .configure(|state| state.param(start.clone()).max_iters(MAX_ITERS))
        .run()
        .map_err(|e| format!("the saturating fit failed: {e}"))?;
    let theta = result
        .state()
        .get_best_param()
        .or(result.state().get_param())
        .cloned()
        .unwrap_or(start.clone());
    let theta = if theta.iter().all(|v| v.is_finite()) && problem.rss(&theta) <= start_rss {
        theta
    } else {
        start
    };
    Ok(Curve::Saturating {
        c: theta[0] * y_scale,
        k: theta[1].exp() * x_scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_an_exact_saturating_curve() {
        let (c0, k0) = (250_000.0, 14_000.0);
        let points: Vec<MonthPoint> = [
            2_000.0, 5_000.0, 8_000.0, 13_000.0, 21_000.0, 30_000.0, 45_000.0,
        ]
        .iter()
        .map(|&spend| MonthPoint {
            spend,
            revenue: c0 * (1.0 - f64::exp(-spend / k0)),
        })
        .collect();
        let Ok(Curve::Saturating { c, k }) = fit_saturating(&points) else {
            panic!("no saturating fit");
        };
        assert!((c / c0 - 1.0).abs() < 1e-6, "c = {c}");
        assert!((k / k0 - 1.0).abs() < 1e-6, "k = {k}");
    }
}
