//! How deals flow through each pipeline's stages: stage-to-stage conversion and mean days in
//! each stage. Every pipeline has its own ladder (its open stages, then Won); a book with several
//! pipelines lists each pipeline's rows in turn.

use chrono::NaiveDate;
use serde::Deserialize;

use super::facts::PipelineFacts;
use super::period::Period;
use super::stats::{mean, ratio};
use super::view::PipelineView;
use crate::domain::Stage;

/// Of the deals that reached `from` in the period, how many went on to reach `to`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StageConversion {
    /// The stage of the cohort.
    #[serde(rename = "from_stage")]
    pub from: Stage,
    /// The later stage that counts as converted.
    #[serde(rename = "to_stage")]
    pub to: Stage,
    /// `from`'s name (with its pipeline's when the book has several).
    #[serde(rename = "from")]
    pub from_name: String,
    /// `to`'s name, likewise.
    #[serde(rename = "to")]
    pub to_name: String,
    /// Deals that reached `from` on a day in the period.
    pub entered: u64,
    /// Of those, deals that reached `to` or a later stage (not Lost) by the as-of date.
    pub converted: u64,
    /// `converted / entered`; `None` when nothing entered or when `unused`.
    pub rate: Option<f64>,
    /// `from` or `to` is a stage the book does not use: deals jumped past it but none ever
    /// stood in it, so the rate would measure nothing. It is `None`, shown as "—" with a note.
    pub unused: bool,
}

/// Mean days deals stayed in one open stage, over the stays that ended in the period.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StageDwell {
    /// The open stage.
    #[serde(rename = "open_stage")]
    pub stage: Stage,
    /// Its name (with its pipeline's when the book has several).
    #[serde(rename = "stage")]
    pub name: String,
    /// Stays in the stage that ended in the period.
    pub stints: u64,
    /// Mean length of those stays in days; `None` when there were none.
    pub mean_days: Option<f64>,
    /// No deal ever stood in the stage although later stages were reached: the book does not
    /// use it (see [`StageConversion::unused`]).
    pub unused: bool,
}

/// The flow KPIs of a period.
pub(super) struct Flow {
    /// Each stage to the next (the last open stage to Won), pipeline after pipeline.
    pub conversions: Vec<StageConversion>,
    /// Each pipeline's first stage to Won.
    pub first_to_won: Vec<StageConversion>,
    /// Mean days in each open stage, pipeline after pipeline.
    pub days_in_stage: Vec<StageDwell>,
}

/// Rung `rank` of a pipeline's ladder whose open stages are catalogue `start..start + len`:
/// an open stage, or Won past the last.
fn rung(start: usize, len: usize, rank: usize) -> Stage {
    if rank < len {
        Stage::open(start + rank)
    } else {
        Stage::Won
    }
}

/// Counts per rung of one pipeline's ladder (its open stages, then Won).
#[derive(Default)]
struct Ladder {
    entered: Vec<u64>,
    converted: Vec<u64>,
    stood: Vec<bool>,
    reached_any: Vec<bool>,
    first_won: u64,
}

