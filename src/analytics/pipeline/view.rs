//! The facts prepared once for one as-of date: histories grouped by deal and every deal's stage
//! on that date. Every KPI reads from it, so a screen that switches periods pays the grouping once.

use chrono::NaiveDate;

use super::facts::PipelineFacts;
use super::history::{DealPosition, Histories, Stint, walk};
use crate::domain::Stage;

/// The facts with each deal's history grouped and its position on the as-of date worked out.
pub struct PipelineView<'a> {
    pub(super) facts: &'a PipelineFacts,
    pub(super) as_of: NaiveDate,
    histories: Histories,
    positions: Vec<Option<DealPosition>>,
}

impl<'a> PipelineView<'a> {
    /// Prepares `facts` for KPIs as of `as_of`: linear time in deals and stage changes.
    pub fn new(facts: &'a PipelineFacts, as_of: NaiveDate) -> PipelineView<'a> {
        let histories = Histories::new(&facts.deals, &facts.stage_changes);
        let positions = facts
            .deals
            .iter()
            .enumerate()
            .map(|(i, deal)| {
                let start = first_stage(facts, deal.pipeline_id);
                walk(
                    deal,
                    start,
                    histories.of(i, &facts.stage_changes),
                    as_of,
                    |_| (),
                )
            })
            .collect();
        PipelineView {
            facts,
            as_of,
            histories,
            positions,
        }
    }

    /// The facts this view was built from.
    pub fn facts(&self) -> &'a PipelineFacts {
        self.facts
    }

    /// The as-of date.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Where the deal at `index` of `facts().deals` stands on the as-of date; `None` when it
    /// was not open then (or the index is out of range).
    pub fn position(&self, index: usize) -> Option<DealPosition> {
        self.positions.get(index).copied().flatten()
    }

    /// True when the deal at `index` is open and has been in its stage for more than its
    /// stage's `stale_days` (never when the stage has no setting).
    pub fn is_stale(&self, index: usize) -> bool {
        self.position(index).is_some_and(|p| {
            self.facts
                .pipelines
                .stale_days(p.stage)
                .is_some_and(|days| p.days_in_stage > i64::from(days))
        })
    }

    /// Every open deal: its index in `facts().deals` and its position.
    pub(super) fn open_deals(&self) -> impl Iterator<Item = (usize, DealPosition)> {
        self.positions
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.map(|p| (i, p)))
    }

    /// Walks every deal's history again, handing `on_deal` the deal's index and its stays in
    /// order (one buffer reused, so a million deals allocate once).
    pub(super) fn for_each_history(&self, mut on_deal: impl FnMut(usize, &[Stint])) {
        let mut stints = Vec::new();
        for (i, deal) in self.facts.deals.iter().enumerate() {
            stints.clear();
            walk(
                deal,
                first_stage(self.facts, deal.pipeline_id),
                self.histories.of(i, &self.facts.stage_changes),
                self.as_of,
                |s| stints.push(s),
            );
            on_deal(i, &stints);
        }
    }
}

/// The stage a deal of `pipeline_id` enters when it is opened: its pipeline's first.
fn first_stage(facts: &PipelineFacts, pipeline_id: i64) -> Stage {
    facts
        .pipelines
        .first_open(pipeline_id)
        .unwrap_or(Stage::open(0))
}
