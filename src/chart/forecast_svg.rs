//! The Forecast screen's chart as SVG: bookings history, the fitted line, the forecast with its
//! 80% and 95% prediction bands and the weighted open pipeline as bars, months along the x axis,
//! currency up the y axis, and a legend.

use chrono::NaiveDate;
use plotters::prelude::*;

use super::slots::Slots;
use super::{ChartError, ForecastLines, draw_error};
use crate::analytics::forecast::{
    Breakdown, FittedSeries, MonthlySeries, PipelineMonth, SeriesForecast,
};
use crate::domain::{Money, Month};

/// Width and height in pixels: 16:9, to fill a slide.
const SIZE: (u32, u32) = (1280, 720);
/// At most this many month labels along the x axis.
const MAX_MONTH_LABELS: usize = 12;

/// The colours of the chart's series, public so tests can find each series in the SVG.
pub struct ForecastPens;

impl ForecastPens {
    /// Bookings: the line and a dot per month of history.
    pub const HISTORY: RGBColor = RGBColor(0x1F, 0x29, 0x37);
    /// The model's fitted line.
    pub const FITTED: RGBColor = RGBColor(0x00, 0x83, 0x8F);
    /// The forecast line.
    pub const FORECAST: RGBColor = RGBColor(0xD9, 0x77, 0x06);
    /// The 80% prediction band.
    pub const PI80: RGBColor = RGBColor(0xC0, 0x26, 0xD3);
    /// The 95% prediction band.
    pub const PI95: RGBColor = RGBColor(0x9C, 0xA3, 0xAF);
    /// The weighted pipeline bars.
    pub const PIPELINE: RGBColor = RGBColor(0x16, 0xA3, 0x4A);
}

/// Axis text, the grid and the subtitle.
const MUTED: RGBColor = RGBColor(0x6B, 0x72, 0x80);
const GRID: RGBColor = RGBColor(0xE5, 0xE7, 0xEB);

/// One group's forecast as the Forecast screen shows it, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastChart {
    /// Which breakdown the group belongs to.
    pub breakdown: Breakdown,
    /// The group's name ("Total", a rep, a product, a team).
    pub name: String,
    /// The as-of date of the forecast.
    pub as_of: NaiveDate,
    /// Its bookings history.
    pub series: MonthlySeries,
    /// Its fitted model and forecast.
    pub model: FittedSeries,
    /// Its weighted open pipeline by expected close month.
    pub pipeline: Vec<PipelineMonth>,
}

impl ForecastChart {
    /// The chart of `shown`; a group without bookings or without a model has none, and the
    /// error says why.
    pub fn new(shown: &SeriesForecast, as_of: NaiveDate) -> Result<ForecastChart, ChartError> {
        match (&shown.series, &shown.model) {
            (Some(series), Ok(model)) if !series.values.is_empty() => Ok(ForecastChart {
                breakdown: shown.breakdown,
                name: shown.name.clone(),
                as_of,
                series: series.clone(),
                model: model.clone(),
                pipeline: shown.pipeline.clone(),
            }),
            (_, Err(problem)) => Err(ChartError::NoData(format!(
                "{}: {problem}; there is no forecast to chart",
                shown.name
            ))),
            _ => Err(ChartError::NoData(format!(
                "{}: no bookings; there is no forecast to chart",
                shown.name
            ))),
        }
    }

    /// The heading: what is forecast.
    pub fn title(&self) -> String {
        format!("Bookings forecast · {}", self.name)
    }

    /// The line under the heading: breakdown, horizon and dates.
    pub fn subtitle(&self) -> String {
        format!(
            "by {} · {} months after {} · as of {} · 80% and 95% prediction intervals",
            self.breakdown,
            self.model.forecast.len(),
            self.series.last(),
            self.as_of
        )
    }

