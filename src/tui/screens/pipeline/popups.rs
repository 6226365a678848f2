//! The popups of the board, drawn over it: the edit form, the lost-reason picker, the yes/no
//! question or the filter editor, whichever is open.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::popups::{confirm, deal_form, filter, lost_reason, stages};
use crate::tui::screens::pipeline::BoardFilterField;
use crate::tui::screens::pipeline::filter::filter_value_label;

/// Draws whichever popup is open over `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let p = &app.pipeline;
    if let Some(editor) = &p.stage_editor {
        stages::view::draw(app, editor, frame, area);
    } else if let Some(form) = &p.form {
        deal_form::view::draw(app, form, frame, area);
    } else if let Some(picker) = &p.lost_picker {
        let deal = p
            .selected_card()
            .filter(|card| card.id == picker.deal_id)
            .map_or_else(String::new, |card| match &card.customer {
                Some(customer) => format!("{} · {customer}", card.title),
                None => card.title.clone(),
            });
        let reasons = app.config.pipeline.lost_reasons.as_slice();
        lost_reason::view::draw(app, &deal, picker, reasons, frame, area);
    } else if let Some(confirm) = &p.confirm {
        confirm::view::draw(app, &confirm.question, frame, area);
    } else if let Some(editing) = p.filter_editor {
        let fields: Vec<(&str, String)> = BoardFilterField::ALL
            .iter()
            .map(|&field| (field.title(), filter_value_label(p, field)))
            .collect();
        let at = BoardFilterField::ALL
            .iter()
            .position(|f| *f == editing)
            .unwrap_or(0);
        filter::view::draw(app, " Filter the board ", &fields, at, 10, frame, area);
    }
}
