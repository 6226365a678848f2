//! The `:history` list: who changed what, from what to what, and when; undone edits are marked.

pub mod keys;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Cell, Clear, Row, Table};

use crate::config::DateFormat;
use crate::tui::app::{App, HistoryView};
use crate::tui::layout;

/// Clears almost all of `area` for a full-screen list and returns that space with its titled
/// border; the history and the import report share it.
pub(crate) fn overlay(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
) -> (Rect, Block<'static>) {
    let rect = layout::centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(title.to_string(), app.theme.accent))
        .border_style(app.theme.border);
    (rect, block)
}

/// Draws the list over `area`.
pub fn draw(app: &App, history: &HistoryView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let (rect, block) = overlay(
        app,
        frame,
        area,
        " Recent changes — u undoes the newest, Esc closes ",
    );
    if history.lines.is_empty() {
        frame.render_widget(
            ratatui::widgets::Paragraph::new("No changes yet.")
                .style(theme.muted)
                .block(block),
            rect,
        );
        return;
    }
    let header = Row::new(["When", "Who", "Deal", "Field", "Old", "New", ""]).style(theme.header);
    let rows = history
        .lines
        .iter()
        .skip(usize::from(history.scroll))
        .map(|h| {
            let style = if h.undone { theme.muted } else { theme.text };
            Row::new([
                Cell::from(when(&h.at, &app.config.display.date_format)),
                Cell::from(h.actor.clone()),
                Cell::from(h.what.clone()),
                Cell::from(h.field.clone()),
                Cell::from(h.old.clone().unwrap_or_else(|| "—".into())),
                Cell::from(h.new.clone().unwrap_or_else(|| "—".into())),
                Cell::from(if h.undone { "undone" } else { "" }),
            ])
            .style(style)
        });
    let widths = [
        Constraint::Length(19),
        Constraint::Length(10),
        Constraint::Min(16),
        Constraint::Length(17),
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(6),
    ];
    frame.render_widget(Table::new(rows, widths).header(header).block(block), rect);
}

/// When an edit was made, its day in the configured date format and the time as stored.
fn when(at: &str, dates: &DateFormat) -> String {
    let day = at.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
    match (day, at.get(10..)) {
        (Some(day), Some(time)) => format!("{}{time}", dates.show(day)),
        _ => at.to_string(),
    }
}
