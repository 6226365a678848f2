//! Win probabilities and purchase propensities the worker fitted, for the customer detail, and
//! the models watched month by month, for `:model`.

pub mod update;

use crate::analytics::monitor::models::ModelsWatch;
use crate::analytics::scoring::ScoringSet;

/// The newest scores and whether they are out of date.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoresState {
    /// The newest fitted models and scores; kept while a refit runs.
    pub set: Option<ScoringSet>,
    /// True when the deals changed since the last fit was asked for.
    pub needs_fit: bool,
    /// The models scored month by month (asked for when `:model` opens); kept while redone.
    pub watch: Option<ModelsWatch>,
    /// True when the deals changed since the watch was last asked for.
    pub needs_watch: bool,
}

impl Default for ScoresState {
    fn default() -> Self {
        ScoresState {
            set: None,
            needs_fit: true,
            watch: None,
            needs_watch: true,
        }
    }
}
