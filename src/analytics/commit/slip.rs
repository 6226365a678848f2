//! The slip model: how likely an open deal is to close (won or lost) inside a window of `L` days
//! after the as-of date, learned from the book's own stage history.
//!
//! Training: on 13 past snapshot days `t = as_of − L − 14k` (k = 0…12, so every outcome is known
//! by the as-of date) every deal open on `t` is one example with its stage on `t` and where its
//! expected close falls against the window `(t, t + L]` ([`CloseBucket`]); it is a hit when it
//! closed inside the window. The rate of a (stage, bucket) cell is shrunk towards the bucket's
//! rate over all stages: (hits + 5 × pooled) / (examples + 5). Undated deals use the book's
//! cycle-time distribution instead: P(cycle ≤ age + L | cycle > age) over the deals closed by
//! the as-of date. Expected close dates are today's values (the book keeps no history of them).

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::book::{CommitBook, CommitDeal, Histories};
use crate::domain::Stage;

/// Snapshot days the model learns from.
pub const SNAPSHOTS: u64 = 13;
/// Days between snapshot days.
pub const SNAPSHOT_SPACING_DAYS: u64 = 14;
/// Weight, in examples, of the pooled rate a (stage, bucket) rate is shrunk towards.
pub const SHRINK_EXAMPLES: f64 = 5.0;

/// Where a deal's expected close falls against a window `(start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CloseBucket {
    /// Expected before the window opens: overdue already.
    Overdue,
    /// Expected inside the window.
    Inside,
    /// Up to 30 days after the window's end.
    Within30,
    /// 31 to 90 days after.
    Within90,
    /// More than 90 days after.
    Later,
}

impl CloseBucket {
    /// Every bucket in order.
    pub const ALL: [CloseBucket; 5] = [
        CloseBucket::Overdue,
        CloseBucket::Inside,
        CloseBucket::Within30,
        CloseBucket::Within90,
        CloseBucket::Later,
    ];

    /// The bucket of `expected` against `(start, end]`.
    pub fn of(expected: NaiveDate, start: NaiveDate, end: NaiveDate) -> CloseBucket {
        let after = (expected - end).num_days();
        match () {
            _ if expected <= start => CloseBucket::Overdue,
            _ if after <= 0 => CloseBucket::Inside,
            _ if after <= 30 => CloseBucket::Within30,
            _ if after <= 90 => CloseBucket::Within90,
            _ => CloseBucket::Later,
        }
    }
}

/// Counts of one cell: examples and how many closed inside their window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Cell {
    /// Deals seen.
    pub examples: u64,
    /// Of them, closed inside the window.
    pub closed: u64,
}

/// The learned rates for one window length.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlipModel {
    /// The window length in days.
    pub window_days: i64,
    /// Counts per open stage (in catalogue order, every pipeline's) and bucket.
    pub cells: Vec<[Cell; 5]>,
    /// Cycle days (created to closed) of every deal closed by the as-of date, sorted.
    pub cycles: Vec<i64>,
}

impl SlipModel {
    /// Learns the rates for windows of `window_days` from the book as of `as_of`.
    pub fn learn(
        book: &CommitBook,
        histories: &Histories,
        as_of: NaiveDate,
        window_days: i64,
    ) -> SlipModel {
        let mut cells = vec![[Cell::default(); 5]; book.pipelines.open_count()];
        let window = u64::try_from(window_days.max(0)).unwrap_or(0);
        let days: Vec<(NaiveDate, NaiveDate)> = (0..SNAPSHOTS)
            .filter_map(|k| {
                let t = as_of.checked_sub_days(Days::new(window + SNAPSHOT_SPACING_DAYS * k))?;
                Some((t, t.checked_add_days(Days::new(window))?))
            })
            .collect();
        let earliest = days.last().map_or(as_of, |d| d.0);
        for (i, deal) in book.deals.iter().enumerate() {
            let Some(expected) = deal.expected_close_on else {
                continue;
            };
            if deal.closed_on.is_some_and(|c| c <= earliest) || deal.created_on > as_of {
                continue;
            }
            for &(t, end) in &days {
                if let Some(row) = histories
                    .open_stage_on(i, deal, t)
                    .and_then(|stage| stage.open_index())
                    .and_then(|s| cells.get_mut(s))
                {
                    let b = CloseBucket::of(expected, t, end) as usize;
                    let cell = &mut row[b];
                    cell.examples += 1;
                    cell.closed += u64::from(deal.closed_on.is_some_and(|c| c <= end));
                }
            }
        }
        let mut cycles: Vec<i64> = book
            .deals
            .iter()
            .filter_map(|d| {
                d.closed_on
                    .filter(|c| *c <= as_of)
                    .map(|c| (c - d.created_on).num_days())
            })
            .collect();
        cycles.sort_unstable();
        SlipModel {
            window_days,
            cells,
            cycles,
        }
    }

    /// The shrunk rate of closing inside the window for a deal at `stage` in `bucket` (the
    /// pooled rate for a stage the model has no row for).
    pub fn rate(&self, stage: Stage, bucket: CloseBucket) -> f64 {
        let b = bucket as usize;
        let pooled = self.cells.iter().fold(Cell::default(), |acc, row| Cell {
            examples: acc.examples + row[b].examples,
            closed: acc.closed + row[b].closed,
        });
        let prior = (pooled.closed as f64 + 0.5) / (pooled.examples as f64 + 1.0);
        let cell = stage
            .open_index()
            .and_then(|s| self.cells.get(s))
            .map_or_else(Cell::default, |row| row[b]);
        (cell.closed as f64 + SHRINK_EXAMPLES * prior) / (cell.examples as f64 + SHRINK_EXAMPLES)
    }

