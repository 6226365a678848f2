//! The scoring report as `salesdesk report scoring --json` prints it (fields in
//! `docs/report-scoring.md`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::design::Scaling;
use super::explain::Contribution;
use super::metrics::Metrics;
use super::range::Range;
use super::sets::{ModelRows, Scored, ScoringSet};

/// Both models as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoringReport {
    /// The as-of date, ISO.
    pub as_of: String,
    /// λ of the penalty.
    pub lambda: f64,
    /// Win probability: trained on closed deals, scores per open deal.
    pub win_probability: ModelReport,
    /// Purchase propensity: trained at the cutoff, scores per customer at the as-of date.
    pub purchase_propensity: ModelReport,
}

/// One model as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelReport {
    /// Why there is no model; `None` when it was fitted.
    pub error: Option<String>,
    /// Examples with outcome 1 (Won deals; customers who bought).
    pub positives: usize,
    /// Examples with outcome 0.
    pub negatives: usize,
    /// Rows the optimiser saw (the earliest 80% by time).
    pub training_rows: usize,
    /// The fitted model; `None` without one.
    pub model: Option<FittedReport>,
    /// One score per current row (empty without a model).
    pub scores: Vec<ScoreReport>,
}

/// The fitted coefficients and optimiser outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FittedReport {
    /// Design columns in order, `intercept` first.
    pub columns: Vec<String>,
    /// Coefficient per design column.
    pub coefficients: BTreeMap<String, f64>,
    /// Columns left out because they were constant on the training rows.
    pub dropped_columns: Vec<String>,
    /// Training mean and standard deviation of each numeric column.
    pub scaling: Vec<Scaling>,
    /// The objective at the optimum.
    pub objective: f64,
    /// ‖∇‖ at the optimum.
    pub gradient_norm: f64,
    /// ‖∇‖ at w = 0.
    pub initial_gradient_norm: f64,
    /// L-BFGS iterations.
    pub iterations: u64,
    /// Whether ‖∇‖ ≤ 1e-6 · ‖∇₀‖.
    pub converged: bool,
    /// Quality on the training rows.
    pub train_metrics: Metrics,
    /// Quality on the held-out latest 20%.
    pub holdout_metrics: Option<Metrics>,
    /// The training 1st–99th percentile each numeric is capped to before scoring.
    pub capped_ranges: Vec<Range>,
    /// Whether the held-out AUC reaches 0.6 (`MIN_HOLDOUT_AUC`); when not, the desk shows stage
    /// rates instead of these scores and says why.
    pub trusted: bool,
}

/// One scored row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    /// The deal's or customer's id.
    pub id: i64,
    /// The probability.
    pub probability: f64,
    /// The top contributions to its logit.
    pub top: Vec<Contribution>,
}

impl ScoringReport {
    /// Builds the report of `set` fitted from the given rows.
    pub fn new(
        as_of: chrono::NaiveDate,
        set: &ScoringSet,
        win: &ModelRows,
        propensity: &ModelRows,
    ) -> ScoringReport {
        ScoringReport {
            as_of: as_of.to_string(),
            lambda: set.settings.lambda,
            win_probability: ModelReport::new(&set.win, win),
            purchase_propensity: ModelReport::new(&set.propensity, propensity),
        }
    }
}

impl ModelReport {
    /// Reports one fitted model.
    pub fn new(scored: &Scored, rows: &ModelRows) -> ModelReport {
        let (positives, negatives) = rows.training.outcome_counts();
        let scores = scored
            .scores
            .iter()
            .map(|(id, s)| ScoreReport {
                id: *id,
                probability: s.probability,
                top: s.top.clone(),
            })
            .collect();
        match &scored.model {
            Err(e) => ModelReport {
                error: Some(e.to_string()),
                positives,
                negatives,
                training_rows: 0,
                model: None,
                scores,
            },
            Ok(m) => ModelReport {
                error: None,
                positives,
                negatives,
                training_rows: m.train_rows,
                model: Some(FittedReport {
                    columns: m.spec.names.clone(),
                    coefficients: m
                        .spec
                        .names
                        .iter()
                        .cloned()
                        .zip(m.fit.coefficients.iter().copied())
                        .collect(),
                    dropped_columns: m.spec.dropped.clone(),
                    scaling: m.spec.scalings(&rows.training.features),
                    objective: m.fit.objective,
                    gradient_norm: m.fit.gradient_norm,
                    initial_gradient_norm: m.fit.initial_gradient_norm,
                    iterations: m.fit.iterations,
                    converged: m.fit.converged,
                    train_metrics: m.train_metrics.clone(),
                    holdout_metrics: m.holdout_metrics.clone(),
                    capped_ranges: m.ranges.0.clone(),
                    trusted: m.trusted(),
                }),
                scores,
            },
        }
    }
}
