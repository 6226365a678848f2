//! The filter editor popup of the customers screen: owner, region and industry.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::popups::filter;
use crate::tui::screens::customers::FilterField;

/// Draws the editor over `area` with `editing` highlighted.
pub fn draw(app: &App, editing: FilterField, frame: &mut Frame, area: Rect) {
    let state = &app.customers;
    let fields: Vec<(&str, String)> = FilterField::ALL
        .iter()
        .map(|&field| (field.title(), state.filter_label(field).to_string()))
        .collect();
    let at = FilterField::ALL
        .iter()
        .position(|f| *f == editing)
        .unwrap_or(0);
    filter::view::draw(app, " Filter customers ", &fields, at, 9, frame, area);
}
