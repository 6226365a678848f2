//! The plain inputs of the call: deals with their expected close, category override and win
//! probability, their stage history, reps and quotas; and where a deal stood on a past date.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::category::Category;
use crate::analytics::pipeline::{QuotaFacts, RepFacts, StageChangeFacts};
use crate::domain::{Money, Pipelines, Stage};

/// One deal as the call sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitDeal {
    /// The deal's id.
    pub id: i64,
    /// The pipeline it belongs to.
    pub pipeline_id: i64,
    /// The rep working it, if any.
    pub rep_id: Option<i64>,
    /// Its amount.
    pub amount: Money,
    /// Its current stage.
    pub stage: Stage,
    /// The day it was opened (it entered its pipeline's first stage that day).
    pub created_on: NaiveDate,
    /// The day it was Won or Lost.
    pub closed_on: Option<NaiveDate>,
    /// When it is expected to close (its current value: the book keeps no history of it).
    pub expected_close_on: Option<NaiveDate>,
    /// The manager's category, when overridden.
    pub category: Option<Category>,
    /// Its own win probability, 0 to 1 (the model's score, or one a manager set); `None` means
    /// the configured rate of its stage on the day of the call.
    pub win_probability: Option<f64>,
}

#[cfg(test)]
impl CommitDeal {
    /// A deal of rep 1 that closed at `stage` on `closed`, expected that day, for the tests.
    pub(crate) fn closed_test(
        id: i64,
        stage: Stage,
        created: NaiveDate,
        closed: NaiveDate,
        cents: i64,
    ) -> CommitDeal {
        CommitDeal {
            id,
            pipeline_id: 1,
            rep_id: Some(1),
            amount: Money(cents),
            stage,
            created_on: created,
            closed_on: Some(closed),
            expected_close_on: Some(closed),
            category: None,
            win_probability: None,
        }
    }
}

/// Everything the call, its snapshots and its backtest are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommitBook {
    /// Every deal, in any order.
    pub deals: Vec<CommitDeal>,
    /// Every stage change, in any order; changes of unknown deals are ignored.
    pub stage_changes: Vec<StageChangeFacts>,
    /// Every rep, with their team.
    pub reps: Vec<RepFacts>,
    /// Quotas per rep and quarter.
    pub quotas: Vec<QuotaFacts>,
    /// The book's pipelines and stages; each stage's default win probability is what the naive
    /// weighted-pipeline call of the backtest uses.
    pub pipelines: Pipelines,
}

/// Where each deal id sits in the book: a table indexed by id when the ids are dense (as the
/// database's are), else a hash map.
enum Positions {
    Dense { low: i64, at: Vec<u32> },
    Sparse(HashMap<i64, usize>),
}

impl Positions {
    fn new(deals: &[CommitDeal]) -> Positions {
        let low = deals.iter().map(|d| d.id).min().unwrap_or(0);
        let high = deals.iter().map(|d| d.id).max().unwrap_or(0);
        let span = usize::try_from(high.saturating_sub(low)).unwrap_or(usize::MAX);
        if span < 4 * deals.len().max(1) && deals.len() < u32::MAX as usize {
            let mut at = vec![u32::MAX; span + 1];
            for (i, d) in deals.iter().enumerate() {
                at[(d.id - low) as usize] = i as u32;
            }
            Positions::Dense { low, at }
        } else {
            Positions::Sparse(deals.iter().enumerate().map(|(i, d)| (d.id, i)).collect())
        }
    }

    fn get(&self, id: i64) -> Option<usize> {
        match self {
            Positions::Dense { low, at } => usize::try_from(id - low)
                .ok()
                .and_then(|k| at.get(k))
                .filter(|p| **p != u32::MAX)
                .map(|p| *p as usize),
            Positions::Sparse(map) => map.get(&id).copied(),
        }
    }
}

