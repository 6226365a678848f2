//! Which groups a forecast is split into.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A way of splitting bookings: one series for everything, or one per rep, product, team or
/// pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Breakdown {
    /// All Won deals.
    #[default]
    Total,
    /// One series per rep.
    Rep,
    /// One series per product.
    Product,
    /// One series per team (`reps.team`).
    Team,
    /// One series per pipeline.
    Pipeline,
}

/// A breakdown name that is none of total, rep, product, team.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a breakdown; use total, rep, product, team or pipeline")]
pub struct ParseBreakdownError(pub String);

impl Breakdown {
    /// Every breakdown, in the order the screen cycles through them.
    pub const ALL: [Breakdown; 5] = [
        Breakdown::Total,
        Breakdown::Rep,
        Breakdown::Product,
        Breakdown::Team,
        Breakdown::Pipeline,
    ];

    /// The name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Breakdown::Total => "total",
            Breakdown::Rep => "rep",
            Breakdown::Product => "product",
            Breakdown::Team => "team",
            Breakdown::Pipeline => "pipeline",
        }
    }

    /// The next breakdown, wrapping around.
    pub fn next(self) -> Breakdown {
        let i = Breakdown::ALL.iter().position(|b| *b == self).unwrap_or(0);
        Breakdown::ALL[(i + 1) % Breakdown::ALL.len()]
    }
}

impl fmt::Display for Breakdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Breakdown {
    type Err = ParseBreakdownError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Breakdown::ALL
            .into_iter()
            .find(|b| b.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseBreakdownError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_cycle() {
        for b in Breakdown::ALL {
            assert_eq!(b.name().parse(), Ok(b));
        }
        assert_eq!(Breakdown::Team.next(), Breakdown::Pipeline);
        assert_eq!(Breakdown::Pipeline.next(), Breakdown::Total);
        assert!("region".parse::<Breakdown>().is_err());
    }
}
