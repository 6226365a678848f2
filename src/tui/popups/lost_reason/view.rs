//! The lost-reason picker: the reasons, the chosen one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::LOST_REASONS;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::popup::{hints, popup};

/// Draws the picker over `area` with the reason at `at` highlighted.
pub fn draw(app: &App, at: usize, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = LOST_REASONS
        .iter()
        .enumerate()
        .map(|(i, reason)| {
            let style = if i == at {
                app.theme.selected
            } else {
                app.theme.text
            };
            Line::from(Span::styled(format!(" {reason} "), style))
        })
        .collect();
    lines.push(Line::default());
    lines.push(hints(app, Context::LostReason));
    popup(app, frame, area, " Why was it lost? ", lines, 44, 11);
}
