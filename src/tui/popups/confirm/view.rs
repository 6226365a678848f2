//! The yes/no question: the question and its keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::popup::{hints, popup};

/// Draws `question` over `area`.
pub fn draw(app: &App, question: &str, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::from(question.to_string()),
        Line::default(),
        hints(app, Context::Confirm),
    ];
    popup(app, frame, area, " Are you sure? ", lines, 60, 7);
}
