//! The manager's short list: the open deals whose fate moves P(bookings ≥ quota) most. The total
//! is the sum of independent groups (the reps); for each candidate its group's distribution
//! without it is recovered exactly (one backward pass on the group's own grid), and
//! P(hit | it lands) and P(hit | it does not) are read off that and the sum of the other groups. Losing a deal and slipping it out of
//! the period have the same effect on this period's bookings, so both read "does not land".

use serde::{Deserialize, Serialize};

use super::combine::all_but_one;
use super::distribution::{Bet, Distribution};
use super::odds::DealOdds;
use crate::domain::Money;

/// How many of the largest uncertain deals are examined.
pub const CANDIDATES: usize = 50;

/// The smallest swing of P(hit) a deal needs to make the list (0.1 points).
pub const MIN_SWING: f64 = 0.001;

/// One deal on the short list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mover {
    /// The deal's id.
    pub id: i64,
    /// Its amount.
    #[serde(rename = "amount_cents")]
    pub amount: Money,
    /// P(it lands in the period).
    pub land: f64,
    /// P(hit quota) as things stand.
    pub p_hit: f64,
    /// P(hit) if it is won inside the period.
    pub p_hit_if_won: f64,
    /// P(hit) if it is lost or slips out of the period.
    pub p_hit_if_not: f64,
}

impl Mover {
    /// How far its fate moves P(hit): won minus not.
    pub fn swing(&self) -> f64 {
        self.p_hit_if_won - self.p_hit_if_not
    }
}

/// P(X + Y ≥ x) for independent X (`a`) and Y (`b`, given by its grid values and tail sums).
fn p_sum_at_least(a: &Distribution, b: &Tail, x: i64) -> f64 {
    a.mass
        .iter()
        .enumerate()
        .filter(|(_, m)| **m > 0.0)
        .map(|(k, m)| m * b.at_least(x - a.value(k)))
        .sum::<f64>()
        .clamp(0.0, 1.0)
}

/// A distribution with its tail sums, for P(sum ≥ x) in constant time.
struct Tail {
    dist: Distribution,
    tail: Vec<f64>,
}

impl Tail {
    fn new(dist: Distribution) -> Tail {
        let mut tail = vec![0.0; dist.mass.len() + 1];
        for k in (0..dist.mass.len()).rev() {
            tail[k] = tail[k + 1] + dist.mass[k];
        }
        Tail { dist, tail }
    }

    fn at_least(&self, target: i64) -> f64 {
        let d = &self.dist;
        let need = target - d.base;
        let index = need.div_euclid(d.step) + i64::from(need.rem_euclid(d.step) > 0) - d.origin;
        usize::try_from(index).map_or(1.0, |i| self.tail[i.min(d.mass.len())])
    }
}

/// The `keep` deals with the biggest swing (at least [`MIN_SWING`]), among the [`CANDIDATES`]
/// with the largest amount × √(land × (1 − land)). `total` is the sum of the independent
/// `groups`; `group_of` tells which group holds a deal; `target` is the quota on the model's
/// scale (see `BandScale::model_target`).
pub fn movers(
    total: &Distribution,
    groups: &[Distribution],
    group_of: &dyn Fn(&DealOdds) -> usize,
    deals: &[DealOdds],
    target: Money,
    keep: usize,
) -> Vec<Mover> {
    let mut candidates: Vec<&DealOdds> = deals
        .iter()
        .filter(|d| d.land > 0.0 && d.land < 1.0 && d.amount.cents() > 0)
        .filter(|d| group_of(d) < groups.len())
        .collect();
    let weight = |d: &DealOdds| d.amount.cents() as f64 * (d.land * (1.0 - d.land)).sqrt();
    candidates.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
    candidates.truncate(CANDIDATES);
    let p_hit = total.p_at_least(target.cents());
    let others: Vec<Tail> = all_but_one(groups).into_iter().map(Tail::new).collect();
    let mut out: Vec<Mover> = candidates
        .into_iter()
        .map(|d| {
            let g = group_of(d);
            let rest_of_book = &others[g];
            let rest = groups[g].without(Bet {
                cents: d.amount.cents(),
                p: d.land,
            });
            Mover {
                id: d.id,
                amount: d.amount,
                land: d.land,
                p_hit,
                p_hit_if_won: p_sum_at_least(
                    &rest,
                    rest_of_book,
                    target.cents() - d.amount.cents(),
                ),
                p_hit_if_not: p_sum_at_least(&rest, rest_of_book, target.cents()),
            }
        })
        .collect();
    out.retain(|m| m.swing() >= MIN_SWING);
    out.sort_by(|a, b| b.swing().total_cmp(&a.swing()).then(a.id.cmp(&b.id)));
    out.truncate(keep);
    out
}
