//! The report of the last `:import`, over the screen until Esc: counts, then every rejected row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::import_view::ReportView;
use crate::tui::layout;

/// Draws the report over `area`.
pub fn draw(app: &App, report: &ReportView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rect = layout::centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(
            " Import report — j/k scroll, Esc closes ",
            theme.accent,
        ))
        .border_style(theme.border);
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
