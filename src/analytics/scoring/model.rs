//! A scoring model end to end: split the labelled rows by time (the latest 20% held out), learn
//! the design and the numerics' range on the rest, fit, measure on both parts, and score new
//! rows (capped to the range) with explanations.

use nalgebra::{DMatrix, DVector};
use serde::{Deserialize, Serialize};

use super::design::{DesignSpec, Features};
use super::explain::{Contribution, top_contributions};
use super::identify::{aliased_columns, gram};
use super::logistic::{FitError, Logistic, fit};
use super::metrics::{Metrics, metrics};
use super::range::Ranges;
use super::settings::ScoringSettings;

/// The share of rows, latest by time, held out from the fit to measure it.
pub const HOLDOUT_SHARE: f64 = 0.2;

/// The held-out AUC below which a model is no better than a coin for the desk's purpose: its
/// scores are not shown, the stage rates are.
pub const MIN_HOLDOUT_AUC: f64 = 0.6;

/// Labelled rows to learn from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrainingSet {
    /// The raw features.
    pub features: Features,
    /// The outcome of each row.
    pub labels: Vec<bool>,
    /// When each row's outcome became known (days since the epoch), to hold out the latest.
    pub time: Vec<i64>,
    /// The positive and negative examples behind the rows when a row is not an example (the
    /// win model has a row per closed deal and stage); `None` counts the labels.
    pub examples: Option<(usize, usize)>,
}

impl TrainingSet {
    /// The positive and negative examples: [`TrainingSet::examples`] when given, else the
    /// labels counted.
    pub fn outcome_counts(&self) -> (usize, usize) {
        self.examples.unwrap_or_else(|| {
            let positives = self.labels.iter().filter(|&&y| y).count();
            (positives, self.labels.len() - positives)
        })
    }
}

/// Why a model has no scores.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum ModelProblem {
    /// Too few examples of one outcome to trust a model.
    #[error(
        "scores need at least {needs_positive} positive and {needs_negative} negative examples; there are {positives} positive and {negatives} negative"
    )]
    TooFewExamples {
        /// Examples with outcome 1.
        positives: usize,
        /// Examples with outcome 0.
        negatives: usize,
        /// The fewest positive examples allowed.
        needs_positive: usize,
        /// The fewest negative examples allowed.
        needs_negative: usize,
    },
    /// Without a penalty, these design columns are combinations of others: their coefficients
    /// cannot be told apart, so no score is trusted.
    #[error(
        "the coefficients cannot be identified without a penalty: {} {} of other columns; set [scoring] lambda above 0",
        columns.join(", "),
        if columns.len() == 1 { "is a linear combination" } else { "are linear combinations" }
    )]
    NotIdentified {
        /// The design columns that are combinations of earlier ones.
        columns: Vec<String>,
    },
    /// The fit failed.
    #[error(transparent)]
    Fit(#[from] FitError),
}

/// A fitted model with its design and quality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The recipe for design rows.
    pub spec: DesignSpec,
    /// The training range each numeric is capped to before scoring.
    pub ranges: Ranges,
    /// The fitted coefficients and optimiser state.
    pub fit: Logistic,
    /// Rows fitted on.
    pub train_rows: usize,
    /// Quality on the fitted rows.
    pub train_metrics: Metrics,
    /// Quality on the held-out latest rows; `None` when none were held out.
    pub holdout_metrics: Option<Metrics>,
    /// The positive and negative examples behind all labelled rows.
    pub positives: usize,
    /// See `positives`.
    pub negatives: usize,
}

/// One scored row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// P(outcome = 1).
    pub probability: f64,
    /// The largest contributions to its logit.
    pub top: Vec<Contribution>,
}

/// The indices of the fitted rows and of the held-out rows (the latest [`HOLDOUT_SHARE`] by
/// time; equal times keep their order).
pub fn split_by_time(time: &[i64]) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..time.len()).collect();
    order.sort_by_key(|&i| time[i]);
    let held = (time.len() as f64 * HOLDOUT_SHARE).floor() as usize;
    let holdout = order.split_off(time.len() - held);
    (order, holdout)
}

