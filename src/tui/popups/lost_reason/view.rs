//! The lost-reason picker: the reasons, the chosen one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::LOST_REASONS;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::text::fit;

/// Inner width of the picker, in cells.
const WIDTH: usize = 44;

/// Draws the picker for the deal named `deal` over `area` with the reason at `at` highlighted.
pub fn draw(app: &App, deal: &str, at: usize, frame: &mut Frame, area: Rect) {
    let mut lines = vec![
        Line::from(Span::styled(
            fit(&format!(" {deal}"), WIDTH - 2),
            app.theme.header,
        )),
        Line::default(),
    ];
    lines.extend(LOST_REASONS.iter().enumerate().map(|(i, reason)| {
        let style = if i == at {
            app.theme.selected
        } else {
            app.theme.text
        };
        Line::from(Span::styled(format!(" {reason} "), style))
    }));
    lines.push(Line::default());
    lines.push(hints(app, Context::LostReason));
    popup(
        app,
        frame,
        area,
        " Why was it lost? ",
        lines,
        WIDTH as u16,
        13,
    );
}
