//! Won, lost and open deals per rep and per product.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::DealFacts;
use super::period::Period;
use super::stats::{money, ratio};
use super::view::PipelineView;
use crate::domain::{Money, Stage};

/// One rep's or product's deals. Money fields are cents in JSON (`*_cents`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownRow {
    /// The rep's or product's id; `None` for the row of deals without one (or with an unknown one).
    pub id: Option<i64>,
    /// Its name.
    pub name: String,
    /// Won deals closed in the period.
    pub won: u64,
    /// Lost deals closed in the period.
    pub lost: u64,
    /// Deals open on the as-of date.
    pub open: u64,
    /// `won / (won + lost)`; `None` when none closed.
    pub win_rate: Option<f64>,
    /// Sum of the Won amounts closed in the period.
    #[serde(rename = "won_value_cents")]
    pub won_value: Money,
}

impl PipelineView<'_> {
    /// One row per rep in `facts().reps` order, then `(no rep)` when some deal has none.
    pub fn breakdown_by_rep(&self, period: Period) -> Vec<BreakdownRow> {
        let keys = self.facts.reps.iter().map(|r| (r.id, r.name.as_str()));
        self.breakdown(period, keys, "(no rep)", |d| d.rep_id)
    }

    /// One row per product in `facts().products` order, then `(no product)` when some deal has
    /// none.
    pub fn breakdown_by_product(&self, period: Period) -> Vec<BreakdownRow> {
        let keys = self.facts.products.iter().map(|p| (p.id, p.name.as_str()));
        self.breakdown(period, keys, "(no product)", |d| d.product_id)
    }

    fn breakdown<'k>(
        &self,
        period: Period,
        keys: impl Iterator<Item = (i64, &'k str)>,
        none: &str,
        key_of: impl Fn(&DealFacts) -> Option<i64>,
    ) -> Vec<BreakdownRow> {
        let mut rows: Vec<BreakdownRow> = keys
            .map(|(id, name)| row(Some(id), name))
            .chain(std::iter::once(row(None, none)))
            .collect();
        let slots: HashMap<i64, usize> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.id.map(|id| (id, i)))
            .collect();
        let unassigned = rows.len() - 1;
        let slot = |deal: &DealFacts| {
            key_of(deal)
                .and_then(|id| slots.get(&id).copied())
                .unwrap_or(unassigned)
        };
        let mut won_cents = vec![0i128; rows.len()];
        for (i, deal) in self.facts.deals.iter().enumerate() {
            let s = slot(deal);
            if self.position(i).is_some() {
                rows[s].open += 1;
            }
            match (deal.stage, deal.closed_on) {
                (Stage::Won, Some(day)) if period.contains(day) => {
                    rows[s].won += 1;
                    won_cents[s] += i128::from(deal.amount.cents());
                }
                (Stage::Lost, Some(day)) if period.contains(day) => rows[s].lost += 1,
                _ => {}
            }
        }
        for (row, cents) in rows.iter_mut().zip(won_cents) {
            row.won_value = money(cents);
            row.win_rate = ratio(row.won, row.won + row.lost);
        }
        if rows.last().is_some_and(|r| r.won + r.lost + r.open == 0) {
            rows.pop();
        }
        rows
    }
}

fn row(id: Option<i64>, name: &str) -> BreakdownRow {
    BreakdownRow {
        id,
        name: name.to_string(),
        won: 0,
        lost: 0,
        open: 0,
        win_rate: None,
        won_value: Money::ZERO,
    }
}
