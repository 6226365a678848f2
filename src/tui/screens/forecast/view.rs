//! The Forecast screen: a legend, the chart (history, fit, forecast with its 80% and 95% bands,
//! and the weighted pipeline on its own scale) beside the side table (how sure, every month of
//! the horizon with its intervals, the model), the key hints, and the group picker when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::screens::forecast::table::{self, Columns, Role};
use crate::tui::screens::forecast::{ForecastState, picker_view, plot};

/// Where the parts of the Forecast screen go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The legend rows, over the chart and the table.
    pub legend: Rect,
    /// The chart.
    pub chart: Rect,
    /// The side table with its border.
    pub table: Rect,
    /// The key hints.
    pub hints: Rect,
    /// The month table's columns that fit.
    pub columns: Columns,
}

/// Splits the screen's `area` (border included): the widest month table that leaves the chart
/// at least 55% of the width, the legend packed into as few rows as the width allows.
pub fn parts(area: Rect) -> Parts {
    let inner = Block::bordered().inner(area);
    let legend_rows = legend_rows(inner.width).len() as u16;
    let [legend, main, hints] = Layout::vertical([
        Constraint::Length(legend_rows),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    let columns = Columns::ALL
        .into_iter()
        .rev()
        .find(|c| u32::from(c.width() + 2) * 100 <= u32::from(inner.width) * 45)
        .unwrap_or(Columns::Narrow);
    let [chart, table] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(columns.width() + 2)])
            .areas(main);
    Parts {
        legend,
        chart,
        table,
        hints,
        columns,
    }
}

/// Rows of the side table that show at once, given the screen's `area`.
pub fn table_page(area: Rect) -> u16 {
    Block::bordered().inner(parts(area).table).height
}

/// The farthest the side table of `state` scrolls in the screen's `area`.
pub fn table_max_scroll(state: &ForecastState, area: Rect) -> u16 {
    let p = parts(area);
    let rows = state
        .shown()
        .map_or(0, |shown| table::rows(shown, p.columns).len());
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_sub(table_page(area))
}

/// Draws the Forecast screen into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let state = &app.forecast;
    if state.call.shown {
        super::call::view::draw(app, frame, area);
        return;
    }
    let title = match state.shown() {
        Some(shown) => format!(
            " Forecast · {} · {} ({} of {}) · {} months ahead ",
            state.breakdown,
            shown.name,
            state.selected + 1,
            state.groups().len(),
            state.horizon
        ),
        None => format!(" Forecast · {} ", state.breakdown),
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.accent))
        .border_style(app.theme.border);
    frame.render_widget(block, area);
    let p = parts(area);
    draw_legend(app, frame, p.legend);
    match state.shown() {
        Some(shown) => {
            match (&shown.series, &shown.model) {
                (Some(series), Ok(model)) => plot::draw(app, shown, series, model, frame, p.chart),
                (_, model) => {
                    let why = model
                        .as_ref()
                        .err()
                        .map_or_else(|| "no bookings".to_string(), ToString::to_string);
                    draw_message(
                        app,
                        &format!("{}: {why}. Nothing to forecast yet.", shown.name),
                        frame,
                        p.chart,
                    )
                }
            }
            draw_table(app, frame, &p, area);
        }
        None if app.jobs.is_running(crate::worker::JobKind::Forecast) => {
            draw_message(app, "fitting forecasts…", frame, p.chart);
        }
        None if state.set.is_some() => {
            draw_message(
                app,
                &format!("no {} to forecast", state.breakdown),
                frame,
                p.chart,
            );
        }
        None => draw_message(app, "no forecast yet", frame, p.chart),
    }
    draw_hints(app, frame, p.hints);
    if state.picker.is_some() {
        picker_view::draw(app, frame, area);
    }
}

fn draw_message(app: &App, text: &str, frame: &mut Frame, area: Rect) {
    let paragraph = Paragraph::new(Line::from(Span::styled(
        text.to_string(),
        app.theme.warning,
    )))
    .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area.inner(Margin::new(2, 1)));
}

