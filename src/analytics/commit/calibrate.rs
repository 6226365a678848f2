//! The band's calibration. The model's 80% band (P10 … P90) is only as wide as the model thinks,
//! and what it leaves out — new business that grows with the book, the fates of a quarter's
//! deals moving together, a rep's rate being off — shows as results outside the band more often
//! than one time in five. So the call is replayed as of the same point of the
//! [`CALIBRATION_PERIODS`] latest earlier periods whose results are known; each (rep, period) is
//! scored by how far its result fell from the replay's mean, in units of the band's half on that
//! side (1 = on P10 or P90); and the band is stretched around the mean by the score 80% of them
//! stay within — split conformal prediction: the ⌈0.8 (n + 1)⌉-th smallest of n scores. Every
//! figure of the call (P10, P50, P90, P(hit), the movers) is read from the model's distribution
//! stretched that way: bookings = mean + factor × (the model's draw − mean).

use chrono::{Duration, NaiveDate};

use super::band::BandScale;
use super::book::{CommitBook, CommitDeal, Histories};
use super::call::{Call, call_with, own_or_stage_rate};
use super::distribution::Spread;
use super::period::CallPeriod;
use super::replay_rates::ReplayRates;
use super::settings::CommitSettings;
use crate::domain::Stage;

/// How many earlier periods of the same kind calibrate the band.
pub const CALIBRATION_PERIODS: u32 = 4;

/// How far `actual` fell from the mean in units of the band's half on its side: 0 on the mean,
/// 1 on P10 or P90, infinite off a band of no width.
pub fn band_score(actual: i64, spread: &Spread) -> f64 {
    let mean = spread.mean.cents() as f64;
    let off = actual as f64 - mean;
    let half = if off >= 0.0 {
        spread.p90.cents() as f64 - mean
    } else {
        mean - spread.p10.cents() as f64
    };
    if off == 0.0 {
        0.0
    } else if half <= 0.0 {
        f64::INFINITY
    } else {
        off.abs() / half
    }
}

/// Won inside `period` by the rep `rep_id`, cents.
pub fn won_in(book: &CommitBook, rep_id: Option<i64>, period: CallPeriod) -> i64 {
    let days = period.days();
    book.deals
        .iter()
        .filter(|d| d.rep_id == rep_id && d.stage == Stage::Won)
        .filter(|d| d.closed_on.is_some_and(|c| days.contains(c)))
        .map(|d| d.amount.cents())
        .sum()
}

/// The call for `period` replayed as of `day` from the stage history, each deal's win
/// probability its rep's replay rate ([`ReplayRates`]), its band stretched by `scale`.
pub fn replay(
    book: &CommitBook,
    h: &Histories,
    period: CallPeriod,
    day: NaiveDate,
    settings: &CommitSettings,
    scale: BandScale,
) -> (Call, ReplayRates) {
    let rates = ReplayRates::learn(book, h, day);
    let slot_of = |rep: Option<i64>| {
        rep.and_then(|r| book.reps.iter().position(|x| x.id == r))
            .unwrap_or(book.reps.len())
    };
    let win = |_: usize, d: &CommitDeal, stage: Stage| {
        rates.of(slot_of(d.rep_id), stage, (day - d.created_on).num_days())
    };
    let call = call_with(book, h, period, day, settings, &win, scale);
    (call, rates)
}

/// The scores of a replayed call's reps against what they won, on the model's own band. A rep
/// whose band has no width (nothing open, nothing to come) is left out: no stretch changes it.
pub fn model_scores(book: &CommitBook, period: CallPeriod, call: &Call) -> Vec<f64> {
    call.reps
        .iter()
        .filter(|g| g.model_spread.p90 > g.model_spread.p10)
        .map(|g| band_score(won_in(book, g.rep_id, period), &g.model_spread))
        .collect()
}

/// The earlier periods that calibrate a call for `period` as of `as_of`, each with the day it is
/// replayed as of (the same number of days from its first day): the [`CALIBRATION_PERIODS`]
/// latest ones ended by `as_of` and starting on or after the book's first closed deal (before
/// it, a replay has nothing to learn from). The search goes two periods further back than that,
/// so a call of the next period, whose predecessor is still under way, finds its four.
pub fn calibration_periods(
    book: &CommitBook,
    period: CallPeriod,
    as_of: NaiveDate,
) -> Vec<(CallPeriod, NaiveDate)> {
    let Some(first_close) = book.deals.iter().filter_map(|d| d.closed_on).min() else {
        return Vec::new();
    };
    let offset = (as_of - period.days().from).num_days();
    (1..=CALIBRATION_PERIODS + 2)
        .filter_map(|back| period.back(back))
        .filter(|p| p.days().to <= as_of && p.days().from >= first_close)
        .take(CALIBRATION_PERIODS as usize)
        .map(|p| {
            let days = p.days();
            (p, (days.from + Duration::days(offset)).min(days.to))
        })
        .collect()
}

