//! How deals flow through the stages: stage-to-stage conversion and mean days in each stage.

use chrono::NaiveDate;
use serde::Serialize;

use super::period::Period;
use super::ser;
use super::stats::{mean, ratio};
use super::view::PipelineView;
use crate::domain::Stage;

/// Stages in the order a deal advances through them; Lost is not an advance.
const LADDER: [Stage; 5] = [
    Stage::Lead,
    Stage::Qualified,
    Stage::Proposal,
    Stage::Negotiation,
    Stage::Won,
];

/// Of the deals that reached `from` in the period, how many went on to reach `to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageConversion {
    /// The stage of the cohort.
    #[serde(serialize_with = "ser::stage")]
    pub from: Stage,
    /// The later stage that counts as converted.
    #[serde(serialize_with = "ser::stage")]
    pub to: Stage,
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

/// How long deals stayed in one open stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageDwell {
    /// The open stage.
    #[serde(serialize_with = "ser::stage")]
    pub stage: Stage,
    /// Stays in the stage that ended (the deal moved on, back, or closed) in the period.
    pub stints: u64,
    /// Mean days from entering to leaving over those stays; `None` when there were none.
    pub mean_days: Option<f64>,
    /// Deals jumped past this stage but none of the book ever stood in it.
    pub unused: bool,
}

/// Conversions and stage durations for one period.
pub(super) struct Flow {
    /// Lead→Qualified, Qualified→Proposal, Proposal→Negotiation, Negotiation→Won.
    pub conversions: Vec<StageConversion>,
    /// Deals created in the period that were Won by the as-of date.
    pub lead_to_won: StageConversion,
    /// One row per open stage.
    pub days_in_stage: Vec<StageDwell>,
}

impl PipelineView<'_> {
    /// Stage conversion and days in stage over `period`, from each deal's history up to the
    /// as-of date.
    ///
    /// A deal reaches a stage the first day it stands in that stage or a later one of
    /// Lead→Qualified→Proposal→Negotiation→Won (a skipped stage is reached when the deal jumps
    /// past it; Lead is reached on `created_on`). The cohort of a stage is the deals that
    /// reached it in the period; converted are those that reached the next stage by the as-of
    /// date. A stay in a stage ends when the deal moves to any other stage; mean days in stage
    /// averages the stays that ended in the period.
    pub(super) fn flow(&self, period: Period) -> Flow {
        let mut entered = [0u64; 4];
        let mut converted = [0u64; 4];
        let mut lead_won = 0u64;
        let mut dwell = [(0i64, 0u64); 4];
        let mut stood = [false; 5];
        let mut reached_any = [false; 5];
        self.for_each_history(|_, stints| {
            let mut reached: [Option<NaiveDate>; 5] = [None; 5];
            let mut top: Option<usize> = None;
            for stint in stints {
                if let (Some(left), Some(s)) = (stint.left, open_index(stint.stage))
                    && period.contains(left)
                {
                    dwell[s].0 += (left - stint.entered).num_days().max(0);
                    dwell[s].1 += 1;
                }
                let Some(rank) = LADDER.iter().position(|&s| s == stint.stage) else {
                    continue;
                };
                stood[rank] = true;
                let from = top.map_or(0, |t| t + 1);
                for slot in reached.iter_mut().take(rank + 1).skip(from) {
                    *slot = Some(stint.entered);
                }
                top = Some(top.map_or(rank, |t| t.max(rank)));
            }
            for (any, day) in reached_any.iter_mut().zip(reached) {
                *any |= day.is_some();
            }
            for rank in 0..4 {
                if reached[rank].is_some_and(|d| period.contains(d)) {
                    entered[rank] += 1;
                    converted[rank] += u64::from(reached[rank + 1].is_some());
                }
            }
            if reached[0].is_some_and(|d| period.contains(d)) && reached[4].is_some() {
                lead_won += 1;
            }
        });
        let unused: [bool; 5] = std::array::from_fn(|r| reached_any[r] && !stood[r]);
        let conversion = |from: usize, to: usize, done: u64| {
            let unused = unused[from] || unused[to];
            StageConversion {
                from: LADDER[from],
                to: LADDER[to],
                entered: entered[from],
                converted: done,
                rate: if unused {
                    None
                } else {
                    ratio(done, entered[from])
                },
                unused,
            }
        };
        Flow {
            conversions: (0..4).map(|r| conversion(r, r + 1, converted[r])).collect(),
            lead_to_won: conversion(0, 4, lead_won),
            days_in_stage: Stage::OPEN
                .iter()
                .zip(dwell)
                .zip(unused)
                .map(|((&stage, (days, stints)), unused)| StageDwell {
                    stage,
                    stints,
                    mean_days: mean(days as f64, stints),
                    unused,
                })
                .collect(),
        }
    }
}

/// Index of an open stage in [`Stage::OPEN`].
pub(super) fn open_index(stage: Stage) -> Option<usize> {
    Stage::OPEN.iter().position(|&s| s == stage)
}
