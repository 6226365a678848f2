//! Draws the `:data` view from its state: a full-screen list over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::Paragraph;

use super::{DataView, Line};
use crate::domain::group_thousands;
use crate::tui::app::App;
use crate::tui::effects::RecordRef;
use crate::tui::popups::history::overlay;

/// Draws the view over `area`, scrolled so the cursor shows.
pub fn draw(app: &App, view: &DataView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let title = format!(
        " Data: {} rows need care — Enter opens, m merges a pair, Esc closes ",
        group_thousands(u128::from(view.report.total()))
    );
    let (rect, block) = overlay(app, frame, area, &title);
    let lines = view.lines();
    let height = usize::from(rect.height.saturating_sub(2)).max(1);
    let skip = view.cursor.saturating_sub(height - 1);
    let shown: Vec<TextLine> = lines
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, line)| {
            let (text, style) = match line {
                Line::Group(group) => (group.to_string(), theme.header),
                Line::Check(c) => {
                    let check = &view.report.checks[*c];
                    let style = if check.count == 0 {
                        theme.muted
                    } else {
                        theme.text
                    };
                    let count = group_thousands(u128::from(check.count));
                    (format!("  {count:>9}  {}", check.words), style)
                }
                Line::Row(c, k, record) => {
                    let (kind, id) = match record {
                        RecordRef::Customer(id) => ("customer", id),
                        RecordRef::Deal(id) => ("deal", id),
                    };
                    let label = view.report.checks[*c]
                        .labels
                        .get(*k)
                        .map_or_else(String::new, |l| format!(" · {l}"));
                    (format!("             {kind} {id}{label}"), theme.text)
                }
                Line::Pair(p) => {
                    let pair = &view.report.duplicates[*p];
                    (
                        format!(
                            "             {} {} / {} {}: {}",
                            pair.a, pair.a_name, pair.b, pair.b_name, pair.why
                        ),
                        theme.text,
                    )
                }
            };
            let style = if i == view.cursor {
                theme.selected
            } else {
                style
            };
            TextLine::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}
