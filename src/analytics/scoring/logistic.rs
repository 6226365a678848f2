//! Penalised logistic regression fitted by argmin's L-BFGS with a More–Thuente line search:
//! minimises −Σ[y log p + (1−y) log(1−p)] + (λ/2)·‖w‖², the intercept (column 0) not penalised.
//! The loss is written with a stable softplus, so p = 0 or 1 never gives NaN.

use serde::{Deserialize, Serialize};

use std::cell::RefCell;

use argmin::core::{CostFunction, Executor, Gradient, State, TerminationReason};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use nalgebra::DVector;

use super::linear::LinearDesign;

/// The gradient norm at the optimum, relative to its norm at w = 0, that counts as converged.
pub const RELATIVE_GRADIENT_TOLERANCE: f64 = 1e-6;
/// Iterations after which the optimiser gives up.
pub const MAX_ITERATIONS: u64 = 1_000;
/// Correction pairs L-BFGS keeps: as many as a typical design has columns, which cut the
/// iterations on the 1,000,000-deal book from 316 (10 pairs) to 93.
const MEMORY: usize = 30;

/// ln(1 + eˣ) without overflow or loss of precision.
pub fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).exp().ln_1p()
    } else {
        z.exp().ln_1p()
    }
}

/// The logistic function 1 / (1 + e⁻ˣ) without overflow.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Why a model could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum FitError {
    /// Fewer rows than the model needs.
    #[error("too few rows to fit ({rows}; needs at least {needs})")]
    TooFewRows {
        /// Rows given.
        rows: usize,
        /// Rows needed.
        needs: usize,
    },
    /// Every label is the same, so there is nothing to learn.
    #[error("every training row has the same outcome ({label}); nothing to learn")]
    OneClass {
        /// The one label.
        label: u8,
    },
    /// The outcomes are perfectly separated by the features and λ = 0: the coefficients run
    /// off to infinity.
    #[error(
        "the outcomes are perfectly separated by the features, so without a penalty the coefficients are infinite; use a λ above 0"
    )]
    Separated,
    /// The optimiser itself failed.
    #[error("the optimiser failed: {0}")]
    Optimiser(String),
}

/// A fitted model: coefficients by design column and how the optimiser ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Logistic {
    /// One coefficient per design column, the intercept first.
    pub coefficients: DVector<f64>,
    /// λ of the penalty.
    pub lambda: f64,
    /// The objective at the optimum.
    pub objective: f64,
    /// ‖∇‖ at the optimum.
    pub gradient_norm: f64,
    /// ‖∇‖ at w = 0, the scale of the relative tolerance.
    pub initial_gradient_norm: f64,
    /// L-BFGS iterations.
    pub iterations: u64,
    /// Whether ‖∇‖ ≤ 1e-6 · ‖∇₀‖ was reached.
    pub converged: bool,
}

impl Logistic {
    /// The linear predictor of each row of `x`.
    pub fn logits(&self, x: &impl LinearDesign) -> DVector<f64> {
        x.times(&self.coefficients)
    }

    /// P(y = 1) of each row of `x`.
    pub fn probabilities(&self, x: &impl LinearDesign) -> DVector<f64> {
        self.logits(x).map(sigmoid)
    }
}

/// The objective over one design. Cost and gradient at a point are computed together in one
/// pass (one exp per row serves both the softplus and the sigmoid) and the last point is
/// cached, since the line search and L-BFGS ask for both at the same point.
struct Objective<'a, D> {
    x: &'a D,
    y: &'a DVector<f64>,
    lambda: f64,
    cache: RefCell<Option<Point>>,
}

/// The objective's value and gradient at `w`.
#[derive(Clone)]
struct Point {
    w: DVector<f64>,
    value: f64,
    gradient: DVector<f64>,
}

