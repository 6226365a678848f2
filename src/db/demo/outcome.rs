//! How a deal ends: the hidden win model, where and why lost deals were lost, and how far open
//! deals have come.

use rand::Rng as _;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand_distr::StandardNormal;

use super::{DemoError, Rng};
use crate::domain::LOST_REASONS;
use crate::domain::Stage;

/// Logit of winning an average deal by an average rep; tuned for a 35–45% overall win rate.
const BASE_LOGIT: f64 = -0.55;
/// Bigger deals are harder: logit per unit of ln(amount) above the typical deal.
const AMOUNT_SLOPE: f64 = 0.4;
const MEAN_LN_DOLLARS: f64 = 9.7;
/// Long cycles are bad news: logit per standard deviation of cycle days.
const CYCLE_SLOPE: f64 = 0.25;
const MEAN_CYCLE: f64 = 48.0;
const SD_CYCLE: f64 = 28.0;
/// Attention wins deals: logit per activity above the mean.
const ACTIVITY_SLOPE: f64 = 0.45;
const MEAN_ACTIVITIES: f64 = 3.0;
/// Bigger customers are slightly more likely to buy.
const SIZE_SLOPE: f64 = 0.08;
const MEAN_LN_EMPLOYEES: f64 = 4.4;

/// Which open stage lost deals were lost at (Lead … Negotiation).
const LOST_AT: [f64; 4] = [0.22, 0.33, 0.28, 0.17];
/// Weights of [`LOST_REASONS`] by the stage a deal was lost at: early losses are budget and fit, late ones
/// price and competition.
const REASONS_AT: [[f64; 6]; 4] = [
    [1.0, 1.0, 4.0, 2.0, 3.0, 3.0],
    [2.0, 2.0, 4.0, 3.0, 3.0, 2.0],
    [4.0, 4.0, 2.0, 3.0, 2.0, 1.0],
    [5.0, 4.0, 1.0, 3.0, 2.0, 1.0],
];

/// What the win model looks at.
pub(super) struct WinFactors {
    pub skill: f64,
    pub product_effect: f64,
    pub dollars: f64,
    pub cycle_days: i32,
    pub activities: u32,
    pub employees: f64,
}

/// The probability that a deal with these factors is won.
pub(super) fn win_probability(f: &WinFactors) -> f64 {
    let logit = BASE_LOGIT + f.skill + f.product_effect
        - AMOUNT_SLOPE * (f.dollars.ln() - MEAN_LN_DOLLARS)
        - CYCLE_SLOPE * (f64::from(f.cycle_days) - MEAN_CYCLE) / SD_CYCLE
        + ACTIVITY_SLOPE * (f64::from(f.activities) - MEAN_ACTIVITIES)
        + SIZE_SLOPE * (f.employees.ln() - MEAN_LN_EMPLOYEES);
    1.0 / (1.0 + (-logit).exp())
}

/// Draws for lost deals.
pub(super) struct Losses {
    at: WeightedIndex<f64>,
    reasons: Vec<WeightedIndex<f64>>,
}

impl Losses {
    /// Builds the weighted draws once.
    pub fn new() -> Result<Self, DemoError> {
        let err = |e| DemoError::InvalidOptions(format!("loss weights: {e}"));
        Ok(Losses {
            at: WeightedIndex::new(LOST_AT).map_err(err)?,
            reasons: REASONS_AT
                .iter()
                .map(WeightedIndex::new)
                .collect::<Result<_, _>>()
                .map_err(err)?,
        })
    }

    /// The open stage a lost deal was lost at, and the reason given.
    pub fn draw(&self, rng: &mut Rng) -> (Stage, &'static str) {
        let at = self.at.sample(rng);
        let reason = self.reasons.get(at).map_or(0, |w| w.sample(rng));
        (super::OPEN[at.min(3)], LOST_REASONS[reason])
    }
}

/// Where an open deal stands, from how much of its planned cycle has passed (with noise).
pub(super) fn open_stage(rng: &mut Rng, progress: f64) -> Stage {
    let z: f64 = rng.sample(StandardNormal);
    let step = (progress * 4.0 + 0.6 * z).floor().clamp(0.0, 3.0);
    super::OPEN[step as usize]
}
