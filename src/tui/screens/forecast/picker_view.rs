//! The group picker over the Forecast screen: what was typed, "n of m", and the matching groups
//! (kind, name, next month's forecast or why there is none), scrolled to keep the cursor in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::Money;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::screens::forecast::picker::{Choice, choices, matches};
use crate::tui::widgets::picker::{first_shown, position};
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::text::fit;

/// Widest the picker gets.
const WIDTH: u16 = 64;

/// Matching groups the picker shows at once in a screen of `height` rows.
pub fn visible_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(8)).clamp(1, 15)
}

/// Draws the picker of the Forecast screen over `area`, when it is open.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let state = &app.forecast;
    let (Some(picker), Some(set)) = (&state.picker, &state.set) else {
        return;
    };
    let all = choices(&set.series);
    let matches = matches(picker, &all);
    let narrowed = if matches.len() < all.len() {
        format!(" (of {})", all.len())
    } else {
        String::new()
    };
    let position = format!("   {}{narrowed}", position(picker.cursor, matches.len()));
    let width = WIDTH.min(area.width);
    let name_width = usize::from(width).saturating_sub(4 + 9 + 16).max(8);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Show: ", app.theme.header),
            Span::raw(format!("{}▏", picker.query)),
            Span::styled(position, app.theme.muted),
        ]),
        Line::from(Span::styled(
            format!(
                "  {}{}{}",
                fit("kind", 9),
                fit("name", name_width),
                "next month"
            ),
            app.theme.muted,
        )),
    ];
    let shown = visible_rows(area.height);
    let first = first_shown(picker.cursor, shown);
    for (i, choice) in matches.iter().enumerate().skip(first).take(shown) {
        let style = if i == picker.cursor {
            app.theme.selected
        } else {
            app.theme.text
        };
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}{}{}",
                if i == picker.cursor { "▶ " } else { "  " },
                fit(choice.breakdown.name(), 9),
                fit(&choice.group.name, name_width),
                next_month(choice)
            ),
            style,
        )));
    }
    if matches.is_empty() {
        lines.push(Line::from(Span::styled(
            "  no group matches; Backspace deletes",
            app.theme.muted,
        )));
    }
    lines.push(Line::default());
    let hint = hints(app, Context::ForecastPicker);
    let hint_rows = hint
        .width()
        .div_ceil(usize::from(width.saturating_sub(2)).max(1));
    lines.push(hint);
    let height = (lines.len() + hint_rows + 1) as u16;
    popup(app, frame, area, " Forecast of ", lines, width, height);
}

/// The first forecast month's figure, or "no forecast".
fn next_month(choice: &Choice) -> String {
    match &choice.group.model {
        Ok(model) => model.forecast.first().map_or_else(
            || "no forecast".to_string(),
            |row| Money(row.mean.round() as i64).compact(),
        ),
        Err(_) => "no forecast".to_string(),
    }
}
