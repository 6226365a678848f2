//! A deal's past: its stage changes from Lead up to where it stands, and its activities.

use rand::Rng as _;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;

use super::calendar::{Calendar, Day};
use super::deals::Deal;
use super::rows::{ActivityRow, Batch, StageRow};
use super::{DemoError, Rng};

/// Activity kinds and how common each is.
const KINDS: [(&str, f64); 5] = [
    ("email", 0.32),
    ("call", 0.30),
    ("meeting", 0.14),
    ("demo", 0.10),
    ("note", 0.14),
];

/// Draws stage changes and activities.
pub(super) struct History {
    kinds: WeightedIndex<f64>,
    days: Vec<Day>,
}

impl History {
    /// Builds the weighted draw of activity kinds.
    pub fn new() -> Result<Self, DemoError> {
        Ok(History {
            kinds: WeightedIndex::new(KINDS.map(|(_, w)| w))
                .map_err(|e| DemoError::InvalidOptions(format!("activity weights: {e}")))?,
            days: Vec::new(),
        })
    }

    /// Adds the history of deal `id` to `batch`.
    pub fn draw(&mut self, rng: &mut Rng, id: i64, deal: &Deal, batch: &mut Batch) {
        let steps = deal.reached();
        self.draw_days(rng, deal, steps);
        let moves = super::OPEN.windows(2).zip(&self.days);
        batch
            .stage_changes
            .extend(moves.map(|(pair, &on)| StageRow {
                deal: id,
                from: pair[0],
                to: pair[1],
                on,
            }));
        if deal.stage.is_closed() {
            batch.stage_changes.push(StageRow {
                deal: id,
                from: super::OPEN[steps],
                to: deal.stage,
                on: deal.end,
            });
        }

        self.draw_days(rng, deal, deal.activities as usize);
        for &on in &self.days {
            batch.activities.push(ActivityRow {
                customer: deal.customer as i64 + 1,
                deal: id,
                rep: deal.rep as i64 + 1,
                kind: KINDS[self.kinds.sample(rng)].0,
                on,
            });
        }
    }

    /// `n` sorted workdays within the deal's life.
    fn draw_days(&mut self, rng: &mut Rng, deal: &Deal, n: usize) {
        self.days.clear();
        for _ in 0..n {
            let day = rng.random_range(deal.created..=deal.end.max(deal.created));
            self.days
                .push(Calendar::workday(day, deal.created).min(deal.end));
        }
        self.days.sort_unstable();
    }
}
