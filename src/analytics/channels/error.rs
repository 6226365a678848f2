//! Why a budget cannot be allocated, worded for a manager.

/// A budget that the bounds cannot hold, or bounds that make no sense.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChannelsError {
    /// The budget is not a finite amount of zero or more.
    #[error("the budget must be an amount of zero or more")]
    BadBudget,
    /// A channel's lower bound is above its upper bound (or one is not a number).
    #[error("the bounds of {channel} are wrong: {lo:.0} to {hi:.0}")]
    BadBounds {
        /// Which channel.
        channel: String,
        /// Its lower bound.
        lo: f64,
        /// Its upper bound.
        hi: f64,
    },
    /// Even every channel at its lower bound spends more than the budget.
    #[error(
        "the budget {budget:.0} is below the lower bounds, which add up to {lower:.0}: raise the budget or lower some bounds"
    )]
    BudgetBelowBounds {
        /// The budget asked for.
        budget: f64,
        /// Σ lower bounds (including channels that keep their spend).
        lower: f64,
    },
    /// Even every channel at its upper bound spends less than the budget.
    #[error(
        "the budget {budget:.0} is above the upper bounds, which add up to {upper:.0}: lower the budget or raise some bounds"
    )]
    BudgetAboveBounds {
        /// The budget asked for.
        budget: f64,
        /// Σ upper bounds (including channels that keep their spend).
        upper: f64,
    },
}