impl<D: LinearDesign> Objective<'_, D> {
    fn new<'a>(x: &'a D, y: &'a DVector<f64>, lambda: f64) -> Objective<'a, D> {
        Objective {
            x,
            y,
            lambda,
            cache: RefCell::new(None),
        }
    }

    fn at(&self, w: &DVector<f64>) -> Point {
        if let Some(point) = self.cache.borrow().as_ref()
            && &point.w == w
        {
            return point.clone();
        }
        let z = self.x.times(w);
        let mut loss = 0.0;
        let residual = DVector::from_iterator(
            z.len(),
            z.iter().zip(self.y.iter()).map(|(&z, &y)| {
                let e = (-z.abs()).exp();
                loss += z.max(0.0) + e.ln_1p() - y * z;
                let p = if z >= 0.0 {
                    1.0 / (1.0 + e)
                } else {
                    e / (1.0 + e)
                };
                p - y
            }),
        );
        let mut gradient = self.x.transpose_times(&residual);
        for j in 1..gradient.len() {
            gradient[j] += self.lambda * w[j];
        }
        let value = loss + 0.5 * self.lambda * w.rows(1, w.len() - 1).norm_squared();
        let point = Point {
            w: w.clone(),
            value,
            gradient,
        };
        *self.cache.borrow_mut() = Some(point.clone());
        point
    }

    fn value(&self, w: &DVector<f64>) -> f64 {
        self.at(w).value
    }

    fn grad(&self, w: &DVector<f64>) -> DVector<f64> {
        self.at(w).gradient
    }
}

impl<D: LinearDesign> CostFunction for Objective<'_, D> {
    type Param = DVector<f64>;
    type Output = f64;
    fn cost(&self, w: &Self::Param) -> Result<f64, argmin::core::Error> {
        Ok(self.value(w))
    }
}

impl<D: LinearDesign> Gradient for Objective<'_, D> {
    type Param = DVector<f64>;
    type Gradient = DVector<f64>;
    fn gradient(&self, w: &Self::Param) -> Result<DVector<f64>, argmin::core::Error> {
        Ok(self.grad(w))
    }
}

/// Fits the model to design `x` (column 0 the intercept) and labels `y` (0 or 1) with penalty
/// `lambda`. Starts from w = 0 and stops at ‖∇‖ ≤ 1e-6 · ‖∇₀‖ or after [`MAX_ITERATIONS`].
pub fn fit<D: LinearDesign>(x: &D, y: &DVector<f64>, lambda: f64) -> Result<Logistic, FitError> {
    let needs = 2.max(x.ncols());
    if x.nrows() < needs {
        return Err(FitError::TooFewRows {
            rows: x.nrows(),
            needs,
        });
    }
    let positives = y.iter().filter(|&&v| v > 0.5).count();
    if positives == 0 || positives == y.len() {
        return Err(FitError::OneClass {
            label: u8::from(positives > 0),
        });
    }
    let objective = Objective::new(x, y, lambda);
    let start = DVector::zeros(x.ncols());
    let initial_gradient_norm = objective.grad(&start).norm();
    let tolerance = RELATIVE_GRADIENT_TOLERANCE * initial_gradient_norm.max(f64::MIN_POSITIVE);
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), MEMORY)
        .with_tolerance_grad(tolerance)
        .and_then(|s| s.with_tolerance_cost(0.0))
        .map_err(|e| FitError::Optimiser(e.to_string()))?;
    let result = Executor::new(objective, solver)
        .configure(|state| state.param(start).max_iters(MAX_ITERATIONS))
        .ctrlc(false)
        .run()
        .map_err(|e| FitError::Optimiser(e.to_string()))?;
    let state = result.state();
    let coefficients = state
        .get_best_param()
        .or(state.get_param())
        .cloned()
        .ok_or_else(|| FitError::Optimiser("no parameters came back".into()))?;
    let iterations = state.get_iter();
    let line_search_stopped = matches!(
        state.get_termination_reason(),
        Some(TerminationReason::SolverExit(_))
    );
    let objective = Objective::new(x, y, lambda);
    let gradient_norm = objective.grad(&coefficients).norm();
    let fitted = Logistic {
        objective: objective.value(&coefficients),
        coefficients,
        lambda,
        gradient_norm,
        initial_gradient_norm,
        iterations,
        converged: gradient_norm <= tolerance,
    };
    if lambda == 0.0 && separates(&fitted, x, y) {
        return Err(FitError::Separated);
    }
    if !fitted.converged && line_search_stopped && lambda > 0.0 {
        return Err(FitError::Optimiser(format!(
            "stopped at a gradient norm of {gradient_norm:.3e} (needs {tolerance:.3e})"
        )));
    }
    Ok(fitted)
}

