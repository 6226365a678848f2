//! The filter editor's box: one line per field with its value, the field being edited marked.
//! The board, the customers screen and the tasks screen each pass their fields and values.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::popup::{hints, popup};

/// Draws the editor titled `title` over `area`: `fields` are (name, value) pairs, the one at
/// `editing` highlighted, names padded to `label_width`.
pub fn draw(
    app: &App,
    title: &str,
    fields: &[(&str, String)],
    editing: usize,
    label_width: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &app.theme;
    let mut lines: Vec<Line> = fields
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let (marker, style) = if i == editing {
                ("▶ ", theme.selected)
            } else {
                ("  ", theme.text)
            };
            Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{name:<label_width$}"), theme.header),
                Span::styled(format!("‹ {value} ›"), style),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(hints(app, Context::Filter));
    popup(app, frame, area, title, lines, 60, 10);
}
