//! The Forecast screen's call view: this quarter's P10/P50/P90, Commit and Best-case roll-ups,
//! quota and P(hit) for the total, each team and each rep, the deals that move it, how the call
//! moved, a waterfall since a stored day, and past periods' calls against what closed.

pub mod chart;
pub mod sections;
pub mod update;
pub mod view;

use chrono::NaiveDate;

use crate::worker::CallSheet;

/// What the call view shows and has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallState {
    /// True while the call view replaces the bookings forecast.
    pub shown: bool,
    /// The newest call the worker made; kept on screen while a new one is made.
    pub sheet: Option<CallSheet>,
    /// True when the deals changed since the call was last asked for.
    pub needs_fit: bool,
    /// Store the call the desk makes (once a day, never rewritten): true when the desk's day is
    /// today and not a replay of a past day.
    pub store: bool,
    /// True once the call has been asked for (by the view, or after the desk's first model fit).
    pub made_on_open: bool,
    /// The waterfall starts from the last call stored on or before this day (`None`: the first
    /// stored call of the quarter).
    pub since: Option<NaiveDate>,
    /// The highlighted mover.
    pub mover: usize,
    /// Rows the group table is scrolled down by.
    pub scroll: u16,
}

impl CallState {
    /// The stored days of the quarter, oldest first: where the waterfall can start.
    pub fn stored_days(&self) -> Vec<NaiveDate> {
        self.sheet
            .as_ref()
            .map(|s| s.history.iter().map(|p| p.taken_on).collect())
            .unwrap_or_default()
    }

    /// The highlighted mover's deal id.
    pub fn selected_mover(&self) -> Option<i64> {
        self.sheet
            .as_ref()
            .and_then(|s| s.call.movers.get(self.mover))
            .map(|m| m.id)
    }
}
