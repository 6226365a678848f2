//! Win probabilities and purchase propensities the worker fitted, for the customer detail.

pub mod update;

use crate::analytics::scoring::ScoringSet;

/// The newest scores and whether they are out of date.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoresState {
    /// The newest fitted models and scores; kept while a refit runs.
    pub set: Option<ScoringSet>,
    /// True when the deals changed since the last fit was asked for.
    pub needs_fit: bool,
}

impl Default for ScoresState {
    fn default() -> Self {
        ScoresState {
            set: None,
            needs_fit: true,
        }
    }
}
