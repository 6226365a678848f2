//! The call as stored once a day, and what moved it: a line of the call over the period, and a
//! waterfall of the period's open pipeline since a stored day (new, won, lost, slipped in and out,
//! amount changes).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::CommitBook;
use super::call::Call;
use super::category::Category;
use super::ser;
use crate::domain::{Money, Stage};

/// One deal of the period's open pipeline as a snapshot keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotDeal {
    /// The deal's id.
    pub id: i64,
    /// Its rep.
    pub rep_id: Option<i64>,
    /// Its amount then, cents.
    pub amount_cents: i64,
    /// Its category then.
    pub category: Category,
    /// Its expected close then.
    #[serde(serialize_with = "ser::optional_date")]
    pub expected_close_on: Option<NaiveDate>,
    /// P(it lands in the period) then.
    pub land: f64,
}

/// The headline of one stored call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallPoint {
    /// The day it was stored.
    #[serde(serialize_with = "ser::date")]
    pub taken_on: NaiveDate,
    /// Won so far in the period, cents.
    pub closed_cents: i64,
    /// The Commit roll-up, cents.
    pub commit_cents: i64,
    /// The Best-case roll-up, cents.
    pub best_case_cents: i64,
    /// 10th percentile of bookings, cents.
    pub p10_cents: i64,
    /// Median, cents.
    pub p50_cents: i64,
    /// 90th percentile, cents.
    pub p90_cents: i64,
    /// The quota, cents.
    pub quota_cents: Option<i64>,
    /// P(bookings ≥ quota).
    pub p_hit: Option<f64>,
}

impl CallPoint {
    /// The headline of `call`.
    pub fn of(call: &Call) -> CallPoint {
        let t = &call.total;
        CallPoint {
            taken_on: call.as_of,
            closed_cents: t.closed.cents(),
            commit_cents: t.commit.cents(),
            best_case_cents: t.best_case.cents(),
            p10_cents: t.spread.p10.cents(),
            p50_cents: t.spread.p50.cents(),
            p90_cents: t.spread.p90.cents(),
            quota_cents: t.quota.map(Money::cents),
            p_hit: t.p_hit,
        }
    }
}

/// A past period's call against what closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastCall {
    /// The period, e.g. `2026Q3`.
    pub period: String,
    /// The first and the last stored call of the period.
    pub first: CallPoint,
    /// The last stored call.
    pub last: CallPoint,
    /// Won inside the period, cents.
    pub actual_cents: i64,
    /// Whether the result fell inside the last call's 80% band (P10 to P90).
    pub inside_band: bool,
    /// Whether the result reached the quota (`None` without one).
    pub hit: Option<bool>,
}

impl PastCall {
    /// The record of a period from its stored calls (oldest first) and what closed in it.
    pub fn new(period: &str, calls: &[CallPoint], actual_cents: i64) -> Option<PastCall> {
        let (first, last) = (calls.first()?, calls.last()?);
        Some(PastCall {
            period: period.to_string(),
            first: first.clone(),
            last: last.clone(),
            actual_cents,
            inside_band: last.p10_cents <= actual_cents && actual_cents <= last.p90_cents,
            hit: last.quota_cents.map(|q| actual_cents >= q),
        })
    }
}

/// The open deals of `call` expected in its period, as a snapshot keeps them.
pub fn snapshot_deals(call: &Call) -> Vec<SnapshotDeal> {
    call.deals
        .iter()
        .filter(|d| d.in_period)
        .map(|d| SnapshotDeal {
            id: d.id,
            rep_id: d.rep_id,
            amount_cents: d.amount.cents(),
            category: d.category.category,
            expected_close_on: d.expected_close_on,
            land: d.land,
        })
        .collect()
}

/// A count of deals and their amount.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// How many deals.
    pub deals: usize,
    /// Their amount (for amount changes, the net change), cents.
    pub cents: i64,
}

impl Step {
    fn add(&mut self, cents: i64) {
        self.deals += 1;
        self.cents += cents;
    }
}