/// Each deal's stage changes in date order, found by the deal's position in the book.
#[derive(Debug, Clone)]
pub struct Histories {
    start: Vec<usize>,
    moves: Vec<(NaiveDate, Stage)>,
    /// Each pipeline's first open stage, where its deals start.
    firsts: Vec<(i64, Stage)>,
}

impl Histories {
    /// Groups the book's stage changes by deal (a counting sort, then a sort per deal where
    /// its changes are not in date order already).
    pub fn new(book: &CommitBook) -> Histories {
        let position = Positions::new(&book.deals);
        let mut start = vec![0usize; book.deals.len() + 1];
        // Each change's deal position, u32::MAX for a change of an unknown deal (a book of over
        // four billion deals could not be read into memory in the first place).
        let owner: Vec<u32> = book
            .stage_changes
            .iter()
            .map(|c| {
                position
                    .get(c.deal_id)
                    .and_then(|i| u32::try_from(i).ok())
                    .unwrap_or(u32::MAX)
            })
            .collect();
        for &i in owner.iter().filter(|i| **i != u32::MAX) {
            start[i as usize + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut moves = vec![(NaiveDate::MIN, Stage::Won); start.last().copied().unwrap_or(0)];
        for (change, &i) in book.stage_changes.iter().zip(&owner) {
            if i != u32::MAX {
                let slot = &mut next[i as usize];
                moves[*slot] = (change.changed_on, change.to);
                *slot += 1;
            }
        }
        for w in start.windows(2) {
            let deal = &mut moves[w[0]..w[1]];
            if !deal.is_sorted_by_key(|m| m.0) {
                deal.sort_by_key(|m| m.0);
            }
        }
        let firsts = book
            .pipelines
            .pipelines()
            .iter()
            .filter_map(|p| Some((p.id, book.pipelines.first_open(p.id)?)))
            .collect();
        Histories {
            start,
            moves,
            firsts,
        }
    }

    /// The open stage of the deal at `position` on `day`, or `None` when it was not open then
    /// (not yet created, or closed on or before `day`). Without a later change the deal sits in
    /// its current stage, so a deal with missing history is still placed.
    pub fn open_stage_on(
        &self,
        position: usize,
        deal: &CommitDeal,
        day: NaiveDate,
    ) -> Option<Stage> {
        if deal.created_on > day || deal.closed_on.is_some_and(|c| c <= day) {
            return None;
        }
        let from = self.start.get(position).copied().unwrap_or(0);
        let to = self.start.get(position + 1).copied().unwrap_or(from);
        let moves = &self.moves[from..to];
        let known = moves.partition_point(|m| m.0 <= day);
        let stage = if known == moves.len() && !deal.stage.is_closed() {
            deal.stage
        } else {
            let first = self.firsts.iter().find(|f| f.0 == deal.pipeline_id);
            moves[..known].last().map(|m| m.1).or(first.map(|f| f.1))?
        };
        (!stage.is_closed()).then_some(stage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn a_deal_is_rewound_to_its_stage_on_a_past_day() {
        let deal = CommitDeal {
            id: 7,
            pipeline_id: 1,
            rep_id: None,
            amount: Money(100),
            stage: Stage::Won,
            created_on: day(1, 1),
            closed_on: Some(day(3, 1)),
            expected_close_on: None,
            category: None,
            win_probability: None,
        };
        let change = |to, on| StageChangeFacts {
            opened: false,
            deal_id: 7,
            to,
            changed_on: on,
        };
        let book = CommitBook {
            deals: vec![deal.clone()],
            stage_changes: vec![
                change(Stage::Won, day(3, 1)),
                change(Stage::Open(2), day(2, 1)),
            ],
            ..CommitBook::default()
        };
        let h = Histories::new(&book);
        assert_eq!(h.open_stage_on(0, &deal, day(1, 15)), Some(Stage::Open(0)));
        assert_eq!(h.open_stage_on(0, &deal, day(2, 15)), Some(Stage::Open(2)));
        assert_eq!(h.open_stage_on(0, &deal, day(3, 1)), None);
    }
}
