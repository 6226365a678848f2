//! Each open deal's odds of landing in the period: P(win) × P(closes inside the period), with
//! its category, as of a day.

use chrono::NaiveDate;
use serde::Deserialize;

use super::book::{CommitBook, CommitDeal, Histories};
use super::category::{Categorised, categorise};
use super::period::CallPeriod;
use super::settings::CommitSettings;
use super::slip::SlipModel;
use crate::domain::{Money, Stage};

/// One open deal in the call.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DealOdds {
    /// The deal's id.
    pub id: i64,
    /// Its rep.
    pub rep_id: Option<i64>,
    /// Its amount.
    #[serde(rename = "amount_cents")]
    pub amount: Money,
    /// Its open stage on the as-of day.
    #[serde(rename = "open_stage")]
    pub stage: Stage,
    /// That stage's name (with its pipeline's when the book has several).
    #[serde(rename = "stage")]
    pub stage_name: String,
    /// When it is expected to close.
    pub expected_close_on: Option<NaiveDate>,
    /// Its category and whether a manager set it.
    pub category: Categorised,
    /// True when its expected close is inside the period, or overdue in a period under way.
    pub in_period: bool,
    /// P(it is won).
    pub win: f64,
    /// P(it closes inside the period), from the slip model.
    pub close: f64,
    /// P(it lands in the period) = win × close.
    pub land: f64,
}

/// The slip models a period needs as of a day: for the window to the period's end and, for a
/// period that has not started, the window to the day before its start.
#[derive(Debug, Clone)]
pub struct SlipPair {
    to_end: SlipModel,
    before_start: Option<SlipModel>,
}

impl SlipPair {
    /// Learns both windows from the book.
    pub fn learn(
        book: &CommitBook,
        h: &Histories,
        as_of: NaiveDate,
        period: CallPeriod,
    ) -> SlipPair {
        let days = period.days();
        let to_end = SlipModel::learn(book, h, as_of, (days.to - as_of).num_days());
        let before = (days.from - as_of).num_days() - 1;
        let before_start = (before > 0).then(|| SlipModel::learn(book, h, as_of, before));
        SlipPair {
            to_end,
            before_start,
        }
    }

    /// The model of the window to the period's end.
    pub fn to_end(&self) -> &SlipModel {
        &self.to_end
    }

    /// P(`deal`, at `stage` on `as_of`, closes inside the period).
    pub fn inside(&self, deal: &CommitDeal, stage: Stage, as_of: NaiveDate) -> f64 {
        let by_end = self.to_end.close_probability(deal, stage, as_of);
        let before = self
            .before_start
            .as_ref()
            .map_or(0.0, |m| m.close_probability(deal, stage, as_of));
        (by_end - before).clamp(0.0, 1.0)
    }
}

/// The odds of every deal open on `as_of`, in book order. `win` gives a deal's win probability
/// from its position, the deal and its stage on `as_of`.
pub fn deal_odds(
    book: &CommitBook,
    h: &Histories,
    slip: &SlipPair,
    as_of: NaiveDate,
    period: CallPeriod,
    settings: &CommitSettings,
    win: &dyn Fn(usize, &CommitDeal, Stage) -> f64,
) -> Vec<DealOdds> {
    let days = period.days();
    let started = days.from <= as_of;
    book.deals
        .iter()
        .enumerate()
        .filter_map(|(i, deal)| {
            let stage = h.open_stage_on(i, deal, as_of)?;
            let p_win = win(i, deal, stage).clamp(0.0, 1.0);
            let close = slip.inside(deal, stage, as_of);
            let category = categorise(stage, p_win, deal.category, settings, &book.pipelines)?;
            let in_period = deal
                .expected_close_on
                .is_some_and(|e| e <= days.to && (started || e >= days.from));
            Some(DealOdds {
                id: deal.id,
                rep_id: deal.rep_id,
                amount: deal.amount,
                stage,
                stage_name: book.pipelines.long_name(stage),
                expected_close_on: deal.expected_close_on,
                category,
                in_period,
                win: p_win,
                close,
                land: p_win * close,
            })
        })
        .collect()
}
