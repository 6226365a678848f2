//! The board's columns: per open stage, the deals open on the as-of date, their sum and their
//! probability-weighted sum.

use serde::Serialize;

use super::stats::{money, round_div};
use super::view::PipelineView;
use crate::domain::{Money, Stage};

/// One open stage's deals on the as-of date. Money fields are cents in JSON (`*_cents`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTotal {
    /// The open stage.
    #[serde(skip)]
    pub stage: Stage,
    /// Its name (with its pipeline's when the book has several).
    #[serde(rename = "stage")]
    pub name: String,
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
    /// Per open stage of every pipeline, in catalogue order: the deals open on the as-of date,
    /// their sum, weighted sum and how many are stale.
    pub fn stage_totals(&self) -> Vec<StageTotal> {
        let catalogue = &self.facts.pipelines;
        let mut rows = vec![(0u64, 0i128, 0i128, 0u64); catalogue.open_count()];
        for (i, position) in self.open_deals() {
            let Some(row) = position.stage.open_index().and_then(|s| rows.get_mut(s)) else {
                continue;
            };
            let deal = &self.facts.deals[i];
            let bp = deal
                .probability_bp
                .unwrap_or_else(|| catalogue.probability_bp(position.stage));
            let cents = i128::from(deal.amount.cents());
            row.0 += 1;
            row.1 += cents;
            row.2 += cents * i128::from(bp);
            row.3 += u64::from(self.is_stale(i));
        }
        catalogue
            .all_open()
            .zip(rows)
            .filter(|(stage, _)| {
                catalogue
                    .pipeline_of(*stage)
                    .is_some_and(|p| self.facts.covers(p))
            })
            .map(|(stage, (count, sum, weighted, stale))| StageTotal {
                stage,
                name: self.facts.stage_label(stage),
                count,
                sum: money(sum),
                weighted: money(round_div(weighted, 10_000)),
                stale,
            })
            .collect()
    }
}
