//! The command palette's completions, in a box just above the command line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;

/// Completions shown at once; Tab walks through the rest.
const SHOWN: u16 = 8;

/// Draws the completions above `status`, the command line's row, inside `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, status: Rect) {
    let suggestions = &app.palette.suggestions;
    if suggestions.is_empty() {
        return;
    }
    let rows = u16::try_from(suggestions.len())
        .unwrap_or(u16::MAX)
        .min(SHOWN);
    let height = (rows + 2).min(status.y.saturating_sub(area.y));
    let width = area.width.min(100);
    let box_area = Rect::new(area.x, status.y.saturating_sub(height), width, height);
    let widest = suggestions
        .iter()
        .map(|s| s.line.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(width) / 2);
    let items: Vec<ListItem> = suggestions
        .iter()
        .map(|s| {
            ListItem::new(Line::from(vec![
                Span::styled(format!(" {:<widest$}  ", s.line), app.theme.accent),
                Span::styled(s.help.clone(), app.theme.muted),
            ]))
        })
        .collect();
    let title = format!(
        " {} completion{} · Tab next · Shift-Tab previous · ↑↓ history ",
        suggestions.len(),
        if suggestions.len() == 1 { "" } else { "s" }
    );
    let list = List::new(items)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(app.theme.border)
                .title(Span::styled(title, app.theme.header)),
        )
        .highlight_style(app.theme.selected);
    let mut state = ListState::default().with_selected(app.palette.chosen);
    frame.render_widget(Clear, box_area);
    frame.render_stateful_widget(list, box_area, &mut state);
}
