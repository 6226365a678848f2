//! The Forecast chart's scales and labels: where a month or an amount falls on the cell grid
//! (as ratatui's braille canvas places its dots), the amounts up the side, the months along the
//! bottom and the pipeline strip's title, each whole and never overlapping another.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::analytics::forecast::{MonthlySeries, SeriesForecast};
use crate::domain::Money;
use crate::tui::app::App;

/// Months from 0 (the first of the history) to `end` across a plot.
pub struct XScale {
    /// The last month's position.
    pub end: f64,
}

impl XScale {
    /// The column of `width` where month position `x` is drawn (as the braille grid does).
    pub fn column(&self, x: f64, width: u16) -> u16 {
        let dots = f64::from(width) * 2.0 - 1.0;
        let dot = if self.end > 0.0 {
            (x / self.end * dots).round()
        } else {
            0.0
        };
        ((dot / 2.0).floor() as u16).min(width.saturating_sub(1))
    }

    /// The month position at the middle of `column` of `width`.
    pub fn at(&self, column: u16, width: u16) -> f64 {
        let dots = (f64::from(width) * 2.0 - 1.0).max(1.0);
        (f64::from(column) * 2.0 + 0.5) / dots * self.end
    }
}

/// Cents from `lo` (bottom) to `hi` (top) down a plot.
pub struct YScale {
    /// The amount at the bottom edge.
    pub lo: f64,
    /// The amount at the top edge.
    pub hi: f64,
}

impl YScale {
    /// The amount at the middle of `row` (0 at the top) of `height` rows.
    pub fn at(&self, row: u16, height: u16) -> f64 {
        let dots = (f64::from(height) * 4.0 - 1.0).max(1.0);
        self.hi - (f64::from(row) * 4.0 + 1.5) / dots * (self.hi - self.lo)
    }
}

/// The y labels: rows counted from the top of the main plot, then on into the strip below it
/// (past its title row). The main plot's top, bottom, middle and zero; the strip's top and zero.
pub fn y_labels(y: &YScale, height: u16, pipeline_top: f64, strip_rows: u16) -> Vec<(u16, String)> {
    let money = |cents: f64| Money(cents.round() as i64).compact();
    let mut labels = vec![(0, money(y.hi))];
    if height >= 2 {
        labels.push((height - 1, money(y.lo)));
    }
    if y.lo < 0.0 && height >= 3 {
        let dots = f64::from(height) * 4.0 - 1.0;
        let zero = ((y.hi / (y.hi - y.lo) * dots) / 4.0).floor() as u16;
        if zero > 0 && zero < height - 1 {
            labels.push((zero, "$0".to_string()));
        }
    } else if height >= 8 {
        let middle = height / 2;
        labels.push((middle, money(y.at(middle, height))));
    }
    if pipeline_top > 0.0 {
        labels.push((height + 1, money(pipeline_top)));
        if strip_rows >= 2 {
            labels.push((height + strip_rows, "$0".to_string()));
        }
    }
    labels
}

/// The strip's title, as much of it as `width` holds: what the bars are, that their scale is
/// their own, and the pipeline no month can show (deals without an expected close date).
pub fn strip_title_text(shown: &SeriesForecast, top: f64, width: u16) -> String {
    let undated = |long: bool| match (shown.pipeline_undated != 0, long) {
        (false, _) => String::new(),
        (true, true) => format!(
            " · undated {} (no close date)",
            Money(shown.pipeline_undated).compact()
        ),
        (true, false) => format!(" · undated {}", Money(shown.pipeline_undated).compact()),
    };
    let candidates: Vec<String> = if top <= 0.0 {
        vec![
            format!(
                "No weighted open pipeline expected in these months{}",
                undated(true)
            ),
            format!("No dated pipeline{}", undated(false)),
        ]
    } else {
        vec![
            format!(
                "Weighted open pipeline by expected close month (own scale){}",
                undated(true)
            ),
            format!("Weighted open pipeline (own scale){}", undated(true)),
            format!("Weighted pipeline (own scale){}", undated(false)),
            format!("Weighted pipeline{}", undated(false)),
        ]
    };
    candidates
        .iter()
        .find(|c| c.width() <= usize::from(width))
        .or(candidates.last())
        .cloned()
        .unwrap_or_default()
}

/// The first month, the last month of history (ending under the divider where the forecast
/// starts) and the last month forecast, the middle one left out when it would touch another.
pub fn month_labels(
    app: &App,
    series: &MonthlySeries,
    x: &XScale,
    n: usize,
    buf: &mut Buffer,
    row: Rect,
) {
    let end = x.end as usize;
    let label = |i: usize| series.start.plus(i as i32).to_string();
    let last = label(end);
    let right = row.right().saturating_sub(last.width() as u16);
    let first = label(0);
    let left_end = row.x + first.width() as u16;
    let middle = label(n - 1);
    let width = middle.width() as u16;
    let divider = row.x + x.column((n - 1) as f64 + 0.5, row.width);
    let from = (divider + 1).saturating_sub(width).max(row.x);
    let mut spans = vec![(row.x, first)];
    if n > 1 && from > left_end && from + width < right {
        spans.push((from, middle));
    }
    if end > 0 && right > left_end {
        spans.push((right, last));
    }
    for (at, text) in spans {
        buf.set_string(at, row.y, text, app.theme.muted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_months_map_both_ways() {
        let x = XScale { end: 10.0 };
        assert_eq!(x.column(0.0, 21), 0);
        assert_eq!(x.column(10.0, 21), 20);
        for column in 0..21 {
            assert_eq!(x.column(x.at(column, 21), 21), column);
        }
    }

    #[test]
    fn labels_mark_zero_when_the_scale_goes_below_it() {
        let y = YScale {
            lo: -100.0,
            hi: 300.0,
        };
        let labels = y_labels(&y, 9, 500.0, 2);
        let rows: Vec<u16> = labels.iter().map(|(row, _)| *row).collect();
        assert_eq!(rows, [0, 8, 6, 10, 11]);
        assert_eq!(labels[0].1, "$3");
        assert_eq!(labels[2].1, "$0");
        assert_eq!(labels[3].1, "$5");
    }
}
