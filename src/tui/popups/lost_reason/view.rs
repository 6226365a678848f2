//! The lost-reason picker: the deal, the config's reasons and "other…", the chosen one
//! highlighted; once "other…" is chosen, the reason being typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::popups::lost_reason::{LostPicker, OTHER};
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::text::fit;

/// Inner width of the picker, in cells.
const WIDTH: usize = 46;

/// Draws `picker` for the deal named `deal` over `area`, offering `reasons`.
pub fn draw(
    app: &App,
    deal: &str,
    picker: &LostPicker,
    reasons: &[String],
    frame: &mut Frame,
    area: Rect,
) {
    let entries: Vec<String> = reasons
        .iter()
        .cloned()
        .chain(std::iter::once(match &picker.other {
            Some(text) => format!("other: {text}▏"),
            None => OTHER.to_string(),
        }))
        .collect();
    let room = usize::from(area.height).saturating_sub(10).max(3);
    let first = picker.at.saturating_sub(room.saturating_sub(1));
    let mut lines = vec![
        Line::from(Span::styled(
            fit(&format!(" {deal}"), WIDTH - 2),
            app.theme.header,
        )),
        Line::default(),
    ];
    lines.extend(
        entries
            .iter()
            .enumerate()
            .skip(first)
            .take(room)
            .map(|(i, entry)| {
                let style = if i == picker.at {
                    app.theme.selected
                } else {
                    app.theme.text
                };
                Line::from(Span::styled(fit(&format!(" {entry} "), WIDTH - 2), style))
            }),
    );
    let shown = entries.len().min(room);
    lines.push(Line::default());
    let hint = if picker.is_typing() {
        let keep = app
            .keymap
            .keys_label(Context::Search, Command::FinishSearch);
        let back = app
            .keymap
            .keys_label(Context::Search, Command::CancelSearch);
        Line::from(Span::styled(
            format!("type the reason · {keep} mark Lost · {back} back to the list"),
            app.theme.muted,
        ))
    } else {
        hints(app, Context::LostReason)
    };
    let hint_rows = hint.width().div_ceil(WIDTH - 2);
    let title = if entries.len() > shown {
        format!(" Why was it lost? {} of {} ", picker.at + 1, entries.len())
    } else {
        " Why was it lost? ".to_string()
    };
    let height = 2 + 2 + shown + 1 + hint_rows;
    popup(
        app,
        frame,
        area,
        &title,
        lines,
        (WIDTH + 2) as u16,
        u16::try_from(height).unwrap_or(u16::MAX),
    );
}
