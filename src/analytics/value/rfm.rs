//! RFM scores and segments. Recency (days since the last Won deal), frequency (Won deals in
//! the window) and monetary (Won cents in the window) are each scored 1–5 by quintile of rank:
//! customers sorted worst to best (most days, fewest deals, least money first), ties by
//! customer id, the k-th of n (from 0) scoring 1 + ⌊5k/n⌋. Only customers with a Won deal are
//! scored. The segment rules are in [`Segment::of`].

use serde::Serialize;

/// One customer's RFM inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RfmInput {
    /// The customer.
    pub customer_id: i64,
    /// Days since its last Won deal.
    pub recency_days: i64,
    /// Won deals in the window.
    pub frequency: i64,
    /// Won cents in the window.
    pub monetary_cents: i64,
}

/// The three 1–5 scores (5 best).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RfmScores {
    /// Recency score: 5 for the most recent buyers.
    pub r: u8,
    /// Frequency score.
    pub f: u8,
    /// Monetary score.
    pub m: u8,
}

/// A named RFM segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Segment {
    /// Bought recently, often and much: R ≥ 4, F ≥ 4, M ≥ 4.
    Champions,
    /// Buys regularly: R ≥ 3 and F ≥ 3, not a champion.
    Loyal,
    /// Bought recently but seldom: R ≥ 4 and F ≤ 2.
    Potential,
    /// Used to buy often, not lately: R ≤ 2 and F ≥ 3.
    AtRisk,
    /// Neither recent nor frequent: R = 2 or 3 with F ≤ 2.
    Hibernating,
    /// Long gone: R = 1 and F ≤ 2.
    Lost,
}

impl Segment {
    /// All segments, best first.
    pub const ALL: [Segment; 6] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::Potential,
        Segment::AtRisk,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The segment of a set of scores, by the rules on each variant.
    pub fn of(s: RfmScores) -> Segment {
        match (s.r, s.f) {
            (4.., 4..) if s.m >= 4 => Segment::Champions,
            (3.., 3..) => Segment::Loyal,
            (4.., _) => Segment::Potential,
            (..=2, 3..) => Segment::AtRisk,
            (1, _) => Segment::Lost,
            _ => Segment::Hibernating,
        }
    }

    /// Its name on screen and in reports.
    pub fn label(self) -> &'static str {
        match self {
            Segment::Champions => "Champions",
            Segment::Loyal => "Loyal",
            Segment::Potential => "Potential",
            Segment::AtRisk => "At risk",
            Segment::Hibernating => "Hibernating",
            Segment::Lost => "Lost",
        }
    }
}

/// The quintile score of each row by `key` (larger key = better), ties by customer id.
fn quintiles(inputs: &[RfmInput], key: impl Fn(&RfmInput) -> i64) -> Vec<u8> {
    let n = inputs.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (key(&inputs[i]), inputs[i].customer_id));
    let mut scores = vec![0u8; n];
    for (k, i) in order.into_iter().enumerate() {
        scores[i] = (1 + 5 * k / n) as u8;
    }
    scores
}

/// The scores of each input, in input order.
pub fn rfm_scores(inputs: &[RfmInput]) -> Vec<RfmScores> {
    let r = quintiles(inputs, |c| -c.recency_days);
    let f = quintiles(inputs, |c| c.frequency);
    let m = quintiles(inputs, |c| c.monetary_cents);
    (0..inputs.len())
        .map(|i| RfmScores {
            r: r[i],
            f: f[i],
            m: m[i],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(customer_id: i64, recency_days: i64, frequency: i64, monetary_cents: i64) -> RfmInput {
        RfmInput {
            customer_id,
            recency_days,
            frequency,
            monetary_cents,
        }
    }

    #[test]
    fn quintiles_of_rank_break_ties_by_customer_id() {
        // Ten customers, two per quintile. Recency ties: ids 1..=4 all 100 days → ranked by id.
        let inputs: Vec<RfmInput> = (1..=10)
            .map(|id| {
                let recency = if id <= 4 { 100 } else { 100 - id };
                input(id, recency, 3, id * 10)
            })
            .collect();
        let scores = rfm_scores(&inputs);
        let r: Vec<u8> = scores.iter().map(|s| s.r).collect();
        let f: Vec<u8> = scores.iter().map(|s| s.f).collect();
        let m: Vec<u8> = scores.iter().map(|s| s.m).collect();
        assert_eq!(r, vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(f, vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(m, vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    }

    #[test]
    fn segments_cover_every_score() {
        let s = |r, f, m| Segment::of(RfmScores { r, f, m });
        assert_eq!(s(5, 5, 4), Segment::Champions);
        assert_eq!(s(5, 5, 3), Segment::Loyal);
        assert_eq!(s(3, 3, 1), Segment::Loyal);
        assert_eq!(s(4, 2, 5), Segment::Potential);
        assert_eq!(s(2, 5, 5), Segment::AtRisk);
        assert_eq!(s(1, 3, 1), Segment::AtRisk);
        assert_eq!(s(3, 2, 5), Segment::Hibernating);
        assert_eq!(s(2, 1, 1), Segment::Hibernating);
        assert_eq!(s(1, 2, 5), Segment::Lost);
        for r in 1..=5 {
            for f in 1..=5 {
                for m in 1..=5 {
                    assert!(Segment::ALL.contains(&s(r, f, m)));
                }
            }
        }
    }
}
