//! Invariants of the forecast on arbitrary series: least-squares residuals are orthogonal to
//! every design column, intervals nest around the mean and widen with the horizon, and the
//! backtest scores every point of every origin it uses.

use proptest::prelude::*;
use salesdesk::analytics::forecast::{ForecastOptions, MonthlySeries, forecast_series};
use salesdesk::domain::Month;

fn series() -> impl Strategy<Value = MonthlySeries> {
    (
        2000i32..2030,
        1u32..=12,
        proptest::collection::vec(0i64..50_000_000, 4..48),
    )
        .prop_map(|(year, month, values)| MonthlySeries {
            start: Month::new(year, month).unwrap(),
            values,
        })
}

proptest! {
    #[test]
    fn residuals_are_orthogonal_to_the_design_and_intervals_nest(series in series()) {
        // Four months always fit a trend, and 24 hold every calendar month twice.
        let model = forecast_series(&series, ForecastOptions::with_horizon(12));
        prop_assert!(model.is_ok(), "{:?}", model.err());
        let model = model.unwrap();
        let fit = &model.fit;
        let n = series.values.len();
        let scale = series.values.iter().map(|v| *v as f64).fold(1.0, f64::max) * n as f64;
        let residuals: Vec<f64> = series
            .values
            .iter()
            .zip(&fit.fitted)
            .map(|(y, f)| *y as f64 - f)
            .collect();
        // Column `const`: residuals sum to zero; column `t`: Σ t·e = 0.
        let sum: f64 = residuals.iter().sum();
        let trend: f64 = residuals.iter().enumerate().map(|(i, e)| (i + 1) as f64 * e).sum();
        prop_assert!(sum.abs() <= 1e-9 * scale, "Σe = {sum}");
        prop_assert!(trend.abs() <= 1e-9 * scale * n as f64, "Σte = {trend}");
        prop_assert_eq!(fit.df, n - fit.columns.len());
        let mut last_width = 0.0;
        for row in &model.forecast {
            prop_assert!(row.pi95_lo <= row.pi80_lo && row.pi80_lo <= row.mean);
            prop_assert!(row.mean <= row.pi80_hi && row.pi80_hi <= row.pi95_hi);
            let width = row.pi95_hi - row.pi95_lo;
            if fit.columns.len() == 2 {
                prop_assert!(width + 1e-6 >= last_width, "a trend's interval widens with h");
            }
            last_width = width;
        }
        if let Some(bt) = &model.backtest {
            prop_assert_eq!(bt.points, bt.origins * bt.steps);
            prop_assert!(bt.origins <= 6);
            prop_assert!(bt.model.mae >= 0.0 && bt.seasonal_naive.mae >= 0.0);
        }
    }
}
