//! The plain inputs of the pipeline KPIs, as `db::pipeline_facts::load_facts` reads them.

use chrono::NaiveDate;

use super::period::Quarter;
use crate::domain::{Money, Pipelines, Stage};

/// Everything the pipeline KPIs are computed from; no connection, so tests build it by hand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PipelineFacts {
    /// Every deal, in any order.
    pub deals: Vec<DealFacts>,
    /// Every stage change, in any order; changes of unknown deals are ignored.
    pub stage_changes: Vec<StageChangeFacts>,
    /// Quotas per rep and quarter.
    pub quotas: Vec<QuotaFacts>,
    /// Every rep, for names, teams and per-rep rows.
    pub reps: Vec<RepFacts>,
    /// Every product, for names and per-product rows.
    pub products: Vec<ProductFacts>,
    /// The book's pipelines and stages: names, order, default probability and staleness.
    pub pipelines: Pipelines,
    /// The one pipeline the facts were narrowed to (see [`PipelineFacts::scoped`]); `None` for
    /// the whole book.
    pub only: Option<i64>,
}

impl PipelineFacts {
    /// The facts of one pipeline's deals only (`None` keeps every pipeline): how the KPIs are
    /// read per pipeline.
    pub fn scoped(mut self, pipeline: Option<i64>) -> PipelineFacts {
        self.only = pipeline;
        if let Some(id) = pipeline {
            self.deals.retain(|d| d.pipeline_id == id);
            let kept: std::collections::HashSet<i64> = self.deals.iter().map(|d| d.id).collect();
            self.stage_changes.retain(|c| kept.contains(&c.deal_id));
        }
        self
    }

    /// True when the facts cover `pipeline_id`'s deals.
    pub fn covers(&self, pipeline_id: i64) -> bool {
        self.only.is_none_or(|id| id == pipeline_id)
    }

    /// A stage's name as the KPIs show it: plain within one pipeline, with its pipeline's name
    /// when the facts mix several.
    pub fn stage_label(&self, stage: crate::domain::Stage) -> String {
        match self.only {
            Some(_) => self.pipelines.name(stage).to_string(),
            None => self.pipelines.long_name(stage),
        }
    }
}

/// One deal as it stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct DealFacts {
    /// The deal's id.
    pub id: i64,
    /// The pipeline it belongs to.
    pub pipeline_id: i64,
    /// The rep working it, if any.
    pub rep_id: Option<i64>,
    /// The product sold, if any.
    pub product_id: Option<i64>,
    /// Its amount.
    pub amount: Money,
    /// Its current stage.
    pub stage: Stage,
    /// The day it was opened; it entered its pipeline's first stage that day.
    pub created_on: NaiveDate,
    /// The day it was Won or Lost; `None` while open.
    pub closed_on: Option<NaiveDate>,
    /// Its own win probability in basis points, overriding its stage's default.
    pub probability_bp: Option<u16>,
}

/// One move of a deal into a stage (its creation is not one: a deal enters its pipeline's first
/// stage on `created_on`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageChangeFacts {
    /// The deal that moved.
    pub deal_id: i64,
    /// The stage it moved into.
    pub to: Stage,
    /// The day it moved.
    pub changed_on: NaiveDate,
    /// True for a deal's entry into its stage when it was opened (no stage before it): an
    /// import records a deal opened at a later stage so.
    pub opened: bool,
}

/// A rep's quota for one quarter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuotaFacts {
    /// The rep.
    pub rep_id: i64,
    /// The quarter it covers.
    pub quarter: Quarter,
    /// Won amount expected in that quarter.
    pub amount: Money,
}

/// A rep with their team.
#[derive(Debug, Clone, PartialEq)]
pub struct RepFacts {
    /// The rep's id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Team name; quota attainment is also totalled per team.
    pub team: String,
}

/// A product.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductFacts {
    /// The product's id.
    pub id: i64,
    /// Display name.
    pub name: String,
}