/// How the period's open pipeline moved since a stored day:
/// `start + new + slipped_in + amount_changes − won − lost − slipped_out = end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waterfall {
    /// The stored day compared with.
    #[serde(serialize_with = "ser::date")]
    pub since: NaiveDate,
    /// The open pipeline expected in the period on that day.
    pub start: Step,
    /// Deals created since, now expected in the period.
    pub new: Step,
    /// Older deals whose expected close moved into the period.
    pub slipped_in: Step,
    /// Amount changes of deals in both (net; `deals` counts the changed ones).
    pub amount_changes: Step,
    /// Deals of the start pipeline won since (at their amount then).
    pub won: Step,
    /// Deals of the start pipeline lost since.
    pub lost: Step,
    /// Deals of the start pipeline still open but no longer expected in the period.
    pub slipped_out: Step,
    /// The open pipeline expected in the period now.
    pub end: Step,
}

/// The waterfall from the pipeline stored on `since` (`then`) to the one of `now`, with the
/// book telling what became of the deals that left it.
pub fn waterfall(
    since: NaiveDate,
    then: &[SnapshotDeal],
    now: &[SnapshotDeal],
    book: &CommitBook,
) -> Waterfall {
    let before: HashMap<i64, &SnapshotDeal> = then.iter().map(|d| (d.id, d)).collect();
    let after: HashMap<i64, &SnapshotDeal> = now.iter().map(|d| (d.id, d)).collect();
    let current: HashMap<i64, (Stage, NaiveDate)> = book
        .deals
        .iter()
        .map(|d| (d.id, (d.stage, d.created_on)))
        .collect();
    let mut w = Waterfall {
        since,
        start: Step::default(),
        new: Step::default(),
        slipped_in: Step::default(),
        amount_changes: Step::default(),
        won: Step::default(),
        lost: Step::default(),
        slipped_out: Step::default(),
        end: Step::default(),
    };
    for d in then {
        w.start.add(d.amount_cents);
        if let Some(n) = after.get(&d.id) {
            if n.amount_cents != d.amount_cents {
                w.amount_changes.add(n.amount_cents - d.amount_cents);
            }
            continue;
        }
        match current.get(&d.id).map(|c| c.0) {
            Some(Stage::Won) => w.won.add(d.amount_cents),
            Some(Stage::Lost) | None => w.lost.add(d.amount_cents),
            Some(_) => w.slipped_out.add(d.amount_cents),
        }
    }
    for d in now {
        w.end.add(d.amount_cents);
        if before.contains_key(&d.id) {
            continue;
        }
        match current.get(&d.id) {
            Some((_, created)) if *created > since => w.new.add(d.amount_cents),
            _ => w.slipped_in.add(d.amount_cents),
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::CommitDeal;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn snap(id: i64, cents: i64) -> SnapshotDeal {
        SnapshotDeal {
            id,
            rep_id: None,
            amount_cents: cents,
            category: Category::Pipeline,
            expected_close_on: Some(day(12, 1)),
            land: 0.5,
        }
    }

    fn deal(id: i64, stage: Stage, created: NaiveDate) -> CommitDeal {
        CommitDeal {
            id,
            pipeline_id: 1,
            rep_id: None,
            amount: Money(0),
            stage,
            created_on: created,
            closed_on: None,
            expected_close_on: None,
            category: None,
            win_probability: None,
        }
    }

    #[test]
    fn every_change_lands_in_one_step_and_the_steps_add_up() {
        let since = day(10, 1);
        let then = vec![snap(1, 100), snap(2, 200), snap(3, 300), snap(4, 400)];
        let now = vec![snap(1, 150), snap(5, 500), snap(6, 600)];
        let book = CommitBook {
            deals: vec![
                deal(1, Stage::Open(2), day(1, 1)),
                deal(2, Stage::Won, day(1, 1)),
                deal(3, Stage::Lost, day(1, 1)),
                deal(4, Stage::Open(1), day(1, 1)),
                deal(5, Stage::Open(0), day(11, 1)),
                deal(6, Stage::Open(0), day(2, 1)),
            ],
            ..CommitBook::default()
        };
        let w = waterfall(since, &then, &now, &book);
        assert_eq!(
            (w.won.cents, w.lost.cents, w.slipped_out.cents),
            (200, 300, 400)
        );
        assert_eq!((w.new.cents, w.slipped_in.cents), (500, 600));
        assert_eq!((w.amount_changes.deals, w.amount_changes.cents), (1, 50));
        assert_eq!(
            w.start.cents + w.new.cents + w.slipped_in.cents + w.amount_changes.cents
                - w.won.cents
                - w.lost.cents
                - w.slipped_out.cents,
            w.end.cents
        );
    }
}
