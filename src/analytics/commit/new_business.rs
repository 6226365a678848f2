//! Bookings from deals not in the book yet: a deal opened after the day of the call can still be
//! won inside the period (most of a quarter's short-cycle deals are, at its start). The book's
//! own past says how much: in each of the [`LOOKBACK`] earlier periods of the same kind, the deals
//! opened after the same point of that period and won inside it. Each such deal becomes a bet of
//! its amount with probability 1 / (periods looked at), so the group's distribution gains, on
//! average, one earlier period's worth of new business, with its spread of deal sizes. The
//! counts' spread is the binomial's, a little under the Poisson's; the book's growth since those
//! periods is not extrapolated.

use chrono::{Duration, NaiveDate};

use super::book::CommitBook;
use super::distribution::Bet;
use super::period::CallPeriod;
use crate::domain::Stage;

/// How many earlier periods of the same kind the new business is learned from.
pub const LOOKBACK: u32 = 4;

/// The bets of the new business of each group (`slot` maps a rep to its group, `groups` of
/// them) for `period` called as of `as_of`: only earlier periods wholly closed by `as_of` and
/// starting on or after the book's first deal count, so every figure was known on the day.
pub fn new_business(
    book: &CommitBook,
    period: CallPeriod,
    as_of: NaiveDate,
    groups: usize,
    slot: &dyn Fn(Option<i64>) -> usize,
) -> Vec<Vec<Bet>> {
    let mut bets = vec![Vec::new(); groups];
    let Some(first_deal) = book.deals.iter().map(|d| d.created_on).min() else {
        return bets;
    };
    let now = period.days();
    let into = (as_of - now.from).num_days();
    let windows: Vec<(NaiveDate, NaiveDate, NaiveDate)> = (1..=LOOKBACK)
        .filter_map(|back| period.back(back))
        .map(|p| {
            let days = p.days();
            (days.from, days.to, days.from + Duration::days(into))
        })
        .filter(|&(from, to, _)| from >= first_deal && to <= as_of)
        .collect();
    if windows.is_empty() {
        return bets;
    }
    let p = 1.0 / windows.len() as f64;
    for d in &book.deals {
        if d.stage != Stage::Won || d.amount.cents() <= 0 {
            continue;
        }
        let Some(closed) = d.closed_on else { continue };
        let counts = windows
            .iter()
            .filter(|&&(from, to, cut)| d.created_on > cut && from <= closed && closed <= to)
            .count();
        for _ in 0..counts {
            bets[slot(d.rep_id)].push(Bet {
                cents: d.amount.cents(),
                p,
            });
        }
    }
    bets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::CommitDeal;
    use crate::domain::Quarter;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn won(id: i64, created: NaiveDate, closed: NaiveDate, dollars: i64) -> CommitDeal {
        CommitDeal::closed_test(id, Stage::Won, created, closed, dollars * 100)
    }

    #[test]
    fn deals_opened_after_the_same_point_of_earlier_quarters_become_bets() {
        let book = CommitBook {
            deals: vec![
                // The book starts in 2025Q4: four whole quarters before 2026Q4.
                won(1, day(2025, 10, 1), day(2025, 10, 20), 1),
                // Opened 10 days into 2026Q1 (after the cut of day 5), won inside it: counts.
                won(2, day(2026, 1, 11), day(2026, 2, 1), 100),
                // Opened before the cut: it would be in the book on the day of the call.
                won(3, day(2026, 1, 2), day(2026, 2, 1), 1_000),
                // Opened in 2026Q2 and won early in 2026Q3, before Q3's cut: in the book by then.
                won(4, day(2026, 6, 20), day(2026, 7, 2), 10_000),
                // Opened after the cut of 2026Q3 and won inside it.
                won(5, day(2026, 7, 30), day(2026, 9, 30), 7),
            ],
            ..CommitBook::default()
        };
        let q = CallPeriod::Quarter(Quarter::containing(day(2026, 10, 1)));
        let bets = new_business(&book, q, day(2026, 10, 5), 2, &|_| 0);
        let mut got: Vec<(i64, f64)> = bets[0].iter().map(|b| (b.cents, b.p)).collect();
        got.sort_by_key(|b| b.0);
        // Deal 1 was opened before 2025Q4's cut (day 4 of the quarter).
        assert_eq!(got, vec![(700, 0.25), (10_000, 0.25)]);
        assert!(bets[1].is_empty());
    }

    #[test]
    fn only_earlier_periods_wholly_known_on_the_day_count() {
        let book = CommitBook {
            deals: vec![
                won(1, day(2026, 8, 2), day(2026, 8, 3), 1),
                won(2, day(2026, 9, 10), day(2026, 9, 20), 50),
                won(3, day(2026, 10, 10), day(2026, 10, 20), 60),
            ],
            ..CommitBook::default()
        };
        // November's call as of Nov 1: the book starts after August 1, so only September and
        // October count, each half.
        let month = CallPeriod::Month(day(2026, 11, 1));
        let bets = new_business(&book, month, day(2026, 11, 1), 1, &|_| 0);
        let got: Vec<(i64, f64)> = bets[0].iter().map(|b| (b.cents, b.p)).collect();
        assert_eq!(got, vec![(5_000, 0.5), (6_000, 0.5)]);
        // With no earlier period wholly inside the book, nothing is added.
        let book = CommitBook {
            deals: vec![won(1, day(2026, 10, 2), day(2026, 10, 3), 5)],
            ..CommitBook::default()
        };
        let q = CallPeriod::quarter_of(day(2026, 11, 1));
        assert!(new_business(&book, q, day(2026, 11, 1), 1, &|_| 0)[0].is_empty());
    }
}
