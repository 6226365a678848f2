//! Marketing channels for the Channels screen and `salesdesk report channels`: a response curve
//! fitted per channel to its monthly (spend, revenue) history, and the split of a budget within
//! per-channel bounds that maximises the sum of predicted revenue.
//!
//! Two curve families, chosen per channel by AIC: log, R = a + b·ln(spend), by linear least
//! squares; saturating, R = c·(1 − e^(−spend/k)), by Gauss–Newton (argmin). Both are concave, so
//! the best split has equal marginal returns on every channel not held at a bound; it is found by
//! bisection on that common marginal return. Money is in dollars (f64) here; callers convert
//! from cents. Definitions are in `docs/report-channels.md`.

mod allocate;
mod curve;
mod error;
mod fit;
mod log_fit;
mod plan;
mod saturating_fit;

pub use allocate::{Allocation, Bounds, allocate};
pub use curve::{Curve, Family, MonthPoint};
pub use error::ChannelsError;
pub use fit::{Fit, MIN_MONTHS, Unfitted, fit_channel};
pub use plan::{ChannelInput, ChannelPlan, FittedChannel, Plan, default_bounds, plan};
