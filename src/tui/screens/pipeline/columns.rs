//! The board's columns: which pipeline it shows (or all of them), the open stage of each column
//! and the cards and totals behind it. The Won/Lost column comes last.

use super::PipelineState;
use crate::db::board::{Card, Totals};
use crate::domain::{Pipelines, Stage};

impl PipelineState {
    /// Shows one pipeline (`None`: all of them): the filter, the columns and the cursors follow;
    /// the cards and totals are the caller's to reload.
    pub fn set_scope(&mut self, pipeline: Option<i64>) {
        let pipeline = pipeline.filter(|id| self.catalogue.pipeline(*id).is_some());
        self.filter.pipeline_id = pipeline
            .or_else(|| (self.catalogue.pipelines().len() <= 1).then(|| self.catalogue.first_id()));
        self.list.pipeline_id = self.filter.pipeline_id;
        self.stages = match self.filter.pipeline_id {
            Some(id) => self.catalogue.open_of(id).collect(),
            None => self.catalogue.all_open().collect(),
        };
        let columns = self.column_count();
        self.selected = vec![0; columns];
        self.offset = vec![0; columns];
        self.column = self.column.min(columns - 1);
    }

    /// The board showing `pipeline` (`None`: all of them).
    pub fn scoped(mut self, pipeline: Option<i64>) -> PipelineState {
        self.set_scope(pipeline);
        self
    }

    /// Takes a new catalogue (after a stage edit), keeping the pipeline shown when it remains.
    pub fn set_catalogue(&mut self, catalogue: Pipelines) {
        self.catalogue = catalogue;
        self.totals = None;
        self.set_scope(self.filter.pipeline_id);
    }

    /// What the board shows, for its title: the pipeline's name, or "All pipelines".
    pub fn scope_name(&self) -> &str {
        self.filter
            .pipeline_id
            .and_then(|id| self.catalogue.pipeline(id))
            .map_or("All pipelines", |p| p.name.as_str())
    }

    /// True when no filter but the pipeline narrows the board.
    pub fn is_unfiltered(&self) -> bool {
        let rest = crate::db::board::BoardFilter {
            pipeline_id: None,
            ..self.filter.clone()
        };
        rest == crate::db::board::BoardFilter::default()
    }

    /// How many columns the board has: the open stages and Won/Lost.
    pub fn column_count(&self) -> usize {
        self.stages.len() + 1
    }

    /// The index of the Won/Lost column (the last).
    pub fn closed_column(&self) -> usize {
        self.stages.len()
    }

    /// The open stage of a column; `None` for Won/Lost.
    pub fn column_stage(&self, column: usize) -> Option<Stage> {
        self.stages.get(column).copied()
    }

    /// The column of an open stage shown on the board.
    pub fn stage_column(&self, stage: Stage) -> Option<usize> {
        self.stages.iter().position(|s| *s == stage)
    }

    /// The cards of one column.
    pub fn column_cards(&self, column: usize) -> &[Card] {
        match self.column_stage(column) {
            None if column == self.closed_column() => &self.cards.closed,
            None => &[],
            Some(stage) => stage
                .open_index()
                .and_then(|i| self.cards.open.get(i))
                .map_or(&[], Vec::as_slice),
        }
    }

    pub(super) fn column_cards_mut(&mut self, column: usize) -> Option<&mut Vec<Card>> {
        match self.column_stage(column) {
            None if column == self.closed_column() => Some(&mut self.cards.closed),
            None => None,
            Some(stage) => stage.open_index().and_then(|i| self.cards.open.get_mut(i)),
        }
    }

    /// The column totals of an open stage's column; `None` until counted.
    pub fn stage_totals(&self, column: usize) -> Option<&Totals> {
        let i = self.column_stage(column)?.open_index()?;
        self.totals.as_ref()?.open.get(i)
    }
}
