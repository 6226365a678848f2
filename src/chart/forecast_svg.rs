//! The Forecast screen's chart as SVG: bookings history, the fitted line, the forecast with its
//! 80% and 95% prediction bands, months along the x axis, currency up the y axis, a legend, and
//! under it, on the same months but its own scale, the weighted open pipeline as bars (so a large
//! pipeline month never flattens the history).

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::slots::Slots;
use super::{ChartError, ForecastLines, MUTED, draw_error, titled_page};
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

const GRID: RGBColor = RGBColor(0xE5, 0xE7, 0xEB);
/// Where the legend row starts: over the plot, past the y axis labels.
const LEGEND_LEFT: i32 = 120;

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
            let rest = titled_page(&mut svg, SIZE, &self.title(), 30, &self.subtitle())?;
            let (legend, plot) = rest.split_vertically(32);
            draw_legend(&legend)?;
            self.draw_plot(&plot)?;
            rest.present().map_err(draw_error)?;
        }
        Ok(svg)
    }

    fn draw_plot<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let lines = ForecastLines::new(&self.series, &self.model, &self.pipeline);
        if lines.pipeline.is_empty() {
            return self.draw_main(&lines, area);
        }
        let (_, height) = area.dim_in_pixel();
        let (main, strip) = area.split_vertically(height * 7 / 10);
        self.draw_main(&lines, &main)?;
        self.draw_pipeline(&lines, &strip)
    }

    /// History, fit, forecast and bands, on a scale set by them alone.
    fn draw_main<DB: DrawingBackend>(
        &self,
        lines: &ForecastLines,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let last = self.series.values.len() - 1 + self.model.forecast.len();
        let [y_lo, y_hi] = lines.value_bounds();
        let start = self.series.start;
        let x_range = Slots::new(last + 1, month_ticks(start, last));
        let mut chart = ChartBuilder::on(area)
            .margin(20)
            .margin_right(44)
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
        let band = |[lo, hi]: &[Vec<(f64, f64)>; 2]| -> Vec<(f64, f64)> {
            lo.iter().chain(hi.iter().rev()).copied().collect()
        };
        chart
            .draw_series([
                Polygon::new(band(&lines.pi95), pi95_fill()),
                Polygon::new(band(&lines.pi80), pi80_fill()),
            ])
            .map_err(draw_error)?;
        for (points, pen, width) in [
            (&lines.fitted, ForecastPens::FITTED, 2),
            (&lines.history, ForecastPens::HISTORY, 2),
            (&lines.mean, ForecastPens::FORECAST, 3),
        ] {
            chart
                .draw_series(LineSeries::new(
                    points.iter().copied(),
                    pen.stroke_width(width),
                ))
                .map_err(draw_error)?;
        }
        chart
            .draw_series(
                lines
                    .history
                    .iter()
                    .map(|&p| Circle::new(p, 3, ForecastPens::HISTORY.filled())),
            )
            .map_err(draw_error)?;
        Ok(())
    }

    /// The weighted pipeline of each forecast month as a bar, on the same months as the chart
    /// above but its own scale.
    fn draw_pipeline<DB: DrawingBackend>(
        &self,
        lines: &ForecastLines,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let last = self.series.values.len() - 1 + self.model.forecast.len();
        let start = self.series.start;
        let top = lines.pipeline.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
        let x_range = Slots::new(last + 1, month_ticks(start, last));
        let mut chart = ChartBuilder::on(area)
            .margin(20)
            .margin_top(4)
            .margin_right(44)
            .x_label_area_size(36)
            .y_label_area_size(100)
            .build_cartesian_2d(x_range, 0.0..top)
            .map_err(draw_error)?;
        let axis_font = ("sans-serif", 16).into_font().color(&MUTED);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_labels(3)
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .axis_style(MUTED)
            .label_style(axis_font.clone())
            .axis_desc_style(axis_font)
            .y_desc("weighted pipeline")
            .x_label_formatter(&|x| start.plus(x.round() as i32).to_string())
            .y_label_formatter(&|y| Money(y.round() as i64).compact())
            .draw()
            .map_err(draw_error)?;
        chart
            .draw_series(
                lines
                    .pipeline
                    .iter()
                    .map(|&(x, y)| Rectangle::new([(x - 0.3, 0.0), (x + 0.3, y)], pipeline_fill())),
            )
            .map_err(draw_error)?;
        Ok(())
    }
}

fn pi95_fill() -> ShapeStyle {
    ForecastPens::PI95.mix(0.35).filled()
}

fn pi80_fill() -> ShapeStyle {
    ForecastPens::PI80.mix(0.3).filled()
}

fn pipeline_fill() -> ShapeStyle {
    ForecastPens::PIPELINE.mix(0.55).filled()
}

/// How the legend shows an entry: a short line, or a filled square.
enum Sample {
    Line(RGBColor),
    Fill(ShapeStyle),
}

/// The legend on one row above the plot, in the screen's order, so it never hides a point:
/// a short line for each line of the chart, a filled square for each band and the bars.
fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
    let font = ("sans-serif", 16)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let entries = [
        ("bookings", Sample::Line(ForecastPens::HISTORY)),
        ("fit", Sample::Line(ForecastPens::FITTED)),
        ("forecast", Sample::Line(ForecastPens::FORECAST)),
        ("80% PI", Sample::Fill(pi80_fill())),
        ("95% PI", Sample::Fill(pi95_fill())),
        (
            "weighted pipeline (own scale, below)",
            Sample::Fill(pipeline_fill()),
        ),
    ];
    let (mut x, y) = (LEGEND_LEFT, 14);
    for (name, sample) in entries {
        match sample {
            Sample::Line(pen) => area.draw(&PathElement::new(
                [(x, y), (x + 24, y)],
                pen.stroke_width(3),
            )),
            Sample::Fill(fill) => area.draw(&Rectangle::new([(x, y - 7), (x + 24, y + 7)], fill)),
        }
        .map_err(draw_error)?;
        area.draw(&Text::new(name, (x + 32, y), font.clone()))
            .map_err(draw_error)?;
        // The SVG has no font metrics: leave room for a wide font (10 px a character at 16 px).
        x += 32 + 10 * name.chars().count() as i32 + 28;
    }
    Ok(())
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
