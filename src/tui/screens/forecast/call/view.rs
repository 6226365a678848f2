//! Draws the call view: the headline, the group table beside (or over) the movers, the line of
//! the call with the waterfall and the track record, and the key hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::chart::{self, Styles};
use super::sections::{self, Width};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::text::count;
use crate::worker::{CallSheet, JobKind};

/// Where the parts of the call view go inside the screen's border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The headline lines.
    pub headline: Rect,
    /// The group table (heading row included).
    pub groups: Rect,
    /// The movers, with their heading.
    pub movers: Rect,
    /// The line of the call over the quarter.
    pub chart: Rect,
    /// The waterfall and the track record.
    pub moved: Rect,
    /// The key hints.
    pub hints: Rect,
}

/// Splits the inside of the screen's border for `headline_rows` of headline.
pub fn parts(inner: Rect, headline_rows: u16) -> Parts {
    let wide = inner.width >= 120;
    let bottom = (inner.height * 2 / 5).clamp(6, 14);
    let [headline, middle, lower, hints] = Layout::vertical([
        Constraint::Length(headline_rows),
        Constraint::Min(4),
        Constraint::Length(bottom),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [groups, movers] = if wide {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(middle)
    } else {
        Layout::vertical([Constraint::Min(3), Constraint::Length(4)]).areas(middle)
    };
    let [chart, moved] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .spacing(1)
            .areas(lower);
    Parts {
        headline,
        groups,
        movers,
        chart,
        moved,
        hints,
    }
}

/// The group table's rows on screen in the screen's `area` (border included).
pub fn table_page(area: Rect) -> u16 {
    let inner = Block::bordered().inner(area);
    parts(inner, 2).groups.height.saturating_sub(1)
}

/// Draws the call view into `area` (the screen with its border).
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let call = &app.forecast.call;
    let title = match &call.sheet {
        Some(s) => format!(
            " Forecast · the call for {} as of {} ",
            s.call.period, s.call.as_of
        ),
        None => " Forecast · the call ".to_string(),
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.accent))
        .border_style(app.theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(sheet) = &call.sheet else {
        let text = if app.jobs.is_running(JobKind::Call) {
            "making the call…"
        } else {
            "no call yet"
        };
        frame.render_widget(Paragraph::new(Span::styled(text, app.theme.warning)), inner);
        return;
    };
    let headline = sections::pack(&sections::headline(sheet), usize::from(inner.width));
    let rows = (headline.len() as u16).min(inner.height / 6).max(1);
    let p = parts(inner, rows);
    let lines: Vec<Line> = headline
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let style = if i == 0 {
                app.theme.header
            } else {
                app.theme.text
            };
            Line::styled(l, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), p.headline);
    draw_groups(app, sheet, frame, p.groups);
    draw_movers(app, sheet, frame, p.movers);
    draw_chart(app, sheet, frame, p.chart);
    draw_moved(app, sheet, frame, p.moved);
    draw_hints(app, frame, p.hints);
}

fn draw_groups(app: &App, sheet: &CallSheet, frame: &mut Frame, area: Rect) {
    let width = Width::fitting(area.width);
    let all = sections::groups(sheet);
    let page = usize::from(area.height.saturating_sub(1));
    let skip = usize::from(app.forecast.call.scroll).min(all.len().saturating_sub(page));
    let mut header = width
        .header()
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    if all.len() > page {
        header[0] = format!(
            "{}–{} of {}",
            skip + 1,
            (skip + page).min(all.len()),
            all.len()
        );
    }
    let rows: Vec<Row> = all
        .iter()
        .skip(skip)
        .take(page)
        .map(|g| Row::new(width.cells(g)))
        .collect();
    let mut widths = vec![Constraint::Min(10)];
    widths.extend(header.iter().skip(1).map(|_| Constraint::Length(8)));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(app.theme.header))
        .column_spacing(1)
        .style(app.theme.text);
    frame.render_widget(table, area);
}

