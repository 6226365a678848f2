//! Win probability and purchase propensity by penalised logistic regression (argmin L-BFGS),
//! with a time-ordered holdout, quality metrics and per-score explanations. Definitions are in
//! `docs/report-scoring.md`.

mod design;
mod explain;
mod identify;
mod linear;
mod logistic;
mod metrics;
mod model;
mod range;
mod report;
mod sets;
mod settings;
mod stages;

pub use design::{Categorical, CodedDesign, DesignSpec, Features, Numeric, Scaling};
pub use explain::{Contribution, TOP_CONTRIBUTIONS, top_contributions};
pub use identify::{aliased_columns, gram};
pub use linear::LinearDesign;
pub use logistic::{
    FitError, Logistic, MAX_ITERATIONS, RELATIVE_GRADIENT_TOLERANCE, fit, sigmoid, softplus,
};
pub use metrics::{CALIBRATION_BINS, CalibrationBin, Metrics, auc, metrics};
pub use model::{
    HOLDOUT_SHARE, MIN_HOLDOUT_AUC, Model, ModelProblem, Score, TrainingSet, design, split_by_time,
    train,
};
pub use range::{HIGH_PERCENTILE, LOW_PERCENTILE, Range, Ranges};
pub use report::{FittedReport, ModelReport, ScoreReport, ScoringReport};
pub use sets::{ModelRows, Scored, ScoringSet, fit_and_score, score_all};
pub use settings::{DEFAULT_LAMBDA, DEFAULT_MAX_WIN_ROWS, MIN_EACH_OUTCOME, ScoringSettings};
pub use stages::{DealHistory, Snapshot, current_snapshot, keep_row, training_snapshots};
