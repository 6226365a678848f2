//! The backtest: the call replayed as of past days from the book's stage history, against what
//! closed. Per (rep, quarter): was the result inside the 80% band (P10 to P90), and the Brier
//! score of P(hit quota); compared with two naive calls — the weighted pipeline (configured stage
//! probabilities) and the stage-rate roll-up (win rates learned from history) — each a point
//! forecast whose "P(hit)" is 1 when it reaches the quota and 0 otherwise.
//!
//! In a replay the win probability of a deal is its rep's historical win rate from its stage and
//! age, learned from the deals that stood open on past days (`ReplayRates`); the scoring model
//! is not refitted per day.

use std::collections::HashMap;

use serde::Serialize;

use super::band::BandScale;
use super::book::{CommitBook, Histories};
use super::calibrate::{calibration_periods, model_scores, replay, won_in};
use super::period::CallPeriod;
use super::settings::CommitSettings;
use crate::analytics::pipeline::Quarter;

/// One back-tested (rep, quarter).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairResult {
    /// The quarter, e.g. `2026Q2`.
    pub quarter: String,
    /// The rep.
    pub rep: String,
    /// Won in the quarter, cents.
    pub actual_cents: i64,
    /// The replayed call's P10, P50 and P90, cents.
    pub p10_cents: i64,
    /// Median.
    pub p50_cents: i64,
    /// 90th percentile.
    pub p90_cents: i64,
    /// The quota, cents.
    pub quota_cents: Option<i64>,
    /// The replayed P(hit).
    pub p_hit: Option<f64>,
    /// The weighted-pipeline call, cents.
    pub weighted_cents: i64,
    /// The stage-rate roll-up, cents.
    pub stage_rate_cents: i64,
    /// How far the replayed call's band was stretched (see `BandScale`).
    pub band_factor: f64,
}

/// The backtest's summary and its pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    /// Days after each quarter's first day the call is replayed as of.
    pub days_into_quarter: i64,
    /// (rep, quarter) pairs back-tested.
    pub pairs: usize,
    /// Share of pairs whose result fell inside P10..P90 (target 80%).
    pub coverage_80: f64,
    /// Brier score of the call's P(hit) over pairs with a quota.
    pub brier_call: Option<f64>,
    /// Brier score of the weighted pipeline's 0/1 hit call.
    pub brier_weighted: Option<f64>,
    /// Brier score of the stage-rate roll-up's 0/1 hit call.
    pub brier_stage_rate: Option<f64>,
    /// Mean absolute error of the call's P50, cents.
    pub mae_call_cents: f64,
    /// Mean absolute error of the weighted pipeline, cents.
    pub mae_weighted_cents: f64,
    /// Mean absolute error of the stage-rate roll-up, cents.
    pub mae_stage_rate_cents: f64,
    /// Every pair.
    pub results: Vec<PairResult>,
}

/// Replays the call for each quarter of `quarters` as of `days_into` days after its first day,
/// each band calibrated as the live call's is: on the replays of the (up to
/// `CALIBRATION_PERIODS`) quarters before it, as of the same day into them.
pub fn backtest(
    book: &CommitBook,
    quarters: &[Quarter],
    days_into: i64,
    settings: &CommitSettings,
) -> Backtest {
    let h = Histories::new(book);
    let slot_of = |rep: Option<i64>| {
        rep.and_then(|r| book.reps.iter().position(|x| x.id == r))
            .unwrap_or(book.reps.len())
    };
    let mut scores: HashMap<CallPeriod, Vec<f64>> = HashMap::new();
    let mut results = Vec::new();
    for &q in quarters {
        let period = CallPeriod::Quarter(q);
        let day = period.days().from + chrono::Duration::days(days_into);
        let earlier = calibration_periods(book, period, day);
        let mut learned = Vec::new();
        for (p, on) in earlier {
            let known = scores.entry(p).or_insert_with(|| {
                let (call, _) = replay(book, &h, p, on, settings, BandScale::MODEL);
                model_scores(book, p, &call)
            });
            learned.extend(known.iter().copied());
        }
        let band = BandScale::from_scores(&learned);
        let (call, rates) = replay(book, &h, period, day, settings, band);
        for g in &call.reps {
            let rep = g.rep_id;
            let actual = won_in(book, rep, period);
            let mine = call.deals.iter().filter(|d| d.rep_id == rep && d.in_period);
            let (mut weighted, mut staged) = (g.closed.cents(), g.closed.cents());
            for d in mine {
                let stage_rate = f64::from(book.pipelines.probability_bp(d.stage)) / 10_000.0;
                weighted += (d.amount.cents() as f64 * stage_rate).round() as i64;
                let replayed = d
                    .stage
                    .open_index()
                    .and_then(|s| rates.by_stage.get(slot_of(rep))?.get(s))
                    .copied()
                    .unwrap_or(stage_rate);
                staged += (d.amount.cents() as f64 * replayed).round() as i64;
            }
            results.push(PairResult {
                quarter: call.period.clone(),
                rep: g.name.clone(),
                actual_cents: actual,
                p10_cents: g.spread.p10.cents(),
                p50_cents: g.spread.p50.cents(),
                p90_cents: g.spread.p90.cents(),
                quota_cents: g.quota.map(|m| m.cents()),
                p_hit: g.p_hit,
                weighted_cents: weighted,
                stage_rate_cents: staged,
                band_factor: band.factor,
            });
        }
        scores.insert(period, model_scores(book, period, &call));
    }
    summarise(days_into, results)
}

fn summarise(days_into: i64, results: Vec<PairResult>) -> Backtest {
    let n = results.len().max(1) as f64;
    let covered = results
        .iter()
        .filter(|r| r.p10_cents <= r.actual_cents && r.actual_cents <= r.p90_cents)
        .count();
    let brier = |p: &dyn Fn(&PairResult) -> Option<f64>| {
        let scored: Vec<f64> = results
            .iter()
            .filter_map(|r| {
                let quota = r.quota_cents?;
                let hit = f64::from(u8::from(r.actual_cents >= quota));
                Some((p(r)? - hit).powi(2))
            })
            .collect();
        (!scored.is_empty()).then(|| scored.iter().sum::<f64>() / scored.len() as f64)
    };
    let point = |v: i64, r: &PairResult| r.quota_cents.map(|q| f64::from(u8::from(v >= q)));
    let mae = |v: &dyn Fn(&PairResult) -> i64| {
        results
            .iter()
            .map(|r| (v(r) - r.actual_cents).abs() as f64)
            .sum::<f64>()
            / n
    };
    Backtest {
        days_into_quarter: days_into,
        pairs: results.len(),
        coverage_80: covered as f64 / n,
        brier_call: brier(&|r| r.p_hit),
        brier_weighted: brier(&|r| point(r.weighted_cents, r)),
        brier_stage_rate: brier(&|r| point(r.stage_rate_cents, r)),
        mae_call_cents: mae(&|r| r.p50_cents),
        mae_weighted_cents: mae(&|r| r.weighted_cents),
        mae_stage_rate_cents: mae(&|r| r.stage_rate_cents),
        results,
    }
}
