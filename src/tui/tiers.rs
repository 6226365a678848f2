//! The Tiers screen's state: the newest value overview the worker computed.

use crate::analytics::value::TiersOverview;

/// What the Tiers screen has.
#[derive(Debug, Clone, PartialEq)]
pub struct TiersState {
    /// The newest overview; kept on screen while a new one is computed.
    pub overview: Option<TiersOverview>,
    /// True when the deals changed since the last computation was asked for.
    pub needs_fit: bool,
}

impl Default for TiersState {
    fn default() -> Self {
        TiersState {
            overview: None,
            needs_fit: true,
        }
    }
}
