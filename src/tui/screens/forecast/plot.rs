//! The Forecast screen's chart. The main plot holds the bookings history, the fit, the forecast
//! and its 80% (▒) and 95% (░) bands on a scale set by those alone; under it, on the same months
//! but its own scale, a strip of the weighted open pipeline, so a large pipeline month never
//! flattens the history. The axes are laid out here, so every label is a whole amount and the
//! bands fill exactly the cells between their edges.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Chart, Dataset, GraphType, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::analytics::forecast::{FittedSeries, MonthlySeries, SeriesForecast};
use crate::chart::ForecastLines;
use crate::domain::Money;
use crate::tui::app::App;

/// The glyphs of the bands and the pipeline bars; the legend shows the same.
pub const BAND80: &str = "▒";
/// The 95% band's glyph, lighter than the 80% band's.
pub const BAND95: &str = "░";
/// Eighths of a cell, for the pipeline bars.
const EIGHTHS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// Draws the chart of `shown` into `area`.
pub fn draw(
    app: &App,
    shown: &SeriesForecast,
    series: &MonthlySeries,
    model: &FittedSeries,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = ForecastLines::new(series, model, &shown.pipeline);
    let pipeline_top = lines.pipeline.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    // Without a dated pipeline month the strip is only its title, which says so.
    let strip_rows = if pipeline_top > 0.0 {
        strip_rows(area.height)
    } else {
        0
    };
    let [main, strip_title, strip, x_labels] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(strip_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let n = series.values.len();
    let x = XScale {
        end: (n - 1 + model.forecast.len()) as f64,
    };
    let [y_lo, y_hi] = lines.value_bounds();
    let y = YScale { lo: y_lo, hi: y_hi };
    let labels = y_labels(&y, main.height, pipeline_top, strip_rows);
    let label_width = labels
        .iter()
        .map(|(_, text)| text.width() as u16)
        .max()
        .unwrap_or(0)
        + 1;
    let split = |rect: Rect| {
        let [left, right] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(1)]).areas(rect);
        (left, right)
    };
    let (main_labels, main_plot) = split(main);
    let (_, strip_plot) = split(strip);
    draw_lines(app, &lines, &x, &y, frame, main_plot);
    let buf = frame.buffer_mut();
    fill_bands(app, &lines, &x, &y, buf, main_plot, n);
    draw_bars(app, &lines, &x, pipeline_top, buf, strip_plot);
    for (row, text) in labels {
        let (rect, row) = if row < main.height {
            (main_labels, row)
        } else {
            (split(strip).0, row - main.height - 1)
        };
        let at = Rect::new(rect.x, rect.y + row, rect.width.saturating_sub(1), 1);
        Paragraph::new(text)
            .alignment(ratatui::layout::Alignment::Right)
            .style(app.theme.muted)
            .render_into(buf, at);
    }
    let title = strip_title_text(shown, pipeline_top, strip_title.width);
    Paragraph::new(Span::styled(title, app.theme.chart_pipeline)).render_into(buf, strip_title);
    month_labels(
        app,
        series,
        &x,
        n,
        buf,
        Rect {
            x: main_plot.x,
            width: main_plot.width,
            ..x_labels
        },
    );
}

/// Rows of the pipeline strip for a chart `height` rows tall.
fn strip_rows(height: u16) -> u16 {
    match height {
        0..=11 => 1,
        12..=19 => 2,
        20..=31 => 3,
        _ => 4,
    }
}

/// Renders a widget straight into a buffer (the frame's buffer is already borrowed).
trait RenderInto {
    fn render_into(self, buf: &mut Buffer, area: Rect);
}

impl RenderInto for Paragraph<'_> {
    fn render_into(self, buf: &mut Buffer, area: Rect) {
        ratatui::widgets::Widget::render(self, area, buf);
    }
}

/// Months from 0 (the first of the history) to `end` across a plot.
struct XScale {
    end: f64,
}

impl XScale {
    /// The column of `width` where month position `x` is drawn (as the braille grid does).
    fn column(&self, x: f64, width: u16) -> u16 {
        let dots = f64::from(width) * 2.0 - 1.0;
        let dot = if self.end > 0.0 {
            (x / self.end * dots).round()
        } else {
            0.0
        };
        ((dot / 2.0).floor() as u16).min(width.saturating_sub(1))
    }

    /// The month position at the middle of `column` of `width`.
    fn at(&self, column: u16, width: u16) -> f64 {
        let dots = (f64::from(width) * 2.0 - 1.0).max(1.0);
        (f64::from(column) * 2.0 + 0.5) / dots * self.end
    }
}

/// Cents from `lo` (bottom) to `hi` (top) down a plot.
struct YScale {
    lo: f64,
    hi: f64,
}

impl YScale {
    /// The amount at the middle of `row` (0 at the top) of `height` rows.
    fn at(&self, row: u16, height: u16) -> f64 {
        let dots = (f64::from(height) * 4.0 - 1.0).max(1.0);
        self.hi - (f64::from(row) * 4.0 + 1.5) / dots * (self.hi - self.lo)
    }
}

/// The history, the fit and the forecast as lines; the bands are filled in afterwards.
fn draw_lines(
    app: &App,
    lines: &ForecastLines,
    x: &XScale,
    y: &YScale,
    frame: &mut Frame,
    plot: Rect,
) {
    let theme = &app.theme;
    let line = |data, style: Style, marker| {
        Dataset::default()
            .data(data)
            .graph_type(GraphType::Line)
            .marker(marker)
            .style(style)
    };
    let datasets = vec![
        line(&lines.fitted[..], theme.chart_fit, Marker::Dot),
        line(&lines.history[..], theme.chart_history, Marker::Braille),
        line(&lines.mean[..], theme.chart_forecast, Marker::Braille),
    ];
    let chart = Chart::new(datasets)
        .x_axis(ratatui::widgets::Axis::default().bounds([0.0, x.end]))
        .y_axis(ratatui::widgets::Axis::default().bounds([y.lo, y.hi]))
        .legend_position(None);
    frame.render_widget(chart, plot);
}

