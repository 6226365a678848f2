//! ABC tiers by cumulative share of value: sorted by V (largest first, ties by customer id), a
//! customer is A while the share before it is under 80%, B while under 95%, C after; customers
//! with no value are C.

use serde::{Deserialize, Serialize};

/// The share of total value the A tier reaches.
pub const A_SHARE: f64 = 0.80;
/// The share of total value the A and B tiers reach together.
pub const B_SHARE: f64 = 0.95;

/// A value tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// The customers making the first 80% of value.
    A,
    /// The next 15%.
    B,
    /// The rest.
    C,
}

impl Tier {
    /// All tiers, A first.
    pub const ALL: [Tier; 3] = [Tier::A, Tier::B, Tier::C];

    /// "A", "B" or "C".
    pub fn label(self) -> &'static str {
        match self {
            Tier::A => "A",
            Tier::B => "B",
            Tier::C => "C",
        }
    }
}

/// The tier of each (customer id, value) in input order.
pub fn abc_tiers(values: &[(i64, f64)]) -> Vec<Tier> {
    let total: f64 = values.iter().map(|(_, v)| v.max(0.0)).sum();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| {
        values[b]
            .1
            .total_cmp(&values[a].1)
            .then(values[a].0.cmp(&values[b].0))
    });
    let mut tiers = vec![Tier::C; values.len()];
    let mut before = 0.0;
    for i in order {
        let v = values[i].1.max(0.0);
        if v > 0.0 && total > 0.0 {
            let share = before / total;
            tiers[i] = if share < A_SHARE {
                Tier::A
            } else if share < B_SHARE {
                Tier::B
            } else {
                Tier::C
            };
        }
        before += v;
    }
    tiers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_by_cumulative_share_with_ties_by_id() {
        // Total 100. Sorted: 1 (50, before 0%), then 3 and 2 tie at 20 → id 2 first (before
        // 50%) then id 3 (before 70%): A. Id 4 (5, before 90%): B. Id 5 (5, before 95%): C.
        // Id 6 has no value: C.
        let values = [
            (1, 50.0),
            (3, 20.0),
            (2, 20.0),
            (5, 5.0),
            (4, 5.0),
            (6, 0.0),
        ];
        assert_eq!(
            abc_tiers(&values),
            vec![Tier::A, Tier::A, Tier::A, Tier::C, Tier::B, Tier::C]
        );
    }
}