/// The side table, scrolled; the bottom border says when there is more above or below.
fn draw_table(app: &App, frame: &mut Frame, p: &Parts, area: Rect) {
    let Some(shown) = app.forecast.shown() else {
        return;
    };
    let theme = &app.theme;
    let rows = table::rows(shown, p.columns);
    let scroll = app
        .forecast
        .table_scroll
        .min(table_max_scroll(&app.forecast, area));
    let page = table_page(area);
    let below = rows
        .len()
        .saturating_sub(usize::from(scroll) + usize::from(page));
    let mut block = Block::bordered()
        .title(Span::styled(" By month · how sure ", theme.accent))
        .border_style(theme.border);
    let more = match (scroll > 0, below > 0) {
        (false, false) => None,
        (true, false) => Some(" ↑ PgUp ".to_string()),
        (false, true) => Some(format!(" ↓ PgDn: {below} more ")),
        (true, true) => Some(format!(" ↑ PgUp · ↓ PgDn: {below} more ")),
    };
    if let Some(more) = more {
        block = block.title_bottom(Span::styled(more, theme.muted));
    }
    let style = |role: Role| match role {
        Role::Text => theme.text,
        Role::Header => theme.header,
        Role::Warning => theme.warning,
        Role::Muted => theme.muted,
    };
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(usize::from(scroll))
        .map(|row| Line::from(Span::styled(row.text, style(row.role))))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), p.table);
}

/// The legend's entries: a sample of each line, band and bar, and its words.
const LEGEND: [(&str, &str); 6] = [
    ("⠤⠤", "bookings"),
    ("••", "fit"),
    ("⠤⠤", "forecast"),
    (plot::BAND80, "80% interval"),
    (plot::BAND95, "95% interval"),
    ("▂█", "weighted pipeline, own scale"),
];

/// The style of each legend entry's sample, from the theme.
fn legend_styles(app: &App) -> [Style; 6] {
    let t = &app.theme;
    [
        t.chart_history,
        t.chart_fit,
        t.chart_forecast,
        t.chart_band80,
        t.chart_band95,
        t.chart_pipeline,
    ]
}

/// The legend's entries (by position) packed into rows of at most `width` cells.
fn legend_rows(width: u16) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (i, (sample, name)) in LEGEND.into_iter().enumerate() {
        let w = sample.width() + name.width() + 3;
        if used + w > usize::from(width) && used > 0 {
            rows.push(Vec::new());
            used = 0;
        }
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
        used += w;
    }
    rows
}

fn draw_legend(app: &App, frame: &mut Frame, area: Rect) {
    let styles = legend_styles(app);
    let lines: Vec<Line> = legend_rows(area.width)
        .into_iter()
        .map(|row| {
            Line::from(
                row.into_iter()
                    .flat_map(|i| {
                        let ((sample, name), style) = (LEGEND[i], styles[i]);
                        [
                            Span::raw(" "),
                            Span::styled(sample, style),
                            Span::raw(format!(" {name} ")),
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The key hints and the horizon, from the key table; the least needed drop first when the
/// line is too narrow.
fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let keys = |command| {
        let label = app.keymap.keys_label(Context::Forecast, command);
        label.split('/').next().unwrap_or_default().to_string()
    };
    let parts = [
        format!("{} pick a group", keys(Command::PickGroup)),
        format!("{} the call", keys(Command::ToggleCall)),
        format!("{} breakdown", keys(Command::CycleBreakdown)),
        format!(
            "{}/{} horizon: {} months",
            keys(Command::LongerHorizon),
            keys(Command::ShorterHorizon),
            app.forecast.horizon
        ),
        format!("{}/{} group", keys(Command::Down), keys(Command::Up)),
        format!(
            "{}/{} table",
            keys(Command::PageDown),
            keys(Command::PageUp)
        ),
        "? help".to_string(),
    ];
    let mut text = String::new();
    for part in parts {
        let next = if text.is_empty() {
            format!(" {part}")
        } else {
            format!("{text} · {part}")
        };
        if next.width() > usize::from(area.width) {
            break;
        }
        text = next;
    }
    frame.render_widget(Paragraph::new(text).style(app.theme.muted), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_packs_into_rows_that_fit() {
        assert_eq!(legend_rows(200).len(), 1);
        let narrow = legend_rows(78);
        assert_eq!(narrow.len(), 2);
        assert_eq!(narrow.concat(), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn the_table_widens_with_the_screen_and_the_chart_keeps_most_of_it() {
        for (width, columns) in [
            (80, Columns::Narrow),
            (120, Columns::Medium),
            (200, Columns::Wide),
        ] {
            let p = parts(Rect::new(0, 0, width, 30));
            assert_eq!(p.columns, columns, "at {width}");
            assert!(p.chart.width > p.table.width, "at {width}");
        }
    }
}
