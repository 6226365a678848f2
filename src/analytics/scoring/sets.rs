//! The two models of the desk — win probability of open deals and purchase propensity of
//! customers — fitted together from rows the database aggregates.

use serde::{Deserialize, Serialize};

use super::design::Features;
use super::model::{Model, ModelProblem, Score, TrainingSet, train};
use super::settings::ScoringSettings;

/// Rows for one model: labelled ones to learn from and current ones to score.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelRows {
    /// Labelled rows (closed deals; customers at the cutoff).
    pub training: TrainingSet,
    /// Ids of the rows to score (open deals; customers at the as-of date).
    pub ids: Vec<i64>,
    /// Their features.
    pub current: Features,
}

/// One fitted model and its scores, or why there are none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// The model, or why there is none.
    pub model: Result<Model, ModelProblem>,
    /// (id, score) per current row; empty without a model.
    pub scores: Vec<(i64, Score)>,
}

impl Scored {
    /// The score of the row with this id (scores are in id order).
    pub fn score_of(&self, id: i64) -> Option<&Score> {
        self.scores
            .binary_search_by_key(&id, |(row, _)| *row)
            .ok()
            .map(|i| &self.scores[i].1)
    }
}

/// Both models.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoringSet {
    /// The settings both were fitted with.
    pub settings: ScoringSettings,
    /// Win probability of open deals.
    pub win: Scored,
    /// Purchase propensity of customers.
    pub propensity: Scored,
}

/// Fits one model and scores its current rows.
pub fn fit_and_score(rows: &ModelRows, settings: &ScoringSettings) -> Scored {
    let model = train(&rows.training, settings);
    let scores = match &model {
        Ok(m) => rows
            .ids
            .iter()
            .copied()
            .zip(m.score(&rows.current))
            .collect(),
        Err(_) => Vec::new(),
    };
    Scored { model, scores }
}

/// Fits and scores both models with `settings`, the two at once on two threads (each fit
/// alone is exactly what [`fit_and_score`] gives).
pub fn score_all(
    win: &ModelRows,
    propensity: &ModelRows,
    settings: &ScoringSettings,
) -> ScoringSet {
    let (win, propensity) = std::thread::scope(|threads| {
        let propensity = threads.spawn(|| fit_and_score(propensity, settings));
        let win = fit_and_score(win, settings);
        let propensity = propensity
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (win, propensity)
    });
    ScoringSet {
        settings: *settings,
        win,
        propensity,
    }
}
