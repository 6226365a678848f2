//! Deal stages, in pipeline order.

use std::fmt;
use std::str::FromStr;

/// Where a deal stands: four open stages, then Won or Lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// A possible need, not yet confirmed.
    Lead,
    /// Need, budget and buyer confirmed.
    Qualified,
    /// A proposal or quote is out.
    Proposal,
    /// Terms are being negotiated.
    Negotiation,
    /// Closed and booked.
    Won,
    /// Closed without a sale.
    Lost,
}

/// A stage name that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a deal stage (Lead, Qualified, Proposal, Negotiation, Won, Lost)")]
pub struct ParseStageError(pub String);

impl Stage {
    /// Every stage in pipeline order.
    pub const ALL: [Stage; 6] = [
        Stage::Lead,
        Stage::Qualified,
        Stage::Proposal,
        Stage::Negotiation,
        Stage::Won,
        Stage::Lost,
    ];

    /// The open stages in pipeline order.
    pub const OPEN: [Stage; 4] = [
        Stage::Lead,
        Stage::Qualified,
        Stage::Proposal,
        Stage::Negotiation,
    ];

    /// The name stored in the database and shown on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Lead => "Lead",
            Stage::Qualified => "Qualified",
            Stage::Proposal => "Proposal",
            Stage::Negotiation => "Negotiation",
            Stage::Won => "Won",
            Stage::Lost => "Lost",
        }
    }

    /// True for Won and Lost.
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = ParseStageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // The exact name (as the book stores it) first: a million deals are read without trimming.
        let exact = Stage::ALL.into_iter().find(|stage| stage.as_str() == s);
        exact
            .or_else(|| {
                Stage::ALL
                    .into_iter()
                    .find(|stage| stage.as_str().eq_ignore_ascii_case(s.trim()))
            })
            .ok_or_else(|| ParseStageError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_ignore_case() {
        for stage in Stage::ALL {
            assert_eq!(stage.as_str().parse::<Stage>(), Ok(stage));
        }
        assert_eq!(" won ".parse::<Stage>(), Ok(Stage::Won));
        assert!("Prospecting".parse::<Stage>().is_err());
    }

    #[test]
    fn only_won_and_lost_are_closed() {
        let closed: Vec<_> = Stage::ALL.into_iter().filter(|s| s.is_closed()).collect();
        assert_eq!(closed, vec![Stage::Won, Stage::Lost]);
    }
}
