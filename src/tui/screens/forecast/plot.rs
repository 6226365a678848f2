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
use crate::tui::app::App;
use crate::tui::screens::forecast::axes::{
    XScale, YScale, month_labels, strip_title_text, y_labels,
};

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
    if top <= 0.0 || strip.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_follows_the_polyline_and_holds_its_ends() {
        let points = [(1.0, 10.0), (2.0, 30.0), (4.0, 10.0)];
        assert_eq!(interpolate(&points, 0.0), 10.0);
        assert_eq!(interpolate(&points, 1.5), 20.0);
        assert_eq!(interpolate(&points, 3.0), 20.0);
        assert_eq!(interpolate(&points, 9.0), 10.0);
    }
}