    /// The chart as an SVG document.
    pub fn render(&self) -> Result<String, ChartError> {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
            root.fill(&WHITE).map_err(draw_error)?;
            let root = root
                .titled(&self.title(), ("sans-serif", 30))
                .map_err(draw_error)?;
            let (subtitle, plot) = root.split_vertically(28);
            subtitle
                .draw(&Text::new(
                    self.subtitle(),
                    (24, 4),
                    ("sans-serif", 17).into_font().color(&MUTED),
                ))
                .map_err(draw_error)?;
            self.draw_plot(&plot)?;
            root.present().map_err(draw_error)?;
        }
        Ok(svg)
    }

    fn draw_plot<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, plotters::coord::Shift>,
    ) -> Result<(), ChartError> {
        let lines = ForecastLines::new(&self.series, &self.model, &self.pipeline);
        let last = self.series.values.len() - 1 + self.model.forecast.len();
        let [y_lo, y_hi] = lines.y_bounds();
        let start = self.series.start;
        let x_range = Slots::new(last + 1, month_ticks(start, last));
        let mut chart = ChartBuilder::on(area)
            .margin(20)
            .x_label_area_size(56)
            .y_label_area_size(100)
            .build_cartesian_2d(x_range, y_lo..y_hi)
            .map_err(draw_error)?;
        let axis_font = ("sans-serif", 16).into_font().color(&MUTED);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .axis_style(MUTED)
            .label_style(axis_font.clone())
            .axis_desc_style(axis_font)
            .x_desc("month")
            .y_desc("bookings per month")
            .x_label_formatter(&|x| start.plus(x.round() as i32).to_string())
            .y_label_formatter(&|y| Money(y.round() as i64).compact())
            .draw()
            .map_err(draw_error)?;
        let swatch = |colour: ShapeStyle| {
            move |(x, y): (i32, i32)| Rectangle::new([(x, y - 7), (x + 20, y + 7)], colour)
        };
        let stroke = |colour: RGBColor| {
            move |(x, y): (i32, i32)| {
                PathElement::new([(x, y), (x + 20, y)], colour.stroke_width(3))
            }
        };
        let band = |[lo, hi]: &[Vec<(f64, f64)>; 2]| -> Vec<(f64, f64)> {
            lo.iter().chain(hi.iter().rev()).copied().collect()
        };
        let pi95 = ForecastPens::PI95.mix(0.35).filled();
        chart
            .draw_series(std::iter::once(Polygon::new(band(&lines.pi95), pi95)))
            .map_err(draw_error)?
            .label("95% PI")
            .legend(swatch(pi95));
        let pi80 = ForecastPens::PI80.mix(0.3).filled();
        chart
            .draw_series(std::iter::once(Polygon::new(band(&lines.pi80), pi80)))
            .map_err(draw_error)?
            .label("80% PI")
            .legend(swatch(pi80));
        let bars = ForecastPens::PIPELINE.mix(0.55).filled();
        chart
            .draw_series(
                lines
                    .pipeline
                    .iter()
                    .map(|&(x, y)| Rectangle::new([(x - 0.3, 0.0), (x + 0.3, y)], bars)),
            )
            .map_err(draw_error)?
            .label("weighted pipeline")
            .legend(swatch(bars));
        chart
            .draw_series(LineSeries::new(
                lines.fitted.iter().copied(),
                ForecastPens::FITTED.stroke_width(2),
            ))
            .map_err(draw_error)?
            .label("fit")
            .legend(stroke(ForecastPens::FITTED));
        chart
            .draw_series(LineSeries::new(
                lines.history.iter().copied(),
                ForecastPens::HISTORY.stroke_width(2),
            ))
            .map_err(draw_error)?
            .label("bookings")
            .legend(stroke(ForecastPens::HISTORY));
        chart
            .draw_series(
                lines
                    .history
                    .iter()
                    .map(|&p| Circle::new(p, 3, ForecastPens::HISTORY.filled())),
            )
            .map_err(draw_error)?;
        chart
            .draw_series(LineSeries::new(
                lines.mean.iter().copied(),
                ForecastPens::FORECAST.stroke_width(3),
            ))
            .map_err(draw_error)?
            .label("forecast")
            .legend(stroke(ForecastPens::FORECAST));
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font(("sans-serif", 16))
            .draw()
            .map_err(draw_error)
    }
}

/// Positions (0 = `start`) of the months labelled on the x axis: every month, or every 2nd,
/// quarter, half-year, year… so that at most [`MAX_MONTH_LABELS`] show, aligned to January.
fn month_ticks(start: Month, last: usize) -> Vec<f64> {
    let months = last + 1;
    let step: i32 = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|step| months.div_ceil(*step as usize) <= MAX_MONTH_LABELS)
        .unwrap_or(120);
    (0..=last)
        .filter(|&i| {
            let month = start.plus(i as i32);
            (month.year() * 12 + month.number() as i32 - 1) % step == 0
        })
        .map(|i| i as f64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Month {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn month_labels_thin_out_to_quarters_and_years_aligned_to_january() {
        assert_eq!(month_ticks(m("2026-01"), 11).len(), 12);
        // 30 months from 2024-05: quarters (Jul, Oct, Jan, Apr) → positions 2, 5, 8, …
        let ticks = month_ticks(m("2024-05"), 29);
        assert_eq!(ticks.first(), Some(&2.0));
        assert!(ticks.windows(2).all(|w| w[1] - w[0] == 3.0), "{ticks:?}");
        assert!(ticks.len() <= MAX_MONTH_LABELS);
        // Ten years: one label per year, each a January.
        let ticks = month_ticks(m("2016-03"), 119);
        assert!(ticks.len() <= MAX_MONTH_LABELS);
        assert!(
            ticks
                .iter()
                .all(|&i| m("2016-03").plus(i as i32).number() == 1)
        );
    }
}
