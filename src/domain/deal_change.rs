//! A change the manager makes to one deal, as one undoable unit.

use chrono::NaiveDate;

use crate::domain::{Money, Stage};

/// What to do to a deal; each becomes one transaction and one batch of edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DealChange {
    /// Move an open deal to another open stage.
    Move {
        /// The stage to move to.
        to: Stage,
    },
    /// Close the deal as Won today.
    Win,
    /// Close the deal as Lost today, for a reason.
    Lose {
        /// Why it was lost.
        reason: String,
    },
    /// Reopen a closed deal at the open stage it closed from (Negotiation when unknown).
    Reopen,
    /// Change amount, expected close date and probability override.
    Edit {
        /// New amount.
        amount: Money,
        /// New expected close date, if any.
        expected_close_on: Option<NaiveDate>,
        /// New probability override in basis points; `None` uses the stage's default.
        probability_bp: Option<i64>,
    },
}

/// Reasons offered when a deal is marked Lost.
pub const LOST_REASONS: [&str; 6] = [
    "Price",
    "Competitor",
    "No budget",
    "No decision",
    "Timing",
    "Product fit",
];
