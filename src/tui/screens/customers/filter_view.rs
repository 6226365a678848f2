//! The filter editor popup of the customers screen: owner, region and industry.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::screens::customers::FilterField;
use crate::tui::screens::pipeline::popups as board_popups;

/// Draws the editor over `area` with `editing` highlighted.
pub fn draw(app: &App, editing: FilterField, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state = &app.customers;
    let mut lines: Vec<Line> = FilterField::ALL
        .iter()
        .map(|&field| {
            let value = format!("‹ {} ›", state.filter_label(field));
            let (marker, style) = if field == editing {
                ("▶ ", theme.selected)
            } else {
                ("  ", theme.text)
            };
            Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{:<9}", field.title()), theme.header),
                Span::styled(value, style),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(board_popups::hints(app, Context::Filter));
    let popup = layout::centered(area, 60, 10);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(" Filter customers ", theme.accent))
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        popup,
    );
}
