//! The plain inputs of the pipeline KPIs, as `db::pipeline_facts::load_facts` reads them.

use chrono::NaiveDate;

use super::period::Quarter;
use crate::domain::{Money, Stage};

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
    /// Default probability and staleness of each open stage; a missing stage counts as 0%.
    pub stage_settings: Vec<StageSetting>,
}

/// One deal as it stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct DealFacts {
    /// The deal's id.
    pub id: i64,
    /// The rep working it, if any.
    pub rep_id: Option<i64>,
    /// The product sold, if any.
    pub product_id: Option<i64>,
    /// Its amount.
    pub amount: Money,
    /// Its current stage.
    pub stage: Stage,
    /// The day it was opened; it entered Lead that day.
    pub created_on: NaiveDate,
    /// The day it was Won or Lost; `None` while open.
    pub closed_on: Option<NaiveDate>,
    /// Its own win probability in basis points, overriding its stage's default.
    pub probability_bp: Option<u16>,
}

/// One move of a deal into a stage (its creation is not one: a deal enters Lead on `created_on`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageChangeFacts {
    /// The deal that moved.
    pub deal_id: i64,
    /// The stage it moved into.
    pub to: Stage,
    /// The day it moved.
    pub changed_on: NaiveDate,
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

/// An open stage's default win probability and how long a deal may sit in it before it is stale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageSetting {
    /// The open stage.
    pub stage: Stage,
    /// Default win probability in basis points (10,000 = 100%).
    pub probability_bp: u16,
    /// A deal in the stage for more than this many days is stale.
    pub stale_days: u32,
}
