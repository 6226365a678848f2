//! Pipeline KPIs for the board and `salesdesk report pipeline`: win rate, deal size, sales
//! cycle, velocity, stage conversion and days in stage, quota attainment, per-stage totals and
//! per-rep and per-product rows.
//!
//! Pure functions over [`PipelineFacts`]: no I/O, linear time in deals and stage changes (a
//! million deals with three million changes take well under a second). Build a
//! [`PipelineView`] once per data change and as-of date to compute several periods cheaply; the
//! free functions below do that for a single answer. Definitions are in
//! `docs/report-pipeline.md` and on each output field.

mod breakdown;
mod facts;
mod flow;
mod flow_serde;
mod history;
mod kpis;
mod period;
mod quota;
mod report;
mod ser;
mod stages;
mod stats;
mod view;

use chrono::NaiveDate;

pub use breakdown::BreakdownRow;
pub use facts::{DealFacts, PipelineFacts, ProductFacts, QuotaFacts, RepFacts, StageChangeFacts};
pub use flow::{StageConversion, StageDwell};
pub use history::DealPosition;
pub use kpis::Kpis;
pub use period::{ParsePeriodKindError, Period, PeriodKind, Quarter};
pub use quota::{QuotaAttainment, RepAttainment, TeamAttainment, prorated_quota, quota_attainment};
pub use report::PipelineReport;
pub use stages::StageTotal;
pub use view::PipelineView;

/// The headline KPIs of `period` as of `as_of` (see [`Kpis`]).
pub fn kpis(facts: &PipelineFacts, period: Period, as_of: NaiveDate) -> Kpis {
    PipelineView::new(facts, as_of).kpis(period)
}

/// Count, sum, weighted sum and stale count of the deals open on `as_of`, per open stage.
pub fn stage_totals(facts: &PipelineFacts, as_of: NaiveDate) -> Vec<StageTotal> {
    PipelineView::new(facts, as_of).stage_totals()
}

/// Won and lost (closed in `period`), open (on `as_of`), win rate and won value per rep.
pub fn breakdown_by_rep(
    facts: &PipelineFacts,
    period: Period,
    as_of: NaiveDate,
) -> Vec<BreakdownRow> {
    PipelineView::new(facts, as_of).breakdown_by_rep(period)
}

/// Won and lost (closed in `period`), open (on `as_of`), win rate and won value per product.
pub fn breakdown_by_product(
    facts: &PipelineFacts,
    period: Period,
    as_of: NaiveDate,
) -> Vec<BreakdownRow> {
    PipelineView::new(facts, as_of).breakdown_by_product(period)
}

/// Every pipeline KPI for `kind`'s period ending on `as_of`.
pub fn pipeline_report(
    facts: &PipelineFacts,
    kind: PeriodKind,
    as_of: NaiveDate,
) -> PipelineReport {
    PipelineView::new(facts, as_of).report(kind)
}
