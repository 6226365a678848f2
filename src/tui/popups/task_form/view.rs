//! The task and absence form: its fields, the focused one marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::popups::task_form::TaskForm;
use crate::tui::widgets::form::{error_line, field_lines};
use crate::tui::widgets::popup::{hints, popup};

/// Draws `form` over `area`.
pub fn draw(app: &App, form: &TaskForm, frame: &mut Frame, area: Rect) {
    let labels = form.labels.iter().copied();
    let mut lines = field_lines(&app.theme, labels, &form.values, form.focus, 14);
    lines.push(Line::default());
    if let Some(error) = &form.error {
        lines.push(error_line(&app.theme, error));
    }
    lines.push(hints(app, Context::TaskForm));
    let height = form.labels.len() as u16 + 7;
    popup(
        app,
        frame,
        area,
        &format!(" {} ", form.heading),
        lines,
        90,
        height,
    );
}
