//! The help overlay, written from the key map itself so it always tells what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout;

/// Draws the help over `area`, scrolled down `scroll` lines.
pub fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for context in Context::ALL {
        lines.push(Line::from(Span::styled(context.title(), theme.header)));
        for binding in app.keymap.bindings_in(context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), theme.accent),
                Span::raw(binding.help),
            ]));
        }
        lines.push(Line::default());
    }
    let popup = layout::centered(area, 72, area.height.saturating_sub(2));
    let visible = popup.height.saturating_sub(2);
    let max_scroll = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(visible);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(
            " Keys — Esc closes, j/k scroll ",
            theme.accent,
        ))
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}
