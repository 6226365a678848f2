//! An x axis of evenly spaced slots (months, tiers) at whole positions, labelled only where the
//! chart asks: plotters' own float axis would put ticks at fractional positions like 2.5.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// Slots 0..count, each one unit wide, with ticks and labels at `ticks` only.
pub(super) struct Slots {
    count: usize,
    ticks: Vec<f64>,
}

impl Slots {
    /// `count` slots labelled at `ticks` (positions among 0..count).
    pub(super) fn new(count: usize, ticks: Vec<f64>) -> Slots {
        Slots { count, ticks }
    }
}

impl Ranged for Slots {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let range = self.range();
        let share = (value - range.start) / (range.end - range.start);
        limit.0 + (f64::from(limit.1 - limit.0) * share).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        -0.5..self.count.max(1) as f64 - 0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_centred_in_equal_shares_of_the_axis() {
        let slots = Slots::new(4, vec![0.0, 2.0]);
        // Four slots over 400 pixels: centres at 50, 150, 250, 350.
        let centres: Vec<i32> = (0..4).map(|i| slots.map(&f64::from(i), (0, 400))).collect();
        assert_eq!(centres, [50, 150, 250, 350]);
        assert_eq!(
            slots.key_points(plotters::coord::ranged1d::BoldPoints(10)),
            [0.0, 2.0]
        );
        assert!(
            slots
                .key_points(plotters::coord::ranged1d::LightPoints::new(10, 100))
                .is_empty()
        );
    }
}
