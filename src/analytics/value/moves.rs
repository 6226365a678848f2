//! Tier moves between two dates: how many customers went from each ABC tier to each other, and
//! how many new customers entered each tier.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::abc::Tier;

/// Customers by tier before (rows) and now (columns), A, B, C in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierMoves {
    /// `counts[before][now]`.
    pub counts: [[usize; 3]; 3],
    /// Customers without a tier before (created since), by tier now.
    pub new: [usize; 3],
}

impl TierMoves {
    /// Customers whose tier rose (C → B, C → A, B → A).
    pub fn up(&self) -> usize {
        self.counts[1][0] + self.counts[2][0] + self.counts[2][1]
    }

    /// Customers whose tier fell.
    pub fn down(&self) -> usize {
        self.counts[0][1] + self.counts[0][2] + self.counts[1][2]
    }
}

fn index(tier: Tier) -> usize {
    match tier {
        Tier::A => 0,
        Tier::B => 1,
        Tier::C => 2,
    }
}

/// Counts the moves from `before` to `now` (customer id, tier) lists.
pub fn tier_moves(before: &[(i64, Tier)], now: &[(i64, Tier)]) -> TierMoves {
    let before: HashMap<i64, Tier> = before.iter().copied().collect();
    let mut moves = TierMoves::default();
    for (id, tier) in now {
        match before.get(id) {
            Some(&was) => moves.counts[index(was)][index(*tier)] += 1,
            None => moves.new[index(*tier)] += 1,
        }
    }
    moves
}

/// The last day of the quarter before the one `date` falls in.
pub fn previous_quarter_end(date: NaiveDate) -> NaiveDate {
    let first_month = (date.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(date.year(), first_month, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_count_each_pair_and_new_customers() {
        let before = [(1, Tier::A), (2, Tier::B), (3, Tier::C), (4, Tier::A)];
        let now = [
            (1, Tier::A),
            (2, Tier::A),
            (3, Tier::B),
            (4, Tier::C),
            (5, Tier::B),
        ];
        let m = tier_moves(&before, &now);
        assert_eq!(m.counts, [[1, 0, 1], [1, 0, 0], [0, 1, 0]]);
        assert_eq!(m.new, [0, 1, 0]);
        assert_eq!((m.up(), m.down()), (2, 1));
    }

    #[test]
    fn the_previous_quarter_ends_the_day_before_this_one_starts() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(previous_quarter_end(d("2026-11-26")), d("2026-09-30"));
        assert_eq!(previous_quarter_end(d("2026-01-01")), d("2025-12-31"));
        assert_eq!(previous_quarter_end(d("2026-06-30")), d("2026-03-31"));
    }
}
