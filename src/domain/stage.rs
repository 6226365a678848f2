//! Where a deal stands: one of the book's open stages, or Won or Lost.

/// A deal's stage. An open stage is its index in the book's [`Pipelines`](super::Pipelines)
/// (every pipeline's stages in order, pipeline after pipeline), so stages of one pipeline sort
/// in pipeline order, before Won and Lost; its name and pipeline are read from that catalogue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Stage {
    /// An open stage, by its index in the catalogue.
    Open(u16),
    /// Closed and booked.
    Won,
    /// Closed without a sale.
    Lost,
}

/// The names the closed outcomes are stored and shown under; no open stage may take them.
pub const CLOSED_NAMES: [&str; 2] = ["Won", "Lost"];

impl Stage {
    /// The open stage at `index` of the catalogue.
    pub fn open(index: usize) -> Stage {
        Stage::Open(u16::try_from(index).unwrap_or(u16::MAX))
    }

    /// True for Won and Lost.
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }

    /// The catalogue index of an open stage; `None` for Won and Lost.
    pub fn open_index(self) -> Option<usize> {
        match self {
            Stage::Open(i) => Some(usize::from(i)),
            Stage::Won | Stage::Lost => None,
        }
    }

    /// Won or Lost from its stored name (exact, then ignoring case and spaces).
    pub fn closed_named(name: &str) -> Option<Stage> {
        let exact = match name {
            "Won" => Some(Stage::Won),
            "Lost" => Some(Stage::Lost),
            _ => None,
        };
        exact.or_else(|| {
            let name = name.trim();
            if name.eq_ignore_ascii_case("Won") {
                Some(Stage::Won)
            } else if name.eq_ignore_ascii_case("Lost") {
                Some(Stage::Lost)
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_stages_sort_in_order_before_the_outcomes() {
        let mut stages = vec![Stage::Lost, Stage::open(2), Stage::Won, Stage::open(0)];
        stages.sort();
        assert_eq!(
            stages,
            vec![Stage::open(0), Stage::open(2), Stage::Won, Stage::Lost]
        );
        assert_eq!(Stage::open(3).open_index(), Some(3));
        assert!(Stage::Won.is_closed() && !Stage::open(0).is_closed());
    }

    #[test]
    fn outcomes_parse_ignoring_case() {
        assert_eq!(Stage::closed_named(" won "), Some(Stage::Won));
        assert_eq!(Stage::closed_named("Lost"), Some(Stage::Lost));
        assert_eq!(Stage::closed_named("Prospecting"), None);
    }
}
