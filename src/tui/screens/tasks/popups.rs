//! The popups of the tasks screen, drawn over it: the plan, the rep picker, the task and absence
//! form, the plans against results, or the filter editor, whichever is open.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::popups::{filter, plan, rep_picker, task_form};
use crate::tui::screens::tasks::filter::filter_value_label;
use crate::tui::screens::tasks::{TaskFilterField, results};

/// Draws whichever popup is open over `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    if let Some(view) = &t.plan {
        plan::view::draw(app, view, frame, area);
    } else if let Some(view) = &t.results {
        results::draw(app, view, frame, area);
    } else if t.picker.is_some() {
        rep_picker::view::draw(app, frame, area);
    } else if let Some(form) = &t.form {
        task_form::view::draw(app, form, frame, area);
    } else if let Some(editing) = t.filter_editor {
        let fields: Vec<(&str, String)> = TaskFilterField::ALL
            .iter()
            .map(|&field| (field.title(), filter_value_label(t, field)))
            .collect();
        let at = TaskFilterField::ALL
            .iter()
            .position(|f| *f == editing)
            .unwrap_or(0);
        filter::view::draw(app, " Filter the tasks ", &fields, at, 6, frame, area);
    }
}
