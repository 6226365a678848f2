//! The board's columns: per open stage, the deals open on the as-of date, their sum and their
//! probability-weighted sum.

use serde::Serialize;

use super::flow::open_index;
use super::ser;
use super::stats::{money, round_div};
use super::view::PipelineView;
use crate::domain::{Money, Stage};

/// One open stage's deals on the as-of date. Money fields are cents in JSON (`*_cents`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTotal {
    /// The open stage.
    #[serde(serialize_with = "ser::stage")]
    pub stage: Stage,
    /// Deals in the stage.
    pub count: u64,
    /// Sum of their amounts.
    #[serde(rename = "sum_cents")]
    pub sum: Money,
    /// `Σ amount × probability`, rounded to the cent once at the end; the probability is the
    /// deal's own `probability_bp` when set, else the stage's default (0 without a setting).
    #[serde(rename = "weighted_cents")]
    pub weighted: Money,
    /// Deals in the stage for more than the stage's `stale_days`.
    pub stale: u64,
}

impl PipelineView<'_> {
    /// One row per open stage, in pipeline order, over the deals open on the as-of date.
    pub fn stage_totals(&self) -> Vec<StageTotal> {
        let defaults = Stage::OPEN.map(|s| self.setting(s).map_or(0, |s| s.probability_bp));
        let mut rows = [(0u64, 0i128, 0i128, 0u64); 4];
        for (i, position) in self.open_deals() {
            let Some(s) = open_index(position.stage) else {
                continue;
            };
            let deal = &self.facts.deals[i];
            let bp = deal.probability_bp.unwrap_or(defaults[s]);
            let cents = i128::from(deal.amount.cents());
            let row = &mut rows[s];
            row.0 += 1;
            row.1 += cents;
            row.2 += cents * i128::from(bp);
            row.3 += u64::from(self.is_stale(i));
        }
        Stage::OPEN
            .iter()
            .zip(rows)
            .map(|(&stage, (count, sum, weighted, stale))| StageTotal {
                stage,
                count,
                sum: money(sum),
                weighted: money(round_div(weighted, 10_000)),
                stale,
            })
            .collect()
    }
}
