//! The Tiers screen's charts as SVG: customers per ABC tier of value and per RFM segment as two
//! bar charts side by side, each bar labelled with its count and its share of value V.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::slots::Slots;
use super::{ChartError, MUTED, draw_error, titled_page};
use crate::analytics::value::{GroupSummary, TiersReport, retention_and_lifetime};

/// Width and height in pixels.
const SIZE: (u32, u32) = (1280, 640);

/// The colours of the two bar charts, public so tests can find each chart's bars in the SVG.
pub struct TiersPens;

impl TiersPens {
    /// The ABC tier bars.
    pub const ABC: RGBColor = RGBColor(0x25, 0x63, 0xEB);
    /// The RFM segment bars.
    pub const RFM: RGBColor = RGBColor(0x0D, 0x94, 0x88);
}

const GRID: RGBColor = RGBColor(0xE5, 0xE7, 0xEB);

/// The tier and segment summaries as the Tiers screen shows them, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct TiersChart {
    /// The as-of date.
    pub as_of: String,
    /// Observed yearly retention, if known.
    pub retention: Option<f64>,
    /// Expected lifetime L in years.
    pub lifetime_years: f64,
    /// A, B, C.
    pub tiers: Vec<GroupSummary>,
    /// The RFM segments, then the customers with no purchase.
    pub segments: Vec<GroupSummary>,
}

impl TiersChart {
    /// The charts of `report`; a book without customers has none.
    pub fn new(report: &TiersReport) -> Result<TiersChart, ChartError> {
        if report.customers.is_empty() {
            return Err(ChartError::NoData(
                "there are no customers, so there are no tiers to chart".into(),
            ));
        }
        Ok(TiersChart {
            as_of: report.as_of.clone(),
            retention: report.retention,
            lifetime_years: report.lifetime_years,
            tiers: report.tiers.clone(),
            segments: report.segments.clone(),
        })
    }

    /// The heading, as on the screen: date, retention and lifetime.
    pub fn title(&self) -> String {
        format!(
            "Customer tiers as of {} · {}",
            self.as_of,
            retention_and_lifetime(self.retention, self.lifetime_years, false)
        )
    }

    /// The chart as an SVG document.
    pub fn render(&self) -> Result<String, ChartError> {
        let mut svg = String::new();
        {
            let body = titled_page(
                &mut svg,
                SIZE,
                &self.title(),
                28,
                "bars: customers per group · above each bar: customers and their share of value V = R × P × L",
            )?;
            let abc_width = body.dim_in_pixel().0 * 2 / 5;
            let (abc, rfm) = body.split_horizontally(abc_width);
            draw_groups(&abc, "ABC tiers by value", &self.tiers, TiersPens::ABC)?;
            draw_groups(&rfm, "RFM segments", &self.segments, TiersPens::RFM)?;
            body.present().map_err(draw_error)?;
        }
        Ok(svg)
    }
}

/// One bar chart: a bar of customers per group, its name below, count and value share above.
fn draw_groups<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    groups: &[GroupSummary],
    colour: RGBColor,
) -> Result<(), ChartError> {
    let most = groups.iter().map(|g| g.customers).max().unwrap_or(0).max(1) as i64;
    // Room above the tallest bar for its two labels.
    let top = most + (most / 4).max(1);
    let positions: Vec<f64> = (0..groups.len()).map(|i| i as f64).collect();
    let x_range = Slots::new(groups.len(), positions);
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", 22))
        .margin(20)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d(x_range, 0i64..top)
        .map_err(draw_error)?;
    let axis_font = ("sans-serif", 16).into_font().color(&MUTED);
    let name = |x: &f64| {
        groups
            .get(x.round() as usize)
            .map(|g| g.name.clone())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID)
        .light_line_style(WHITE)
        .axis_style(MUTED)
        .label_style(axis_font.clone())
        .axis_desc_style(axis_font)
        .y_desc("customers")
        .x_label_formatter(&name)
        .draw()
        .map_err(draw_error)?;
    chart
        .draw_series(groups.iter().enumerate().map(|(i, g)| {
            let x = i as f64;
            Rectangle::new(
                [(x - 0.35, 0), (x + 0.35, g.customers as i64)],
                colour.filled(),
            )
        }))
        .map_err(draw_error)?;
    let above = Pos::new(HPos::Center, VPos::Bottom);
    let count_font = ("sans-serif", 18).into_font().color(&BLACK).pos(above);
    let share_font = ("sans-serif", 15).into_font().color(&MUTED).pos(above);
    chart
        .draw_series(groups.iter().enumerate().map(|(i, g)| {
            EmptyElement::at((i as f64, g.customers as i64))
                + Text::new(g.customers.to_string(), (0, -24), count_font.clone())
                + Text::new(
                    format!("{:.1}% of V", g.value_share * 100.0),
                    (0, -6),
                    share_font.clone(),
                )
        }))
        .map_err(draw_error)?;
    Ok(())
}
