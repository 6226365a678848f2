//! The box every popup draws in, and the line of key hints under a popup's content.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout;

/// One line of key hints for a context, from the key map.
pub fn hints(app: &App, context: Context) -> Line<'static> {
    let text = app
        .keymap
        .bindings_in(context)
        .filter(|b| b.command != Command::Quit)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            format!("{} {}", keys.join("/"), b.help)
        })
        .collect::<Vec<_>>()
        .join(" · ");
    Line::from(Span::styled(text, app.theme.muted))
}

/// Draws `lines` in a bordered box of `width` × `height` centred in `area`, over what is there.
pub fn popup(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    width: u16,
    height: u16,
) {
    let rect = layout::centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(title.to_string(), app.theme.accent))
        .border_style(app.theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        rect,
    );
}
