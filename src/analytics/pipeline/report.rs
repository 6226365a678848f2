//! The whole pipeline report of one period kind, as `salesdesk report pipeline --json` prints it.

use chrono::NaiveDate;
use serde::Serialize;

use super::breakdown::BreakdownRow;
use super::kpis::Kpis;
use super::period::{Period, PeriodKind};
use super::quota::{QuotaAttainment, quota_attainment};
use super::ser;
use super::stages::StageTotal;
use super::view::PipelineView;

/// Every pipeline KPI of one period, with the period and the as-of date they were computed for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PipelineReport {
    /// The day treated as today.
    #[serde(serialize_with = "ser::date")]
    pub as_of: NaiveDate,
    /// Which period was asked for.
    pub period_kind: PeriodKind,
    /// Its days.
    pub period: Period,
    /// Headline KPIs.
    pub kpis: Kpis,
    /// Open deals per stage on the as-of date.
    pub stages: Vec<StageTotal>,
    /// Quota attainment per rep and team.
    pub quota: QuotaAttainment,
    /// Won, lost and open deals per rep.
    pub by_rep: Vec<BreakdownRow>,
    /// Won, lost and open deals per product.
    pub by_product: Vec<BreakdownRow>,
}

impl PipelineView<'_> {
    /// The full report for `kind`'s period ending at this view's as-of date.
    pub fn report(&self, kind: PeriodKind) -> PipelineReport {
        let period = kind.period(self.as_of);
        PipelineReport {
            as_of: self.as_of,
            period_kind: kind,
            period,
            kpis: self.kpis(period),
            stages: self.stage_totals(),
            quota: quota_attainment(self.facts, period),
            by_rep: self.breakdown_by_rep(period),
            by_product: self.breakdown_by_product(period),
        }
    }
}
