//! The points of every line of the forecast chart, shared by the Forecast screen and the SVG
//! export so both draw the same thing. x is the month's position (0 = the series' first month).

use crate::analytics::forecast::{FittedSeries, ForecastRow, MonthlySeries, PipelineMonth};

/// History, fit, forecast, both bands and the weighted pipeline as (x, cents) points.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastLines {
    /// Bookings per month of history.
    pub history: Vec<(f64, f64)>,
    /// The model's fitted value per month of history.
    pub fitted: Vec<(f64, f64)>,
    /// The forecast, starting at the last actual month so it joins the history.
    pub mean: Vec<(f64, f64)>,
    /// Lower and upper edge of the 80% prediction interval, joined the same way.
    pub pi80: [Vec<(f64, f64)>; 2],
    /// Lower and upper edge of the 95% prediction interval, joined the same way.
    pub pi95: [Vec<(f64, f64)>; 2],
    /// Weighted open pipeline of each forecast month that has some.
    pub pipeline: Vec<(f64, f64)>,
}

impl ForecastLines {
    /// The lines of one series, its model and its weighted pipeline.
    pub fn new(
        series: &MonthlySeries,
        model: &FittedSeries,
        pipeline: &[PipelineMonth],
    ) -> ForecastLines {
        let n = series.values.len();
        let x = |i: usize| i as f64;
        let last = series.values.last().map_or(0.0, |v| *v as f64);
        let joined = |f: fn(&ForecastRow) -> f64| {
            std::iter::once((x(n.saturating_sub(1)), last))
                .chain(
                    model
                        .forecast
                        .iter()
                        .enumerate()
                        .map(|(h, r)| (x(n + h), f(r))),
                )
                .collect::<Vec<_>>()
        };
        let months_ahead = model.forecast.len() as i32;
        ForecastLines {
            history: series
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| (x(i), *v as f64))
                .collect(),
            fitted: model
                .fit
                .fitted
                .iter()
                .enumerate()
                .map(|(i, v)| (x(i), *v))
                .collect(),
            mean: joined(|r| r.mean),
            pi80: [joined(|r| r.pi80_lo), joined(|r| r.pi80_hi)],
            pi95: [joined(|r| r.pi95_lo), joined(|r| r.pi95_hi)],
            pipeline: pipeline
                .iter()
                .filter_map(|p| {
                    let ahead = p.month.since(series.last());
                    (1..=months_ahead).contains(&ahead).then(|| {
                        (
                            x(n.saturating_sub(1) + ahead as usize),
                            p.weighted_cents as f64,
                        )
                    })
                })
                .collect(),
        }
    }

    /// The y range of the history, fit, forecast and bands (5% room, from zero unless a band
    /// dips below it). The pipeline is left out: it gets its own scale, so a large pipeline
    /// month cannot flatten the history.
    pub fn value_bounds(&self) -> [f64; 2] {
        let all = self
            .history
            .iter()
            .chain(&self.fitted)
            .chain(&self.pi95[0])
            .chain(&self.pi95[1])
            .map(|(_, y)| *y);
        let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let pad = ((hi - lo) * 0.05).max(1.0);
        [if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::forecast::{ForecastOptions, forecast_series};
    use crate::domain::Month;

    #[test]
    fn forecast_lines_join_the_history_and_pipeline_stays_within_the_horizon() {
        let start = Month::new(2026, 1).unwrap_or_else(|| panic!("a month"));
        let series = MonthlySeries {
            start,
            values: vec![10, 22, 28, 41, 50, 61],
        };
        let model = forecast_series(&series, ForecastOptions::with_horizon(2))
            .unwrap_or_else(|e| panic!("{e}"));
        let pipeline = [
            (0, 900), // the last actual month: not ahead
            (1, 700),
            (3, 800), // past the two-month horizon
        ]
        .map(|(ahead, weighted_cents)| PipelineMonth {
            month: series.last().plus(ahead),
            weighted_cents,
        });
        let lines = ForecastLines::new(&series, &model, &pipeline);
        assert_eq!(lines.history.len(), 6);
        assert_eq!(lines.history[5], (5.0, 61.0));
        assert_eq!(lines.fitted.len(), 6);
        for line in [&lines.mean, &lines.pi80[0], &lines.pi95[1]] {
            assert_eq!(line.len(), 3, "the last month and two ahead");
            assert_eq!(line[0], (5.0, 61.0));
            assert_eq!(line[2].0, 7.0);
        }
        assert!(lines.pi95[0][1].1 < lines.pi80[0][1].1);
        assert!(lines.pi80[1][1].1 < lines.pi95[1][1].1);
        assert_eq!(lines.pipeline, [(6.0, 700.0)]);
        let [lo, hi] = lines.value_bounds();
        assert_eq!(lo, 0.0);
        assert!(hi < 700.0, "the pipeline is left out: {hi}");
        assert!(hi >= lines.pi95[1][2].1);
    }
}
