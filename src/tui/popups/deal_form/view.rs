//! The deal form: amount, expected close and probability, the focused field marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::popups::deal_form::{DealForm, FormField};
use crate::tui::widgets::form::{error_line, field_lines};
use crate::tui::widgets::popup::{hints, popup};

/// Draws `form` over `area`.
pub fn draw(app: &App, form: &DealForm, frame: &mut Frame, area: Rect) {
    let labels = FormField::ALL.iter().map(|f| f.label());
    let mut lines = field_lines(&app.theme, labels, &form.values, form.focus, 15);
    lines.push(Line::from(Span::styled(
        "  empty date: none · empty probability: the stage's default",
        app.theme.muted,
    )));
    lines.push(Line::default());
    if let Some(error) = &form.error {
        lines.push(error_line(&app.theme, error));
    }
    lines.push(hints(app, Context::DealForm));
    popup(
        app,
        frame,
        area,
        &format!(" Edit “{}” ", form.title),
        lines,
        90,
        10,
    );
}