/// Fits a model to `set` with the penalty and minimum examples of `settings`.
pub fn train(set: &TrainingSet, settings: &ScoringSettings) -> Result<Model, ModelProblem> {
    let (positives, negatives) = set.outcome_counts();
    if positives < settings.min_won || negatives < settings.min_lost {
        return Err(ModelProblem::TooFewExamples {
            positives,
            negatives,
            needs_positive: settings.min_won,
            needs_negative: settings.min_lost,
        });
    }
    let lambda = settings.lambda;
    let (fitted_rows, held_rows) = split_by_time(&set.time);
    let train_features = set.features.select(&fitted_rows);
    let spec = DesignSpec::learn(&train_features);
    let ranges = Ranges::learn(&train_features);
    let train_labels: Vec<bool> = fitted_rows.iter().map(|&i| set.labels[i]).collect();
    let x = spec.coded(&train_features);
    drop(train_features);
    if lambda == 0.0 {
        let aliased = aliased_columns(&gram(&x));
        if !aliased.is_empty() {
            let columns = aliased.iter().map(|&j| spec.names[j].clone()).collect();
            return Err(ModelProblem::NotIdentified { columns });
        }
    }
    let model = fit(&x, &outcomes(&train_labels), lambda)?;
    let train_metrics = metrics(model.probabilities(&x).as_slice(), &train_labels);
    drop(x);
    let holdout_metrics = (!held_rows.is_empty()).then(|| {
        let held = ranges.cap(&set.features.select(&held_rows));
        let labels: Vec<bool> = held_rows.iter().map(|&i| set.labels[i]).collect();
        metrics(model.probabilities(&spec.matrix(&held)).as_slice(), &labels)
    });
    Ok(Model {
        spec,
        ranges,
        fit: model,
        train_rows: fitted_rows.len(),
        train_metrics,
        holdout_metrics,
        positives,
        negatives,
    })
}

/// The design matrix and 0/1 labels of `features` and their `labels`: for the fitted rows,
/// exactly what the optimiser sees and `--export-design` writes.
pub fn design(
    spec: &DesignSpec,
    features: &Features,
    labels: &[bool],
) -> (DMatrix<f64>, DVector<f64>) {
    (spec.matrix(features), outcomes(labels))
}

/// The labels as the 0/1 vector y.
fn outcomes(labels: &[bool]) -> DVector<f64> {
    DVector::from_iterator(labels.len(), labels.iter().map(|&l| f64::from(u8::from(l))))
}

impl Model {
    /// The fitted rows of `set` (the earliest by time), as [`design`] gives them.
    pub fn training_design(&self, set: &TrainingSet) -> (DMatrix<f64>, DVector<f64>) {
        let (rows, _) = split_by_time(&set.time);
        let labels: Vec<bool> = rows.iter().map(|&i| set.labels[i]).collect();
        design(&self.spec, &set.features.select(&rows), &labels)
    }
}

impl Model {
    /// Whether the held-out AUC reaches [`MIN_HOLDOUT_AUC`] (a model with no holdout, or a
    /// holdout of one outcome only, is not trusted).
    pub fn trusted(&self) -> bool {
        self.holdout_metrics
            .as_ref()
            .and_then(|m| m.auc)
            .is_some_and(|auc| auc >= MIN_HOLDOUT_AUC)
    }

