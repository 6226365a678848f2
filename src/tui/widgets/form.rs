//! The lines of a form: one labelled field per line, the focused one marked and showing the
//! cursor, and the reason a value was refused. The deal form and the task form both draw these.

use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// One line per field: `labels[i]` padded to `label_width`, then `values[i]`; the field at
/// `focus` is marked and ends with the cursor.
pub fn field_lines<'a>(
    theme: &Theme,
    labels: impl Iterator<Item = &'a str>,
    values: &[String],
    focus: usize,
    label_width: usize,
) -> Vec<Line<'static>> {
    labels
        .zip(values)
        .enumerate()
        .map(|(i, (label, value))| {
            let focused = i == focus;
            Line::from(vec![
                Span::raw(if focused { "▶ " } else { "  " }),
                Span::styled(format!("{label:<label_width$}"), theme.header),
                Span::styled(
                    if focused {
                        format!("{value}▏")
                    } else {
                        value.clone()
                    },
                    if focused { theme.selected } else { theme.text },
                ),
            ])
        })
        .collect()
}

/// The line saying why nothing was saved, when a value was refused.
pub fn error_line(theme: &Theme, error: &str) -> Line<'static> {
    Line::from(Span::styled(
        format!("✗ {error} — nothing saved"),
        theme.error,
    ))
}