/// Whether the fitted logits put every row strictly on its own side of zero: then no finite
/// unpenalised optimum exists.
fn separates(fitted: &Logistic, x: &impl LinearDesign, y: &DVector<f64>) -> bool {
    fitted
        .logits(x)
        .iter()
        .zip(y.iter())
        .all(|(&z, &y)| if y > 0.5 { z > 0.0 } else { z < 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::DMatrix;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn synthetic(n: usize, truth: &[f64], seed: u64) -> (DMatrix<f64>, DVector<f64>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let p = truth.len();
        let x = DMatrix::from_fn(n, p, |_, j| {
            if j == 0 {
                1.0
            } else {
                rng.random_range(-2.0..2.0)
            }
        });
        let z = &x * DVector::from_column_slice(truth);
        let y = z.map(|z| f64::from(u8::from(rng.random::<f64>() < sigmoid(z))));
        (x, y)
    }

    #[test]
    fn softplus_and_sigmoid_are_finite_at_the_extremes() {
        assert_eq!(softplus(-800.0), 0.0);
        assert_eq!(softplus(800.0), 800.0);
        assert!((softplus(0.0) - 2f64.ln()).abs() < 1e-15);
        assert_eq!(sigmoid(-800.0), 0.0);
        assert_eq!(sigmoid(800.0), 1.0);
    }

    #[test]
    fn recovers_known_coefficients_on_synthetic_data() {
        let truth = [-0.5, 1.5, -1.0, 0.25];
        let (x, y) = synthetic(40_000, &truth, 7);
        let fitted = fit(&x, &y, 0.0).unwrap();
        assert!(fitted.converged, "{fitted:?}");
        for (got, want) in fitted.coefficients.iter().zip(truth) {
            assert!((got - want).abs() < 0.06, "{got} vs {want}");
        }
        assert!(fitted.gradient_norm <= 1e-6 * fitted.initial_gradient_norm);
    }

    #[test]
    fn perfect_separation_without_penalty_is_reported() {
        let x = DMatrix::from_row_slice(6, 2, &[1., -3., 1., -2., 1., -1., 1., 1., 1., 2., 1., 3.]);
        let y = DVector::from_column_slice(&[0., 0., 0., 1., 1., 1.]);
        assert_eq!(fit(&x, &y, 0.0), Err(FitError::Separated));
        let penalised = fit(&x, &y, 1.0).unwrap();
        assert!(penalised.converged);
        assert!(penalised.coefficients.iter().all(|w| w.is_finite()));
        assert!(penalised.coefficients[1] > 0.0);
    }

    #[test]
    fn too_few_rows_and_one_class_are_reported() {
        let x = DMatrix::from_row_slice(2, 3, &[1., 0., 1., 1., 1., 0.]);
        let y = DVector::from_column_slice(&[0., 1.]);
        assert_eq!(
            fit(&x, &y, 1.0),
            Err(FitError::TooFewRows { rows: 2, needs: 3 })
        );
        let x = DMatrix::from_row_slice(3, 2, &[1., 0., 1., 1., 1., 2.]);
        let y = DVector::from_column_slice(&[1., 1., 1.]);
        assert_eq!(fit(&x, &y, 1.0), Err(FitError::OneClass { label: 1 }));
    }

    #[test]
    fn a_zero_column_stays_at_zero_and_the_fit_converges() {
        let (mut x, y) = synthetic(500, &[0.2, 1.0, 0.0], 3);
        x.column_mut(2).fill(0.0);
        let fitted = fit(&x, &y, 0.0).unwrap();
        assert!(fitted.converged);
        assert_eq!(fitted.coefficients[2], 0.0);
    }
}
