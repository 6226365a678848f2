//! When deals close: growth trend, yearly seasonality, quarter-end peaks, and cycle lengths.

use rand::Rng as _;

use super::Rng;
use super::calendar::{Calendar, Day, Month};
use super::customers::lognormal;

/// Bookings grow by this factor a year.
const GROWTH_PER_YEAR: f64 = 1.35;
/// Demand by month of year, January first: slow summer, strong year end.
const SEASON: [f64; 12] = [
    0.86, 0.9, 1.0, 0.95, 1.0, 1.02, 0.85, 0.8, 1.0, 1.05, 1.08, 1.12,
];
/// Extra deals closing in the last month of a quarter (reps push to make quota).
const QUARTER_END_BOOST: f64 = 1.7;
/// Each future month holds this much less expected closes than the one before.
const FUTURE_DECAY: f64 = 0.72;
/// Median sales cycle in days for a $15,000 deal of an average product.
const MEDIAN_CYCLE_DAYS: f64 = 38.0;

/// Expected closes in month `i` of the calendar (negative: before the window) if the trend holds.
pub(super) fn demand(cal: &Calendar, i: isize) -> f64 {
    let first = cal.months.first().map_or(1, |m| m.number) as isize;
    let number = (first - 1 + i).rem_euclid(12) + 1;
    let trend = GROWTH_PER_YEAR.powf(i as f64 / 12.0);
    let season = SEASON[number as usize - 1];
    let boost = if number % 3 == 0 {
        QUARTER_END_BOOST
    } else {
        1.0
    };
    trend * season * boost
}

/// How many of `total` deals have their planned close in each month: demand in the window,
/// thinning out in the future (the pipeline further out is not built yet).
pub(super) fn deals_per_month(cal: &Calendar, total: u32) -> Vec<u32> {
    let weights: Vec<f64> = (0..cal.months.len())
        .map(|i| {
            let ahead = i.saturating_sub(cal.window - 1) as i32;
            demand(cal, i as isize) * FUTURE_DECAY.powi(ahead)
        })
        .collect();
    apportion(&weights, total)
}

/// Splits `total` in proportion to `weights` by largest remainder, so the parts sum exactly.
fn apportion(weights: &[f64], total: u32) -> Vec<u32> {
    let sum: f64 = weights.iter().sum();
    let shares: Vec<f64> = weights.iter().map(|w| w / sum * f64::from(total)).collect();
    let mut parts: Vec<u32> = shares.iter().map(|s| s.floor() as u32).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (shares[a] - shares[a].floor(), shares[b] - shares[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let missing = total.saturating_sub(parts.iter().sum());
    for &i in order.iter().cycle().take(missing as usize) {
        parts[i] += 1;
    }
    parts
}

/// A planned close day within `month`: uniform, but late in the month at quarter end.
pub(super) fn close_day(rng: &mut Rng, month: &Month) -> Day {
    let u: f64 = rng.random();
    let offset = if month.number.is_multiple_of(3) {
        month.len - 1 - (f64::from(month.len) * u * u) as i32
    } else {
        (f64::from(month.len) * u) as i32
    };
    Calendar::workday(month.start + offset.clamp(0, month.len - 1), month.start)
}

/// Sales cycle in days: lognormal, longer for bigger deals and heavier products.
pub(super) fn cycle_days(rng: &mut Rng, dollars: f64, product_cycle: f64) -> i32 {
    let median = MEDIAN_CYCLE_DAYS * product_cycle * (dollars / 15_000.0).powf(0.3);
    lognormal(rng, median, 0.45).round().clamp(5.0, 365.0) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_is_exact_and_proportional() {
        let parts = apportion(&[1.0, 2.0, 3.0, 0.5], 1_000);
        assert_eq!(parts.iter().sum::<u32>(), 1_000);
        assert_eq!(parts, vec![154, 308, 461, 77]);
        assert_eq!(apportion(&[1.0, 1.0, 1.0], 2).iter().sum::<u32>(), 2);
    }
}