fn draw_movers(app: &App, sheet: &CallSheet, frame: &mut Frame, area: Rect) {
    let movers = &sheet.call.movers;
    let mut lines = vec![Line::styled(
        "Deals that move P(hit) most (Enter opens one)",
        app.theme.header,
    )];
    if movers.is_empty() {
        let why = if sheet.call.total.quota.is_none() {
            "none: there is no quota to hit"
        } else {
            "none moves P(hit) by 0.1 points or more"
        };
        lines.push(Line::styled(why, app.theme.muted));
    }
    let page = usize::from(area.height.saturating_sub(1)).max(1);
    let at = app.forecast.call.mover;
    let skip = (at + 1).saturating_sub(page);
    for (i, m) in movers.iter().enumerate().skip(skip).take(page) {
        let title = sheet
            .titles
            .iter()
            .find(|(id, _)| *id == m.id)
            .map_or("(deal gone)", |(_, t)| t.as_str());
        let style = if i == at {
            app.theme.selected
        } else {
            app.theme.text
        };
        lines.push(Line::styled(
            sections::mover_line(m, title, usize::from(area.width)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_chart(app: &App, sheet: &CallSheet, frame: &mut Frame, area: Rect) {
    let [heading, plot] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let n = sheet.history.len();
    let stored = count(n as i64, "stored call");
    let words = if area.width >= 60 {
        format!("The call over the quarter: {stored} (▒ P10–P90, ● P50, ─ quota)")
    } else {
        format!("{stored} ▒P10–90 ●P50 ─quota")
    };
    frame.render_widget(
        Paragraph::new(Line::styled(words, app.theme.header)),
        heading,
    );
    if n == 0 {
        let text = "no call stored yet: the desk stores one each day it is used";
        frame.render_widget(Paragraph::new(Line::styled(text, app.theme.muted)), plot);
        return;
    }
    let styles = Styles {
        band: app.theme.chart_band80,
        median: app.theme.chart_forecast,
        quota: app.theme.warning,
        label: app.theme.muted,
    };
    let quarter = (sheet.call.from, sheet.call.to);
    chart::draw(&sheet.history, quarter, plot, frame.buffer_mut(), styles);
}

fn draw_moved(app: &App, sheet: &CallSheet, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let heading = |text: String| Line::styled(text, app.theme.header);
    let mut lines = Vec::new();
    match &sheet.waterfall {
        Some(w) => {
            lines.push(heading(if width >= 60 {
                format!("What moved since {} (←/→ another day)", w.since)
            } else {
                format!("Moved since {} (←/→)", w.since)
            }));
            lines.extend(
                sections::pack(&sections::waterfall_pieces(w), width)
                    .into_iter()
                    .map(Line::from),
            );
        }
        None => {
            lines.push(heading("What moved".to_string()));
            lines.push(Line::styled(
                "no stored call to compare with yet",
                app.theme.muted,
            ));
        }
    }
    if width >= 60 {
        lines.push(heading("Past calls against what closed".to_string()));
    }
    if sheet.track.is_empty() {
        lines.push(Line::styled(
            "no past quarter has a stored call yet",
            app.theme.muted,
        ));
    }
    for p in sheet.track.iter().rev() {
        lines.extend(
            sections::pack(&sections::track_pieces(p, width >= 60), width)
                .into_iter()
                .map(Line::from),
        );
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let keys = |command| {
        let label = app.keymap.keys_label(Context::ForecastCall, command);
        label.split('/').next().unwrap_or_default().to_string()
    };
    let parts = [
        format!("{} forecast", keys(Command::ToggleCall)),
        format!("{}/{} mover", keys(Command::Down), keys(Command::Up)),
        format!("{} open", keys(Command::OpenRecord)),
        format!(
            "{}/{} since",
            keys(Command::MoveLeft),
            keys(Command::MoveRight)
        ),
        format!(
            "{}/{} table",
            keys(Command::PageDown),
            keys(Command::PageUp)
        ),
        "? help".to_string(),
    ];
    let text = sections::pack(&parts, usize::from(area.width))
        .into_iter()
        .next()
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(format!(" {text}")).style(app.theme.muted),
        area,
    );
}
