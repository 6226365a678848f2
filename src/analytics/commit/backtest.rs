//! The backtest: the call replayed as of past days from the book's stage history, against what
//! closed. Per (rep, quarter): was the result inside the 80% band (P10 to P90), and the Brier
//! score of P(hit quota); compared with two naive calls — the weighted pipeline (configured stage
//! probabilities) and the stage-rate roll-up (win rates learned from history) — each a point
//! forecast whose "P(hit)" is 1 when it reaches the quota and 0 otherwise.
//!
//! In a replay the win probability of a deal is its rep's historical win rate from its stage,
//! weighted by amount (bigger deals are won less often) and learned from the deals open at that
//! stage on past days (see `stage_rates`), shrunk towards the whole book's rate with the weight of
//! [`SHRINK_DEALS`] average deals; the scoring model is not refitted per day.

use chrono::NaiveDate;
use serde::Serialize;

use super::book::{CommitBook, CommitDeal, Histories};
use super::call::call_with;
use super::period::CallPeriod;
use super::settings::CommitSettings;
use super::slip::stage_index;
use crate::analytics::pipeline::Quarter;
use crate::domain::Stage;

/// The past days, in days before the replay day, whose open deals the replay's win rates are
/// learned from: monthly from three months to a year back, so most have closed since.
pub const LOOKBACK_DAYS: [i64; 10] = [90, 120, 150, 180, 210, 240, 270, 300, 330, 360];

/// Weight, in deals, of the book's stage rate in a rep's.
pub const SHRINK_DEALS: f64 = 20.0;

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

/// Win rates per rep (by position in the book's reps; the last row is the book) and open stage,
/// learned from the deals that were open at that stage on [`LOOKBACK_DAYS`] past days before
/// `day` and have closed by `day`. Learning from deals as they stood on a day, not from closed
/// deals by the stages they passed, matters: the deals open on any day are more often the slow
/// ones (a long deal is open on more days), and slow deals are won less often.
fn stage_rates(book: &CommitBook, h: &Histories, day: NaiveDate) -> Vec<[f64; 4]> {
    let reps = book.reps.len();
    let mut won = vec![[0.0f64; 4]; reps + 1];
    let mut seen = vec![[0.0f64; 4]; reps + 1];
    let slot = |rep: Option<i64>| {
        rep.and_then(|r| book.reps.iter().position(|x| x.id == r))
            .unwrap_or(reps)
    };
    let (mut closed, mut closed_amount) = (0.0f64, 0.0f64);
    for (i, d) in book.deals.iter().enumerate() {
        let Some(closed_on) = d.closed_on.filter(|c| *c <= day) else {
            continue;
        };
        let r = slot(d.rep_id);
        let amount = d.amount.cents().max(0) as f64;
        let w = if d.stage == Stage::Won { amount } else { 0.0 };
        closed += 1.0;
        closed_amount += amount;
        for back in LOOKBACK_DAYS {
            let on = day - chrono::Duration::days(back);
            if d.created_on > on || closed_on <= on {
                continue;
            }
            if let Some(stage) = h.open_stage_on(i, d, on) {
                let s = stage_index(stage);
                for row in [r, reps] {
                    seen[row][s] += amount;
                    won[row][s] += w;
                }
            }
        }
    }
    let prior = SHRINK_DEALS * closed_amount / closed.max(1.0);
    let book_rate: [f64; 4] = std::array::from_fn(|s| {
        if seen[reps][s] > 0.0 {
            won[reps][s] / seen[reps][s]
        } else {
            0.5
        }
    });
    (0..=reps)
        .map(|r| std::array::from_fn(|s| (won[r][s] + prior * book_rate[s]) / (seen[r][s] + prior)))
        .collect()
}

/// Replays the call for each quarter of `quarters` as of `days_into` days after its first day.
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
    let mut results = Vec::new();
    for &q in quarters {
        let period = CallPeriod::Quarter(q);
        let days = period.days();
        let day = days.from + chrono::Duration::days(days_into);
        let rates = stage_rates(book, &h, day);
        let win =
            |_: usize, d: &CommitDeal, stage: Stage| rates[slot_of(d.rep_id)][stage_index(stage)];
        let call = call_with(book, &h, period, day, settings, &win);
        for g in &call.reps {
            let rep = g.rep_id;
            let actual: i64 = book
                .deals
                .iter()
                .filter(|d| d.rep_id == rep && d.stage == Stage::Won)
                .filter(|d| d.closed_on.is_some_and(|c| days.contains(c)))
                .map(|d| d.amount.cents())
                .sum();
            let mine = call.deals.iter().filter(|d| d.rep_id == rep && d.in_period);
            let (mut weighted, mut staged) = (g.closed.cents(), g.closed.cents());
            for d in mine {
                let s = stage_index(d.stage);
                weighted += (d.amount.cents() as f64 * book.stage_probabilities[s]).round() as i64;
                staged += (d.amount.cents() as f64 * rates[slot_of(rep)][s]).round() as i64;
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
            });
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::CommitDeal;
    use crate::analytics::pipeline::RepFacts;
    use crate::domain::Money;

    fn deal(id: i64, created: NaiveDate, closed: NaiveDate, stage: Stage) -> CommitDeal {
        CommitDeal {
            id,
            rep_id: Some(1),
            amount: Money(10_000),
            stage,
            created_on: created,
            closed_on: Some(closed),
            expected_close_on: Some(closed),
            category: None,
            win_probability: None,
        }
    }

    #[test]
    fn win_rates_come_from_deals_as_they_stood_open_on_past_days() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let before = |n: i64| day - chrono::Duration::days(n);
        let book = CommitBook {
            deals: vec![
                // Slow and lost: open at Lead on every look-back day.
                deal(1, before(400), before(10), Stage::Lost),
                // Quick and won: never open on a look-back day, so it teaches nothing.
                deal(2, before(50), before(40), Stage::Won),
                // Won, but after the replay day: not known then.
                deal(3, before(400), day + chrono::Duration::days(5), Stage::Won),
            ],
            reps: vec![RepFacts {
                id: 1,
                name: "Ann".into(),
                team: "East".into(),
            }],
            ..CommitBook::default()
        };
        let h = Histories::new(&book);
        let rates = stage_rates(&book, &h, day);
        assert_eq!(rates.len(), 2);
        for row in &rates {
            assert_eq!(row[0], 0.0, "Lead: the slow deal was lost");
            // No deal stood at a later stage: the neutral 0.5.
            assert_eq!(row[1..], [0.5, 0.5, 0.5]);
        }
    }
}
