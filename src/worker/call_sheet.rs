//! What a call job is asked for, and what the Forecast screen's call view shows as the worker
//! computes it: the call with where its win probabilities came from, whether it was stored, how
//! it moved, the waterfall since a stored day and the track record of past periods.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::analytics::commit::{Call, CallPoint, CommitSettings, PastCall, Waterfall};
use crate::analytics::scoring::ScoringSettings;

/// The call view's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallSheet {
    /// The call for this quarter, without its per-deal odds (the view lists only the movers).
    pub call: Call,
    /// Where the deals' win probabilities come from, in words.
    pub win_probabilities: String,
    /// Whether today's call was stored, or why not, in words.
    pub stored: String,
    /// The stored calls of the quarter, oldest first: how the call moved.
    pub history: Vec<CallPoint>,
    /// The waterfall from the stored call it starts at; `None` without a stored call then.
    pub waterfall: Option<Waterfall>,
    /// Past periods' last calls against what closed, oldest first.
    pub track: Vec<PastCall>,
    /// The movers' deal titles, in the movers' order.
    pub titles: Vec<(i64, String)>,
}

/// What a call job is asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct CallAsk {
    /// The day the call is made as of; its quarter is the period.
    pub as_of: NaiveDate,
    /// Store the call (as of `as_of`) unless one is stored for that day: true when `as_of` is today.
    pub store: bool,
    /// The waterfall starts from the last call stored on or before this day (default: the first
    /// stored call of the quarter).
    pub since: Option<NaiveDate>,
    /// The category thresholds.
    pub commit: CommitSettings,
    /// The win model's settings.
    pub scoring: ScoringSettings,
}
