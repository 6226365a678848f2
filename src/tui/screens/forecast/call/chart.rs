//! How the call moved over the quarter: a column at each stored day along the quarter, the 80% band (P10 to P90)
//! shaded, the median marked, the quota as a rule. Drawn cell by cell, so the band fills exactly
//! the rows between its edges.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::analytics::commit::CallPoint;
use crate::domain::Money;
use crate::tui::screens::forecast::plot::BAND80;

/// The glyph of the median.
pub const MEDIAN: &str = "●";
/// The glyph of the quota's rule.
pub const QUOTA: &str = "─";

/// The styles of the chart's parts.
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    /// The band.
    pub band: Style,
    /// The median.
    pub median: Style,
    /// The quota's rule.
    pub quota: Style,
    /// The axis labels.
    pub label: Style,
}

/// Draws `points` (oldest first, at least one) of the quarter `from`–`to` into `area` of `buf`:
/// the top and bottom amounts on the left, the quarter's first and last day under the plot.
pub fn draw(
    points: &[CallPoint],
    (from, to): (NaiveDate, NaiveDate),
    area: Rect,
    buf: &mut Buffer,
    styles: Styles,
) {
    let quota = points.iter().rev().find_map(|p| p.quota_cents);
    let lo = points
        .iter()
        .map(|p| p.p10_cents)
        .chain(quota)
        .min()
        .unwrap_or(0);
    let hi = points
        .iter()
        .map(|p| p.p90_cents)
        .chain(quota)
        .max()
        .unwrap_or(0)
        .max(lo + 1);
    let top = Money(hi).compact();
    let bottom = Money(lo).compact();
    let gutter = (top.width().max(bottom.width()) + 1) as u16;
    if area.width <= gutter + 1 || area.height < 3 {
        return;
    }
    let plot = Rect::new(
        area.x + gutter,
        area.y,
        area.width - gutter,
        area.height - 1,
    );
    buf.set_string(area.x, plot.y, &top, styles.label);
    buf.set_string(area.x, plot.bottom() - 1, &bottom, styles.label);
    let rows = i64::from(plot.height);
    let row_of = |cents: i64| -> u16 {
        let up = ((cents - lo) as f64 / (hi - lo) as f64 * (rows - 1) as f64).round() as i64;
        plot.bottom() - 1 - up.clamp(0, rows - 1) as u16
    };
    if let Some(q) = quota {
        let y = row_of(q);
        for x in plot.left()..plot.right() {
            buf.set_string(x, y, QUOTA, styles.quota);
        }
    }
    let days = (to - from).num_days().max(1);
    for p in points {
        let into = (p.taken_on - from).num_days().clamp(0, days);
        let x = plot.x + (into * i64::from(plot.width - 1) / days) as u16;
        for y in row_of(p.p90_cents)..=row_of(p.p10_cents) {
            buf.set_string(x, y, BAND80, styles.band);
        }
        buf.set_string(x, row_of(p.p50_cents), MEDIAN, styles.median);
    }
    let first = from.format("%m-%d").to_string();
    let last = to.format("%m-%d").to_string();
    buf.set_string(plot.x, area.bottom() - 1, &first, styles.label);
    if plot.width as usize > first.width() + last.width() {
        let x = plot.right() - last.width() as u16;
        buf.set_string(x, area.bottom() - 1, &last, styles.label);
    }
}