/// The band's stretch for a call of `period` as of `as_of`, learned from the same call replayed
/// for the [`calibration_periods`]: `odds_on(day, book)` puts the win probabilities the call
/// would have had on `day` into the book. Each replay starts from the book's own probabilities,
/// and they are put back before this returns, whatever it returns.
pub fn band_scale_with<E>(
    book: &mut CommitBook,
    h: &Histories,
    period: CallPeriod,
    as_of: NaiveDate,
    settings: &CommitSettings,
    odds_on: &mut dyn FnMut(NaiveDate, &mut CommitBook) -> Result<(), E>,
) -> Result<BandScale, E> {
    let own: Vec<Option<f64>> = book.deals.iter().map(|d| d.win_probability).collect();
    let restore = |book: &mut CommitBook| {
        for (d, p) in book.deals.iter_mut().zip(&own) {
            d.win_probability = *p;
        }
    };
    let mut scores = Vec::new();
    for (p, day) in calibration_periods(book, period, as_of) {
        let fitted = odds_on(day, book);
        if fitted.is_ok() {
            let then: &CommitBook = book;
            let win = |_: usize, d: &CommitDeal, stage: Stage| own_or_stage_rate(then, d, stage);
            let call = call_with(then, h, p, day, settings, &win, BandScale::MODEL);
            scores.extend(model_scores(then, p, &call));
        }
        restore(book);
        fitted?;
    }
    Ok(BandScale::from_scores(&scores))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    fn spread(p10: i64, mean: i64, p90: i64) -> Spread {
        Spread {
            p10: Money(p10),
            p50: Money(mean),
            p90: Money(p90),
            mean: Money(mean),
            error: Money(0),
        }
    }

    #[test]
    fn scores_count_half_bands_on_the_result_side() {
        let s = spread(80, 100, 140);
        assert_eq!(band_score(100, &s), 0.0);
        assert_eq!(band_score(140, &s), 1.0);
        assert_eq!(band_score(120, &s), 0.5);
        assert_eq!(band_score(70, &s), 1.5);
        assert!(band_score(101, &spread(100, 100, 100)).is_infinite());
    }

    #[test]
    fn calibration_replays_the_latest_finished_periods_at_the_same_point() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let book = CommitBook {
            deals: vec![crate::analytics::commit::CommitDeal::closed_test(
                1,
                Stage::Won,
                day(2025, 1, 5),
                day(2025, 2, 10),
                100,
            )],
            ..CommitBook::default()
        };
        // 2026Q4 as of Nov 15 (45 days in): the four quarters before, each 45 days in; none
        // before the first close's quarter start would be taken.
        let q = CallPeriod::quarter_of(day(2026, 11, 15));
        let got = calibration_periods(&book, q, day(2026, 11, 15));
        let days: Vec<NaiveDate> = got.iter().map(|(_, d)| *d).collect();
        assert_eq!(
            days,
            vec![
                day(2026, 8, 15),
                day(2026, 5, 16),
                day(2026, 2, 15),
                day(2025, 11, 15)
            ]
        );
        // The next quarter's call, before it starts: the current quarter has not ended, so the
        // four before it, as many days before their start; the book's first close (February
        // 2025) rules out 2025Q1.
        let next = CallPeriod::quarter_of(day(2027, 1, 1));
        let got = calibration_periods(&book, next, day(2026, 11, 15));
        let starts: Vec<String> = got.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(starts, vec!["2026Q3", "2026Q2", "2026Q1", "2025Q4"]);
        assert_eq!(got[0].1, day(2026, 5, 15));
        // Nothing closed yet: nothing to calibrate on.
        let empty = CommitBook::default();
        assert!(calibration_periods(&empty, q, day(2026, 11, 15)).is_empty());
    }

    #[test]
    fn replays_leave_the_books_own_probabilities_as_they_were() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut deal = crate::analytics::commit::CommitDeal::closed_test(
            1,
            Stage::Won,
            day(2025, 1, 5),
            day(2025, 2, 10),
            100,
        );
        deal.win_probability = Some(0.3);
        let mut book = CommitBook {
            deals: vec![deal],
            ..CommitBook::default()
        };
        let h = Histories::new(&book);
        let q = CallPeriod::quarter_of(day(2026, 11, 15));
        let settings = CommitSettings::default();
        let mut seen = Vec::new();
        let mut fit = |on: NaiveDate, b: &mut CommitBook| -> Result<(), String> {
            seen.push(b.deals[0].win_probability);
            b.deals[0].win_probability = Some(0.9);
            if on < day(2026, 3, 1) {
                Err(format!("no rows as of {on}"))
            } else {
                Ok(())
            }
        };
        let got = band_scale_with(&mut book, &h, q, day(2026, 11, 15), &settings, &mut fit);
        // Newest first: the third replay (2026Q1) fails, after two that each started afresh.
        assert_eq!(got, Err("no rows as of 2026-02-15".to_string()));
        assert_eq!(seen, vec![Some(0.3); 3]);
        assert_eq!(book.deals[0].win_probability, Some(0.3));
        let mut ok = |_: NaiveDate, b: &mut CommitBook| -> Result<(), String> {
            b.deals[0].win_probability = Some(0.9);
            Ok(())
        };
        // No rep has a band to score: the model's own band, and the book as it was.
        let band = band_scale_with(&mut book, &h, q, day(2026, 11, 15), &settings, &mut ok);
        assert_eq!(band, Ok(BandScale::MODEL));
        assert_eq!(book.deals[0].win_probability, Some(0.3));
    }
}
