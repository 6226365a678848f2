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
    /// How many fits the desk has taken: changed deals are scored with the model of one fit.
    pub fit: u64,
    /// The deals changed one at a time since that fit, scored with its model (no refit yet).
    pub changed: Vec<i64>,
}

/// The fewest changed deals that call for a refit.
pub const REFIT_AFTER_AT_LEAST: usize = 20;

/// Deals changed one at a time are scored with the model already fitted until their number
/// reaches [`REFIT_AFTER_AT_LEAST`] or 1% of the open deals it scores, whichever is more; then
/// the models refit in the background (an import, a bulk or record change and `:refit` refit
/// at once). One deal moved among thousands barely moves a fit of thousands of closed ones,
/// while a refit at a million deals takes seconds.
pub fn refit_after(open_deals_scored: usize) -> usize {
    REFIT_AFTER_AT_LEAST.max(open_deals_scored / 100)
}

impl Default for ScoresState {
    fn default() -> Self {
        ScoresState {
            set: None,
            needs_fit: true,
            watch: None,
            needs_watch: true,
            fit: 0,
            changed: Vec::new(),
        }
    }
}
