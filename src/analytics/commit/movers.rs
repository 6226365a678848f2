//! The manager's short list: the open deals whose fate moves P(bookings ≥ quota) most. For each
//! candidate the distribution without it is recovered exactly (one backward pass), then
//! P(hit | it lands) and P(hit | it does not) are read off. Losing a deal and slipping it out of
//! the period have the same effect on this period's bookings, so both read "does not land".

use serde::Serialize;

use super::distribution::{Bet, Distribution};
use super::odds::DealOdds;
use crate::domain::Money;

/// How many of the largest uncertain deals are examined.
pub const CANDIDATES: usize = 50;

/// The smallest swing of P(hit) a deal needs to make the list (0.1 points).
pub const MIN_SWING: f64 = 0.001;

/// One deal on the short list.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// The `keep` deals with the biggest swing (at least [`MIN_SWING`]), among the [`CANDIDATES`] with the largest
/// amount × √(land × (1 − land)).
pub fn movers(dist: &Distribution, deals: &[DealOdds], quota: Money, keep: usize) -> Vec<Mover> {
    let mut candidates: Vec<&DealOdds> = deals
        .iter()
        .filter(|d| d.land > 0.0 && d.land < 1.0 && d.amount.cents() > 0)
        .collect();
    let weight = |d: &DealOdds| d.amount.cents() as f64 * (d.land * (1.0 - d.land)).sqrt();
    candidates.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
    candidates.truncate(CANDIDATES);
    let p_hit = dist.p_at_least(quota.cents());
    let mut out: Vec<Mover> = candidates
        .into_iter()
        .map(|d| {
            let rest = dist.without(Bet {
                cents: d.amount.cents(),
                p: d.land,
            });
            Mover {
                id: d.id,
                amount: d.amount,
                land: d.land,
                p_hit,
                p_hit_if_won: rest.p_at_least(quota.cents() - d.amount.cents()),
                p_hit_if_not: rest.p_at_least(quota.cents()),
            }
        })
        .collect();
    out.retain(|m| m.swing() >= MIN_SWING);
    out.sort_by(|a, b| b.swing().total_cmp(&a.swing()).then(a.id.cmp(&b.id)));
    out.truncate(keep);
    out
}
