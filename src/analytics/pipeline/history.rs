//! Each deal's stage history: stage changes grouped by deal in date order, and the walk through
//! one deal's stays in its stages.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::facts::{DealFacts, StageChangeFacts};
use crate::domain::Stage;

/// Where a deal's id sits in the deals list: arithmetic when ids are consecutive (as SQLite
/// hands them out), a hash map otherwise.
enum DealIndex {
    Dense { first: i64, len: usize },
    Sparse(HashMap<i64, usize>),
}

impl DealIndex {
    fn new(deals: &[DealFacts]) -> DealIndex {
        let first = deals.first().map_or(0, |d| d.id);
        let dense = deals
            .iter()
            .enumerate()
            .all(|(i, d)| i64::try_from(i).is_ok_and(|i| first.checked_add(i) == Some(d.id)));
        if dense {
            return DealIndex::Dense {
                first,
                len: deals.len(),
            };
        }
        DealIndex::Sparse(deals.iter().enumerate().map(|(i, d)| (d.id, i)).collect())
    }

    fn position(&self, id: i64) -> Option<usize> {
        match self {
            DealIndex::Dense { first, len } => id
                .checked_sub(*first)
                .and_then(|i| usize::try_from(i).ok())
                .filter(|i| i < len),
            DealIndex::Sparse(map) => map.get(&id).copied(),
        }
    }
}

/// Stage changes grouped by deal (a counting sort: linear time), each group by date, ties in
/// input order.
pub(super) struct Histories {
    /// `order[start[i]..start[i + 1]]` are the indexes of deal `i`'s changes.
    start: Vec<usize>,
    order: Vec<usize>,
}

impl Histories {
    /// Groups `changes` by the position of their deal in `deals`.
    pub fn new(deals: &[DealFacts], changes: &[StageChangeFacts]) -> Histories {
        let index = DealIndex::new(deals);
        let mut start = vec![0usize; deals.len() + 1];
        for change in changes {
            if let Some(i) = index.position(change.deal_id) {
                start[i + 1] += 1;
            }
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0usize; start.last().copied().unwrap_or(0)];
        for (c, change) in changes.iter().enumerate() {
            if let Some(i) = index.position(change.deal_id) {
                order[next[i]] = c;
                next[i] += 1;
            }
        }
        for window in start.windows(2) {
            order[window[0]..window[1]].sort_by_key(|&c| changes[c].changed_on);
        }
        Histories { start, order }
    }

    /// The changes of the deal at `position`, in date order.
    pub fn of<'c>(
        &self,
        position: usize,
        changes: &'c [StageChangeFacts],
    ) -> impl Iterator<Item = &'c StageChangeFacts> {
        let from = self.start.get(position).copied().unwrap_or(0);
        let to = self.start.get(position + 1).copied().unwrap_or(from);
        self.order[from..to].iter().map(move |&c| &changes[c])
    }
}

/// One stay of a deal in a stage, as far as the as-of date shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Stint {
    /// The stage.
    pub stage: Stage,
    /// The day the deal entered it.
    pub entered: NaiveDate,
    /// The day it left; `None` when it is still there as of the as-of date.
    pub left: Option<NaiveDate>,
}

/// Where an open deal stands on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealPosition {
    /// Its open stage on that day.
    pub stage: Stage,
    /// The day it entered that stage.
    pub entered_on: NaiveDate,
    /// Days from entering the stage to the as-of date.
    pub days_in_stage: i64,
}

