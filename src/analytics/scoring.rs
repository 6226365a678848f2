//! Win probability and purchase propensity by penalised logistic regression (argmin L-BFGS),
//! with a time-ordered holdout, quality metrics and per-score explanations. Definitions are in
//! `docs/report-scoring.md`.

mod design;
mod logistic;

pub use design::{Categorical, DesignSpec, Features, Numeric, Scaling};
pub use logistic::{
    FitError, Logistic, MAX_ITERATIONS, RELATIVE_GRADIENT_TOLERANCE, fit, sigmoid, softplus,
};