impl PipelineView<'_> {
    /// Conversion and days in stage for cohorts entering a stage in `period`.
    ///
    /// A deal that skips stages (a change straight from the first stage to the third) counts
    /// as having reached every stage it skipped, on the day it jumped; a deal opened at a later
    /// stage reached only that one and those after. Lost ends the walk without reaching
    /// anything. Days in stage count only stays that ended in the period.
    pub(super) fn flow(&self, period: Period) -> Flow {
        let catalogue = &self.facts.pipelines;
        let pipelines = catalogue.pipelines();
        let mut ladders: Vec<Ladder> = pipelines
            .iter()
            .map(|p| {
                let rungs = p.stages.len() + 1;
                Ladder {
                    entered: vec![0; rungs],
                    converted: vec![0; rungs],
                    stood: vec![false; rungs],
                    reached_any: vec![false; rungs],
                    first_won: 0,
                }
            })
            .collect();
        let mut dwell = vec![(0i64, 0u64); catalogue.open_count()];
        let mut reached: Vec<Option<NaiveDate>> = Vec::new();
        self.for_each_history(|i, stints| {
            let pipeline_id = self.facts.deals[i].pipeline_id;
            let Some(p) = pipelines.iter().position(|p| p.id == pipeline_id) else {
                return;
            };
            let len = pipelines[p].stages.len();
            let ladder = &mut ladders[p];
            reached.clear();
            reached.resize(len + 1, None);
            let mut top: Option<usize> = None;
            for stint in stints {
                if let (Some(left), Some(s)) = (stint.left, stint.stage.open_index())
                    && period.contains(left)
                    && let Some(slot) = dwell.get_mut(s)
                {
                    slot.0 += (left - stint.entered).num_days().max(0);
                    slot.1 += 1;
                }
                let rank = match stint.stage {
                    Stage::Won => len,
                    Stage::Lost => continue,
                    Stage::Open(_) => match catalogue.rank(stint.stage) {
                        Some(rank) if catalogue.pipeline_of(stint.stage) == Some(pipeline_id) => {
                            rank
                        }
                        _ => continue,
                    },
                };
                ladder.stood[rank] = true;
                // A deal opened at a later stage (see `walk`) did not pass the ones before it.
                let from = top.map_or(rank, |t| t + 1);
                for slot in reached.iter_mut().take(rank + 1).skip(from) {
                    *slot = Some(stint.entered);
                }
                top = Some(top.map_or(rank, |t| t.max(rank)));
            }
            for (any, day) in ladder.reached_any.iter_mut().zip(&reached) {
                *any |= day.is_some();
            }
            for rank in 0..len {
                if reached[rank].is_some_and(|d| period.contains(d)) {
                    ladder.entered[rank] += 1;
                    ladder.converted[rank] += u64::from(reached[rank + 1].is_some());
                }
            }
            if reached[0].is_some_and(|d| period.contains(d)) && reached[len].is_some() {
                ladder.first_won += 1;
            }
        });
        let mut flow = Flow {
            conversions: Vec::new(),
            first_to_won: Vec::new(),
            days_in_stage: Vec::new(),
        };
        let facts = self.facts;
        for (p, ladder) in pipelines.iter().zip(&ladders) {
            if !facts.covers(p.id) {
                continue;
            }
            let (start, len) = (p.stages.start, p.stages.len());
            let unused: Vec<bool> = (0..=len)
                .map(|r| ladder.reached_any[r] && !ladder.stood[r])
                .collect();
            let conversion = |from: usize, to: usize, done: u64| {
                let unused = unused[from] || unused[to];
                conversion_row(
                    facts,
                    (rung(start, len, from), rung(start, len, to)),
                    ladder.entered[from],
                    done,
                    unused,
                )
            };
            flow.conversions
                .extend((0..len).map(|r| conversion(r, r + 1, ladder.converted[r])));
            if len > 0 {
                flow.first_to_won.push(conversion(0, len, ladder.first_won));
            }
            flow.days_in_stage.extend((0..len).map(|r| {
                let stage = Stage::open(start + r);
                let (days, stints) = dwell[start + r];
                StageDwell {
                    stage,
                    name: facts.stage_label(stage),
                    stints,
                    mean_days: mean(days as f64, stints),
                    unused: unused[r],
                }
            }));
        }
        flow
    }
}

/// One conversion row, named from the catalogue.
fn conversion_row(
    facts: &PipelineFacts,
    (from, to): (Stage, Stage),
    entered: u64,
    converted: u64,
    unused: bool,
) -> StageConversion {
    StageConversion {
        from,
        to,
        from_name: facts.stage_label(from),
        to_name: facts.pipelines.name(to).to_string(),
        entered,
        converted,
        rate: if unused {
            None
        } else {
            ratio(converted, entered)
        },
        unused,
    }
}