    /// P(a deal created on `created` and open on `as_of` closes within the window), from the
    /// cycle times: P(cycle ≤ age + L | cycle > age); 0 when no closed deal was older.
    pub fn undated_rate(&self, created: NaiveDate, as_of: NaiveDate) -> f64 {
        let age = (as_of - created).num_days();
        let older = self.cycles.partition_point(|c| *c <= age);
        let within = self
            .cycles
            .partition_point(|c| *c <= age + self.window_days);
        let alive = self.cycles.len() - older;
        if alive == 0 {
            return 0.0;
        }
        (within - older) as f64 / alive as f64
    }

    /// P(the open `deal`, at `stage` on `as_of`, closes within the window after `as_of`).
    pub fn close_probability(&self, deal: &CommitDeal, stage: Stage, as_of: NaiveDate) -> f64 {
        if self.window_days <= 0 {
            return 0.0;
        }
        let end = as_of + chrono::Duration::days(self.window_days);
        match deal.expected_close_on {
            Some(expected) => self.rate(stage, CloseBucket::of(expected, as_of, end)),
            None => self.undated_rate(deal.created_on, as_of),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::pipeline::StageChangeFacts;
    use crate::domain::Money;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// A deal created long ago, moved to `stage` on Jan 1 2025, expected to close `expected`
    /// and closed (Won) on `closed`.
    fn deal(
        id: i64,
        expected: NaiveDate,
        closed: Option<NaiveDate>,
    ) -> (CommitDeal, StageChangeFacts) {
        (
            CommitDeal {
                id,
                pipeline_id: 1,
                rep_id: None,
                amount: Money(100),
                stage: if closed.is_some() {
                    Stage::Won
                } else {
                    Stage::Open(2)
                },
                created_on: day(2024, 1, 1),
                closed_on: closed,
                expected_close_on: Some(expected),
                category: None,
                win_probability: Some(0.5),
            },
            StageChangeFacts {
                opened: false,
                deal_id: id,
                to: Stage::Open(2),
                changed_on: day(2025, 1, 1),
            },
        )
    }

    #[test]
    fn rates_match_a_hand_made_history() {
        // As of 2026-01-01 with a 10-day window the only snapshot day all deals below are open
        // on and expected inside the window of is t = 2025-12-22 (window to 2026-01-01).
        // 8 of 10 expected inside that window close inside it; the other 2 close a year later.
        let mut book = CommitBook::default();
        for id in 0..10 {
            let closed = if id < 8 {
                day(2025, 12, 30)
            } else {
                day(2026, 12, 1)
            };
            let (d, c) = deal(
                id,
                day(2025, 12, 30),
                Some(closed).filter(|c| *c <= day(2026, 1, 1)),
            );
            book.deals.push(d);
            book.stage_changes.push(c);
        }
        let as_of = day(2026, 1, 1);
        let h = Histories::new(&book);
        let m = SlipModel::learn(&book, &h, as_of, 10);
        let inside = m.cells[2][CloseBucket::Inside as usize];
        assert_eq!((inside.examples, inside.closed), (10, 8));
        // Earlier snapshot days see the same deals expected 2025-12-30, after their window ends.
        let later: u64 = [
            CloseBucket::Within30,
            CloseBucket::Within90,
            CloseBucket::Later,
        ]
        .iter()
        .map(|b| m.cells[2][*b as usize].examples)
        .sum();
        assert_eq!(later, 10 * (SNAPSHOTS - 1));
        assert_eq!(m.cells[2][CloseBucket::Within30 as usize].closed, 0);
        // Shrinkage: Proposal has all the Inside examples, so the pooled rate is 8.5 / 11.
        let pooled = 8.5 / 11.0;
        let expect = (8.0 + SHRINK_EXAMPLES * pooled) / (10.0 + SHRINK_EXAMPLES);
        assert!((m.rate(Stage::Open(2), CloseBucket::Inside) - expect).abs() < 1e-12);
        assert!((m.rate(Stage::Open(0), CloseBucket::Inside) - pooled).abs() < 1e-12);
    }

    #[test]
    fn undated_deals_follow_the_cycle_times() {
        let m = SlipModel {
            window_days: 30,
            cells: vec![[Cell::default(); 5]; 4],
            cycles: vec![10, 20, 40, 50, 100],
        };
        let as_of = day(2026, 1, 31);
        // Age 15: alive are 20, 40, 50, 100; within 45 days of creation: 20, 40.
        assert!((m.undated_rate(day(2026, 1, 16), as_of) - 0.5).abs() < 1e-12);
        assert_eq!(m.undated_rate(day(2025, 1, 1), as_of), 0.0);
    }

    #[test]
    fn buckets_split_at_the_window_edges() {
        let (s, e) = (day(2026, 1, 1), day(2026, 3, 31));
        assert_eq!(CloseBucket::of(s, s, e), CloseBucket::Overdue);
        assert_eq!(CloseBucket::of(e, s, e), CloseBucket::Inside);
        assert_eq!(
            CloseBucket::of(day(2026, 4, 30), s, e),
            CloseBucket::Within30
        );
        assert_eq!(
            CloseBucket::of(day(2026, 6, 29), s, e),
            CloseBucket::Within90
        );
        assert_eq!(CloseBucket::of(day(2026, 6, 30), s, e), CloseBucket::Later);
    }
}
