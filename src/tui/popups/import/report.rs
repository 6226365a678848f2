//! The report of the last `:import`, over the screen until Esc: counts, then every rejected row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::popups::history;
use crate::tui::popups::import::ReportView;

/// Draws the report over `area`.
pub fn draw(app: &App, report: &ReportView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let (rect, block) =
        history::overlay(app, frame, area, " Import report — j/k scroll, Esc closes ");
    let lines: Vec<Line> = report
        .lines
        .iter()
        .map(|line| {
            let style = if line.starts_with("  line ") || line.starts_with("Nothing was written") {
                theme.error
            } else {
                theme.text
            };
            Line::styled(line.clone(), style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((report.scroll, 0)),
        rect,
    );
}