/// Walks a deal's history up to `as_of`, calling `on_stint` for each stay in order (`start`, its
/// pipeline's first stage, from `created_on` first, the unfinished stay last), and returns where the deal stands on `as_of`
/// when it is open then.
///
/// Changes after `as_of` are ignored, so an earlier as-of date rewinds the deal. A first move to
/// an open stage on the day the deal was opened is where it was opened, not a stay in `start`. A change into
/// the stage the deal is already in is not a move. A deal is open on `as_of` when it was created
/// by then and not closed on or before it; its stage is its current one when no change after
/// `as_of` exists (so a deal with missing history still sits in its real column), else the
/// stage the walk reached.
pub(super) fn walk<'c>(
    deal: &DealFacts,
    start: Stage,
    changes: impl Iterator<Item = &'c StageChangeFacts>,
    as_of: NaiveDate,
    mut on_stint: impl FnMut(Stint),
) -> Option<DealPosition> {
    if deal.created_on > as_of {
        return None;
    }
    let (mut stage, mut entered) = (start, deal.created_on);
    let mut rewound = false;
    let mut moved = false;
    for change in changes {
        if change.changed_on > as_of {
            rewound = true;
            break;
        }
        if change.to == stage {
            continue;
        }
        // A first move on the day the deal was opened means it was opened there (an import
        // records a deal created at a later stage so): no zero-day stay in the first stage.
        let created_there = !moved
            && change.opened
            && change.changed_on <= deal.created_on
            && !change.to.is_closed();
        moved = true;
        if created_there {
            stage = change.to;
            continue;
        }
        on_stint(Stint {
            stage,
            entered,
            left: Some(change.changed_on),
        });
        (stage, entered) = (change.to, change.changed_on);
    }
    on_stint(Stint {
        stage,
        entered,
        left: None,
    });
    if deal.closed_on.is_some_and(|closed| closed <= as_of) {
        return None;
    }
    let stage = if rewound || deal.stage.is_closed() {
        stage
    } else {
        deal.stage
    };
    (!stage.is_closed()).then(|| DealPosition {
        stage,
        entered_on: entered,
        days_in_stage: (as_of - entered).num_days().max(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn deal(
        id: i64,
        stage: Stage,
        created_on: NaiveDate,
        closed_on: Option<NaiveDate>,
    ) -> DealFacts {
        DealFacts {
            id,
            pipeline_id: 1,
            rep_id: None,
            product_id: None,
            amount: Money(100),
            stage,
            created_on,
            closed_on,
            probability_bp: None,
        }
    }

    fn change(deal_id: i64, to: Stage, changed_on: NaiveDate) -> StageChangeFacts {
        StageChangeFacts {
            deal_id,
            to,
            changed_on,
            opened: false,
        }
    }

    #[test]
    fn changes_group_by_deal_in_date_order_for_dense_and_sparse_ids() {
        for ids in [[1, 2, 3], [10, 70, 5]] {
            let deals: Vec<_> = ids
                .iter()
                .map(|&id| deal(id, Stage::Open(0), day(1, 1), None))
                .collect();
            let changes = vec![
                change(ids[1], Stage::Open(2), day(3, 1)),
                change(ids[0], Stage::Open(1), day(2, 1)),
                change(ids[1], Stage::Open(1), day(2, 1)),
                change(999, Stage::Won, day(2, 1)),
            ];
            let h = Histories::new(&deals, &changes);
            let of = |p| h.of(p, &changes).map(|c| c.to).collect::<Vec<_>>();
            assert_eq!(of(0), vec![Stage::Open(1)]);
            assert_eq!(of(1), vec![Stage::Open(1), Stage::Open(2)]);
            assert_eq!(of(2), Vec::<Stage>::new());
            assert_eq!(of(3), Vec::<Stage>::new());
        }
    }

    #[test]
    fn walk_lists_stays_and_rewinds_to_the_as_of_date() {
        let d = deal(1, Stage::Won, day(1, 1), Some(day(1, 31)));
        let changes = [
            change(1, Stage::Open(1), day(1, 11)),
            change(1, Stage::Open(1), day(1, 12)),
            change(1, Stage::Open(3), day(1, 21)),
            change(1, Stage::Won, day(1, 31)),
        ];
        let mut stints = Vec::new();
        let at = walk(&d, Stage::Open(0), changes.iter(), day(1, 25), |s| {
            stints.push(s)
        });
        assert_eq!(
            at,
            Some(DealPosition {
                stage: Stage::Open(3),
                entered_on: day(1, 21),
                days_in_stage: 4
            })
        );
        let stays: Vec<_> = stints
            .iter()
            .map(|s| (s.stage, s.entered, s.left))
            .collect();
        assert_eq!(
            stays,
            vec![
                (Stage::Open(0), day(1, 1), Some(day(1, 11))),
                (Stage::Open(1), day(1, 11), Some(day(1, 21))),
                (Stage::Open(3), day(1, 21), None),
            ]
        );
        assert_eq!(
            walk(&d, Stage::Open(0), changes.iter(), day(2, 1), |_| ()),
            None,
            "closed"
        );
        assert_eq!(
            walk(
                &d,
                Stage::Open(0),
                changes.iter(),
                day(1, 1).pred_opt().unwrap_or_default(),
                |_| ()
            ),
            None
        );
    }

    #[test]
    fn a_deal_without_history_sits_in_its_current_stage() {
        let d = deal(1, Stage::Open(2), day(1, 1), None);
        let at = walk(&d, Stage::Open(0), std::iter::empty(), day(1, 11), |_| ());
        assert_eq!(
            at.map(|p| (p.stage, p.days_in_stage)),
            Some((Stage::Open(2), 10))
        );
    }
}