    /// Scores every row of `features` with its top contributions, its numerics first capped
    /// to the training range.
    pub fn score(&self, features: &Features) -> Vec<Score> {
        let x = self.spec.matrix(&self.ranges.cap(features));
        let p = self.fit.probabilities(&x);
        (0..x.nrows())
            .map(|i| Score {
                probability: p[i],
                top: top_contributions(
                    &self.spec.names,
                    &self.fit.coefficients,
                    &x.row(i).into_owned(),
                ),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::scoring::Numeric;

    #[test]
    fn the_latest_fifth_is_held_out() {
        let (fitted, held) = split_by_time(&[5, 1, 9, 3, 7, 2, 8, 4, 6, 0]);
        assert_eq!(held, vec![6, 2]);
        assert_eq!(fitted, vec![9, 1, 5, 3, 7, 0, 8, 4]);
    }

    #[test]
    fn too_few_examples_of_an_outcome_are_refused_with_the_counts() {
        let set = TrainingSet {
            features: Features {
                numeric: vec![Numeric {
                    name: "x".into(),
                    values: (0..100).map(f64::from).collect(),
                }],
                categorical: vec![],
            },
            labels: (0..100).map(|i| i < 39).collect(),
            time: (0..100).collect(),
            examples: None,
        };
        let err = train(&set, &ScoringSettings::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "scores need at least 40 positive and 40 negative examples; there are 39 positive and 61 negative"
        );
        let counted = TrainingSet {
            examples: Some((40, 39)),
            ..set
        };
        assert!(matches!(
            train(&counted, &ScoringSettings::default()),
            Err(ModelProblem::TooFewExamples {
                positives: 40,
                negatives: 39,
                ..
            })
        ));
    }

    #[test]
    fn a_trained_model_scores_and_explains_new_rows() {
        let values: Vec<f64> = (0..200).map(|i| f64::from(i % 20)).collect();
        let labels: Vec<bool> = (0..200).map(|i| (i % 20) + (i % 7) > 12).collect();
        let set = TrainingSet {
            features: Features {
                numeric: vec![Numeric {
                    name: "x".into(),
                    values,
                }],
                categorical: vec![],
            },
            labels,
            time: (0..200).collect(),
            examples: None,
        };
        let model = train(&set, &ScoringSettings::default()).unwrap();
        assert_eq!(model.train_rows, 160);
        assert_eq!(model.holdout_metrics.as_ref().unwrap().rows, 40);
        let scores = model.score(&Features {
            numeric: vec![Numeric {
                name: "x".into(),
                values: vec![1.0, 19.0],
            }],
            categorical: vec![],
        });
        assert!(scores[0].probability < 0.2 && scores[1].probability > 0.8);
        assert_eq!(scores[1].top[0].column, "x");
        assert!(scores[1].top[0].logit > 0.0);
    }

    #[test]
    fn a_base_level_that_never_occurs_gives_way_to_the_first_that_does() {
        let train = Features {
            numeric: vec![],
            categorical: vec![crate::analytics::scoring::Categorical {
                name: "tier".into(),
                levels: vec!["a".into(), "b".into(), "c".into()],
                codes: vec![1, 2, 1, 2, 2],
            }],
        };
        let spec = DesignSpec::learn(&train);
        assert_eq!(spec.names, ["intercept", "tier=c"]);
        assert_eq!(spec.dropped, ["tier=a", "tier=b"]);
    }

    #[test]
    fn a_deal_older_than_the_training_range_scores_as_one_at_its_edge() {
        // Age separates nothing: every age from 0 to 199 days wins on the same pattern, and a
        // hash of the row (not its age) decides. The fit still gives age some coefficient.
        let age: Vec<f64> = (0..400).map(|i| f64::from(i % 200)).collect();
        let labels: Vec<bool> = (0..400u32)
            .map(|i| i.wrapping_mul(2_654_435_761) % 97 < 48)
            .collect();
        let set = TrainingSet {
            features: Features {
                numeric: vec![Numeric {
                    name: "days_open".into(),
                    values: age,
                }],
                categorical: vec![],
            },
            labels,
            time: (0..400).collect(),
            examples: None,
        };
        let model = train(&set, &ScoringSettings::default()).unwrap();
        let edge = model.ranges.0[0].high;
        assert!((190.0..199.0).contains(&edge), "{edge}");
        let scores = model.score(&Features {
            numeric: vec![Numeric {
                name: "days_open".into(),
                values: vec![edge, 5_000.0],
            }],
            categorical: vec![],
        });
        assert_eq!(scores[1].probability, scores[0].probability);
        assert!((0.3..0.7).contains(&scores[1].probability), "{scores:?}");
    }
}
