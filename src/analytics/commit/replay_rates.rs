//! The win probabilities of a replayed call: each rep's amount-weighted win rate by open stage
//! and age, learned from the deals that stood open on past days and have closed since.
//!
//! Learning from deals as they stood on a day, not from closed deals by the stages they passed,
//! matters twice: the deals open on any day are more often the slow ones (a long deal is open on
//! more days), and a deal that has been open long is won less often than a young one at the same
//! stage. Each rate is shrunk towards the next coarser one with the weight of [`SHRINK_DEALS`]
//! average deals: a rep's (stage, age) rate towards the book's, the book's towards its stage
//! rate over all ages, and that towards even odds.

use chrono::{Duration, NaiveDate};

use super::book::{CommitBook, Histories};
use crate::domain::Stage;

/// The past days, in days before the replay day, whose open deals the rates are learned from:
/// monthly from three months to a year back, so most have closed since.
pub const LOOKBACK_DAYS: [i64; 10] = [90, 120, 150, 180, 210, 240, 270, 300, 330, 360];

/// The ages, in days since the deal was opened, where a new age band starts: 0–30, 31–90,
/// 91–180 and older.
pub const AGE_BANDS: [i64; 3] = [31, 91, 181];

/// Weight, in deals, of the coarser rate in a finer one.
pub const SHRINK_DEALS: f64 = 20.0;

const AGES: usize = AGE_BANDS.len() + 1;

/// Win rates per rep (by position in the book's reps; the last row is the whole book).
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayRates {
    /// Per rep, age band and open stage (in catalogue order).
    pub by_age: Vec<[Vec<f64>; AGES]>,
    /// Per rep and open stage over all ages: the naive stage-rate roll-up uses them.
    pub by_stage: Vec<Vec<f64>>,
}

/// Amount won and amount seen.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    won: f64,
    seen: f64,
}

impl Tally {
    fn add(&mut self, amount: f64, won: bool) {
        self.seen += amount;
        if won {
            self.won += amount;
        }
    }

    fn shrunk(self, prior: f64, towards: f64) -> f64 {
        (self.won + prior * towards) / (self.seen + prior)
    }
}

fn age_band(age_days: i64) -> usize {
    AGE_BANDS.iter().filter(|b| age_days >= **b).count()
}

impl ReplayRates {
    /// Learns the rates from the deals closed by `day` as they stood on the look-back days.
    pub fn learn(book: &CommitBook, h: &Histories, day: NaiveDate) -> ReplayRates {
        let reps = book.reps.len();
        let stages = book.pipelines.open_count();
        let mut by_age =
            vec![std::array::from_fn::<_, AGES, _>(|_| vec![Tally::default(); stages]); reps + 1];
        let mut by_stage = vec![vec![Tally::default(); stages]; reps + 1];
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
            let won = d.stage == Stage::Won;
            closed += 1.0;
            closed_amount += amount;
            for back in LOOKBACK_DAYS {
                let on = day - Duration::days(back);
                if d.created_on > on || closed_on <= on {
                    continue;
                }
                let Some(s) = h
                    .open_stage_on(i, d, on)
                    .and_then(|stage| stage.open_index())
                    .filter(|s| *s < stages)
                else {
                    continue;
                };
                let a = age_band((on - d.created_on).num_days());
                for row in [r, reps] {
                    by_age[row][a][s].add(amount, won);
                    by_stage[row][s].add(amount, won);
                }
            }
        }
        let prior = SHRINK_DEALS * closed_amount / closed.max(1.0);
        let book_stage: Vec<f64> = by_stage[reps]
            .iter()
            .map(|t| t.shrunk(prior, 0.5))
            .collect();
        let towards = |tallies: &[Tally], coarser: &[f64]| -> Vec<f64> {
            tallies
                .iter()
                .zip(coarser)
                .map(|(t, c)| t.shrunk(prior, *c))
                .collect()
        };
        let book_age: [Vec<f64>; AGES] =
            std::array::from_fn(|a| towards(&by_age[reps][a], &book_stage));
        let mut rates = ReplayRates {
            by_age: (0..reps)
                .map(|r| std::array::from_fn(|a| towards(&by_age[r][a], &book_age[a])))
                .collect(),
            by_stage: (0..reps)
                .map(|r| towards(&by_stage[r], &book_stage))
                .collect(),
        };
        rates.by_age.push(book_age);
        rates.by_stage.push(book_stage);
        rates
    }

    /// The rate of a deal of the rep in `slot` at `stage`, `age_days` old (even odds for a stage
    /// the rates have no column for).
    pub fn of(&self, slot: usize, stage: Stage, age_days: i64) -> f64 {
        let row = self.by_age.len().saturating_sub(1).min(slot);
        stage
            .open_index()
            .and_then(|s| self.by_age.get(row)?[age_band(age_days)].get(s))
            .copied()
            .unwrap_or(0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::CommitDeal;
    use crate::analytics::pipeline::RepFacts;

    fn deal(id: i64, created: NaiveDate, closed: NaiveDate, stage: Stage) -> CommitDeal {
        CommitDeal::closed_test(id, stage, created, closed, 10_000)
    }

    #[test]
    fn rates_come_from_deals_as_they_stood_open_on_past_days_by_age() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let before = |n: i64| day - Duration::days(n);
        let book = CommitBook {
            deals: vec![
                // Old and lost: open at Lead on every look-back day, aged 40 to 310 days.
                deal(1, before(400), before(10), Stage::Lost),
                // Young and won: open at Lead 90 days back, aged 10 days.
                deal(2, before(100), before(80), Stage::Won),
                // Quick and won: never open on a look-back day, so it teaches nothing.
                deal(3, before(50), before(40), Stage::Won),
                // Won, but after the replay day: not known then.
                deal(4, before(400), day + Duration::days(5), Stage::Won),
            ],
            reps: vec![RepFacts {
                id: 1,
                name: "Ann".into(),
                team: "East".into(),
            }],
            ..CommitBook::default()
        };
        let h = Histories::new(&book);
        let rates = ReplayRates::learn(&book, &h, day);
        // Lead over all ages: 1 won of 11 looks, shrunk 20 deals' weight towards even odds.
        let prior = SHRINK_DEALS * 10_000.0;
        let lead = (10_000.0 + prior * 0.5) / (110_000.0 + prior);
        assert!((rates.by_stage[1][0] - lead).abs() < 1e-12);
        // The rep's own rate is pulled towards the book's.
        let rep_lead = (10_000.0 + prior * lead) / (110_000.0 + prior);
        assert!((rates.by_stage[0][0] - rep_lead).abs() < 1e-12);
        // The young band saw only the won deal, the old bands only the lost one.
        let book_young = (10_000.0 + prior * lead) / (10_000.0 + prior);
        let young = (10_000.0 + prior * book_young) / (10_000.0 + prior);
        assert!((rates.of(1, Stage::Open(0), 5) - book_young).abs() < 1e-12);
        assert!((rates.of(0, Stage::Open(0), 5) - young).abs() < 1e-12);
        assert!(rates.of(0, Stage::Open(0), 200) < lead);
        assert!(rates.of(0, Stage::Open(0), 5) > lead);
        // No deal stood at a later stage: even odds all the way down.
        assert_eq!(rates.of(0, Stage::Open(2), 5), 0.5);
        // A rep the book does not know reads the book's row.
        assert_eq!(
            rates.of(7, Stage::Open(0), 5),
            rates.of(1, Stage::Open(0), 5)
        );
    }
}
