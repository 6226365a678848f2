//! The optimal assignment plan as a diff of moves: its state, keys and view.

pub mod keys;
pub mod view;

use std::collections::BTreeSet;

use crate::analytics::assign::{Plan, Scope};
use crate::tui::action::Command;

/// The optimal plan on show, with the rows the manager toggled out.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    /// The scope it was asked for.
    pub scope: Scope,
    /// The plan, once the worker has solved it.
    pub plan: Option<Plan>,
    /// Task ids of moves left out.
    pub skipped: BTreeSet<i64>,
    /// The highlighted move.
    pub cursor: usize,
}

impl PlanView {
    /// Moves the highlight for `command`, `page` moves a page; false when `command` does not
    /// move it.
    pub fn step(&mut self, command: Command, page: usize) -> bool {
        let last = self
            .plan
            .as_ref()
            .map_or(0, |p| p.moves.len().saturating_sub(1));
        self.cursor = match command {
            Command::Up => self.cursor.saturating_sub(1),
            Command::Down => (self.cursor + 1).min(last),
            Command::PageUp => self.cursor.saturating_sub(page.max(1)),
            Command::PageDown => (self.cursor + page.max(1)).min(last),
            Command::Top => 0,
            Command::Bottom => last,
            _ => return false,
        };
        true
    }

    /// The moves still in the plan, as (task, rep).
    pub fn kept_moves(&self) -> Vec<(i64, i64)> {
        self.plan
            .iter()
            .flat_map(|p| &p.moves)
            .filter(|m| !self.skipped.contains(&m.task_id))
            .map(|m| (m.task_id, m.to))
            .collect()
    }

    /// The total cost after the moves still in the plan.
    pub fn total_after(&self) -> Option<f64> {
        let plan = self.plan.as_ref()?;
        let skipped: f64 = plan
            .moves
            .iter()
            .filter(|m| self.skipped.contains(&m.task_id))
            .map(|m| m.cost_change)
            .sum();
        Some(plan.total_after - skipped)
    }
}