/// Fills the empty cells between the band edges: ▒ inside the 80% interval, ░ in the rest of
/// the 95% interval; a dotted column marks where the forecast starts.
fn fill_bands(
    app: &App,
    lines: &ForecastLines,
    x: &XScale,
    y: &YScale,
    buf: &mut Buffer,
    plot: Rect,
    n: usize,
) {
    let start = (n - 1) as f64;
    let divider = x.column(start + 0.5, plot.width);
    for column in 0..plot.width {
        let at = x.at(column, plot.width);
        let band = |edges: &[Vec<(f64, f64)>; 2]| {
            (at >= start).then(|| [interpolate(&edges[0], at), interpolate(&edges[1], at)])
        };
        let (b80, b95) = (band(&lines.pi80), band(&lines.pi95));
        for row in 0..plot.height {
            let value = y.at(row, plot.height);
            let cell = &mut buf[(plot.x + column, plot.y + row)];
            if cell.symbol() != " " {
                continue;
            }
            let inside = |b: Option<[f64; 2]>| b.is_some_and(|[lo, hi]| lo <= value && value <= hi);
            if inside(b80) {
                cell.set_symbol(BAND80).set_style(app.theme.chart_band80);
            } else if inside(b95) {
                cell.set_symbol(BAND95).set_style(app.theme.chart_band95);
            } else if column == divider {
                cell.set_symbol("┊").set_style(app.theme.muted);
            }
        }
    }
}

/// The value of the polyline `points` (sorted by x) at `at`.
fn interpolate(points: &[(f64, f64)], at: f64) -> f64 {
    let Some(&(first_x, first_y)) = points.first() else {
        return 0.0;
    };
    if at <= first_x {
        return first_y;
    }
    for pair in points.windows(2) {
        let [(x0, y0), (x1, y1)] = [pair[0], pair[1]];
        if at <= x1 {
            let t = if x1 > x0 { (at - x0) / (x1 - x0) } else { 0.0 };
            return y0 + t * (y1 - y0);
        }
    }
    points.last().map_or(0.0, |p| p.1)
}

/// The weighted pipeline of each forecast month as a bar on the strip's own scale.
fn draw_bars(
    app: &App,
    lines: &ForecastLines,
    x: &XScale,
    top: f64,
    buf: &mut Buffer,
    strip: Rect,
) {
    if top <= 0.0 || strip.height == 0 {
        return;
    }
    let mut heights = vec![0u32; usize::from(strip.width)];
    let full = u32::from(strip.height) * 8;
    for &(month, value) in &lines.pipeline {
        let column = usize::from(x.column(month, strip.width));
        let eighths = ((value / top * f64::from(full)).round() as u32).clamp(1, full);
        heights[column] = heights[column].max(eighths);
    }
    for (column, eighths) in heights.into_iter().enumerate() {
        for level in 0..strip.height {
            let filled = eighths.saturating_sub(u32::from(level) * 8).min(8);
            if filled == 0 {
                break;
            }
            let cell = &mut buf[(strip.x + column as u16, strip.bottom() - 1 - level)];
            cell.set_symbol(EIGHTHS[filled as usize - 1])
                .set_style(app.theme.chart_pipeline);
        }
    }
}

/// The y labels: rows counted from the top of the main plot, then on into the strip below it
/// (past its title row). The main plot's top, bottom, middle and zero; the strip's top and zero.
fn y_labels(y: &YScale, height: u16, pipeline_top: f64, strip_rows: u16) -> Vec<(u16, String)> {
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
fn strip_title_text(shown: &SeriesForecast, top: f64, width: u16) -> String {
    let undated = Money(shown.pipeline_undated).compact();
    let has_undated = shown.pipeline_undated != 0;
    let candidates: Vec<String> = if top <= 0.0 {
        vec![
            format!(
                "No weighted open pipeline expected in these months{}",
                if has_undated {
                    format!("; {undated} has no close date")
                } else {
                    String::new()
                }
            ),
            format!(
                "No dated pipeline{}",
                if has_undated {
                    format!("; undated {undated}")
                } else {
                    String::new()
                }
            ),
        ]
    } else {
        let tail = |long: bool| match (has_undated, long) {
            (false, _) => String::new(),
            (true, true) => format!(" · {undated} has no close date"),
            (true, false) => format!(" · undated {undated}"),
        };
        vec![
            format!(
                "Weighted open pipeline by expected close month (own scale){}",
                tail(true)
            ),
            format!("Weighted open pipeline (own scale){}", tail(true)),
            format!("Weighted pipeline (own scale){}", tail(false)),
            format!("Weighted pipeline{}", tail(false)),
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
fn month_labels(
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
    fn interpolation_follows_the_polyline_and_holds_its_ends() {
        let points = [(1.0, 10.0), (2.0, 30.0), (4.0, 10.0)];
        assert_eq!(interpolate(&points, 0.0), 10.0);
        assert_eq!(interpolate(&points, 1.5), 20.0);
        assert_eq!(interpolate(&points, 3.0), 20.0);
        assert_eq!(interpolate(&points, 9.0), 10.0);
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
