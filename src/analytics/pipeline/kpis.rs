//! The headline KPIs of a period: win rate, deal size, sales cycle, velocity, and the flow
//! through the stages.

use serde::{Deserialize, Serialize};

use super::flow::{StageConversion, StageDwell};
use super::period::Period;
use super::stats::{mean, median, money, money_f64, ratio, round_div};
use super::view::PipelineView;
use crate::domain::{Money, Stage};

/// Headline KPIs of one period as of one date. Money fields are cents in JSON (`*_cents`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    /// Won deals closed in the period (by `closed_on`).
    pub won: u64,
    /// Lost deals closed in the period.
    pub lost: u64,
    /// `won / (won + lost)`; `None` when no deal closed in the period.
    pub win_rate: Option<f64>,
    /// Sum of the amounts of the Won deals closed in the period.
    #[serde(rename = "won_value_cents")]
    pub won_value: Money,
    /// Mean amount of those Won deals, rounded to the cent; `None` without any.
    #[serde(rename = "average_won_deal_cents")]
    pub average_won_deal: Option<Money>,
    /// Mean days from `created_on` to `closed_on` of those Won deals.
    pub cycle_days_mean: Option<f64>,
    /// Median of the same days (mean of the two middle ones for an even count).
    pub cycle_days_median: Option<f64>,
    /// Deals open on the as-of date.
    pub open_deals: u64,
    /// Sales velocity: `open_deals × average won deal × win rate ÷ mean cycle days`, money per
    /// day; `None` when a factor is missing or the mean cycle is 0 days.
    #[serde(rename = "velocity_per_day_cents")]
    pub velocity_per_day: Option<Money>,
    /// The same velocity over 30 days.
    #[serde(rename = "velocity_per_30_days_cents")]
    pub velocity_per_30_days: Option<Money>,
    /// Each open stage to the next, the last to Won, pipeline after pipeline.
    pub conversions: Vec<StageConversion>,
    /// Per pipeline: deals that entered its first stage in the period and were Won by the
    /// as-of date.
    pub first_to_won: Vec<StageConversion>,
    /// Mean days in each open stage over the stays that ended in the period.
    pub days_in_stage: Vec<StageDwell>,
}

impl PipelineView<'_> {
    /// The KPIs of `period` as of this view's date (see [`Kpis`] for each definition).
    pub fn kpis(&self, period: Period) -> Kpis {
        let (mut won, mut lost, mut won_cents) = (0u64, 0u64, 0i128);
        let mut cycles = Vec::new();
        for deal in &self.facts.deals {
            let Some(closed) = deal.closed_on.filter(|&d| period.contains(d)) else {
                continue;
            };
            match deal.stage {
                Stage::Won => {
                    won += 1;
                    won_cents += i128::from(deal.amount.cents());
                    cycles.push((closed - deal.created_on).num_days().max(0));
                }
                Stage::Lost => lost += 1,
                _ => {}
            }
        }
        let open_deals = self.open_deals().count() as u64;
        let win_rate = ratio(won, won + lost);
        let average = mean(won_cents as f64, won);
        let cycle_mean = mean(cycles.iter().sum::<i64>() as f64, cycles.len() as u64);
        let per_day = match (average, win_rate, cycle_mean) {
            (Some(avg), Some(rate), Some(days)) if days > 0.0 => {
                Some(open_deals as f64 * avg * rate / days)
            }
            _ => None,
        };
        let flow = self.flow(period);
        Kpis {
            won,
            lost,
            win_rate,
            won_value: money(won_cents),
            average_won_deal: (won > 0).then(|| money(round_div(won_cents, i128::from(won)))),
            cycle_days_mean: cycle_mean,
            cycle_days_median: median(&mut cycles),
            open_deals,
            velocity_per_day: per_day.map(money_f64),
            velocity_per_30_days: per_day.map(|v| money_f64(v * 30.0)),
            conversions: flow.conversions,
            first_to_won: flow.first_to_won,
            days_in_stage: flow.days_in_stage,
        }
    }
}
