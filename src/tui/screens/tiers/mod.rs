//! The Tiers screen's state: the newest value overview the worker computed.

pub mod keys;
pub mod update;
pub mod view;

use std::collections::HashSet;

use crate::analytics::value::{NO_PURCHASE, TiersOverview};
use crate::tui::screens::customers::OnlyCustomers;

/// What the Tiers screen has.
#[derive(Debug, Clone, PartialEq)]
pub struct TiersState {
    /// The newest overview; kept on screen while a new one is computed.
    pub overview: Option<TiersOverview>,
    /// True when the deals changed since the last computation was asked for.
    pub needs_fit: bool,
    /// The selected group: tiers A, B, C first, then the RFM segments in order.
    pub selected: usize,
}

impl Default for TiersState {
    fn default() -> Self {
        TiersState {
            overview: None,
            needs_fit: true,
            selected: 0,
        }
    }
}

impl TiersState {
    /// Tiers and segments together, the order the selection moves in.
    pub fn group_count(&self) -> usize {
        self.overview
            .as_ref()
            .map_or(0, |o| o.report.tiers.len() + o.report.segments.len())
    }

    /// Moves the selection `by` groups, wrapping around.
    pub fn move_by(&mut self, by: isize) {
        let count = self.group_count();
        if count > 0 {
            self.selected =
                (self.selected.min(count - 1) as isize + by).rem_euclid(count as isize) as usize;
        }
    }

    /// The customers of the selected tier or segment.
    pub fn selected_customers(&self) -> Option<OnlyCustomers> {
        let report = &self.overview.as_ref()?.report;
        let tiers = report.tiers.len();
        let (label, ids): (String, HashSet<i64>) = if self.selected < tiers {
            let group = report.tiers.get(self.selected)?;
            let ids = report
                .customers
                .iter()
                .filter(|c| c.tier.label() == group.name)
                .map(|c| c.id)
                .collect();
            (format!("tier {}", group.name), ids)
        } else {
            let group = report.segments.get(self.selected - tiers)?;
            let ids = report
                .customers
                .iter()
                .filter(|c| c.segment.as_deref().unwrap_or(NO_PURCHASE) == group.name)
                .map(|c| c.id)
                .collect();
            (group.name.clone(), ids)
        };
        Some(OnlyCustomers { label, ids })
    }
}
