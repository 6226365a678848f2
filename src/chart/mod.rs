//! Charts out of the terminal: the Forecast and Tiers screens' charts drawn to SVG files (for a
//! slide or an email) by `salesdesk report forecast|tiers --svg FILE` and `:export chart FILE`.
//!
//! Drawn with plotters' SVG backend, which writes text as `<text>` elements and only estimates
//! its width, so no font file or system library is needed. Fed by the same analytics results the
//! screens draw; the file appears only once complete, readable by its owner only.

mod file;
mod forecast_lines;
mod forecast_svg;
mod slots;
mod tiers_svg;

use std::path::Path;

pub use file::write_svg;
pub use forecast_lines::ForecastLines;
pub use forecast_svg::{ForecastChart, ForecastPens};
pub use tiers_svg::{TiersChart, TiersPens};

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, IntoFont, SVGBackend, Text, WHITE};

use crate::export::ExportError;

/// Why a chart could not be made; each message is meant for the manager.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// There is nothing to draw (no bookings, no customers); the text says what is missing.
    #[error("{0}")]
    NoData(String),
    /// The drawing library failed.
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    /// The file could not be written.
    #[error(transparent)]
    File(#[from] ExportError),
}

/// A chart ready to draw: what the Forecast or Tiers screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// One series' history, fit, forecast, bands and weighted pipeline.
    Forecast(Box<ForecastChart>),
    /// Customers per ABC tier and per RFM segment.
    Tiers(TiersChart),
}

impl Chart {
    /// The chart as an SVG document.
    pub fn render(&self) -> Result<String, ChartError> {
        match self {
            Chart::Forecast(chart) => chart.render(),
            Chart::Tiers(chart) => chart.render(),
        }
    }

    /// Draws the chart into the SVG file `path`.
    pub fn write(&self, path: &Path) -> Result<(), ChartError> {
        let svg = self.render()?;
        write_svg(path, &svg)?;
        Ok(())
    }

    /// What the chart is, for messages ("forecast chart").
    pub fn noun(&self) -> &'static str {
        match self {
            Chart::Forecast(_) => "forecast chart",
            Chart::Tiers(_) => "tiers chart",
        }
    }
}

/// The grey of subtitles, axis text and the grid.
const MUTED: plotters::style::RGBColor = plotters::style::RGBColor(0x6B, 0x72, 0x80);

/// A white page of `size` pixels with a title and a grey subtitle line drawn into `svg`; returns
/// the area below them for the chart itself.
fn titled_page<'a>(
    svg: &'a mut String,
    size: (u32, u32),
    title: &str,
    title_size: u32,
    subtitle: &str,
) -> Result<DrawingArea<SVGBackend<'a>, Shift>, ChartError> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let root = root
        .titled(title, ("sans-serif", title_size))
        .map_err(draw_error)?;
    let (line, rest) = root.split_vertically(28);
    line.draw(&Text::new(
        subtitle.to_string(),
        (24, 4),
        ("sans-serif", 17).into_font().color(&MUTED),
    ))
    .map_err(draw_error)?;
    Ok(rest)
}

/// Turns a plotters error into a [`ChartError`].
fn draw_error(error: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(error.to_string())
}

/// The hex colour plotters writes for `colour` in the SVG (`#1F2937`), for finding a series.
pub fn svg_colour(colour: plotters::style::RGBColor) -> String {
    let plotters::style::RGBColor(r, g, b) = colour;
    format!("#{r:02X}{g:02X}{b:02X}")
}
