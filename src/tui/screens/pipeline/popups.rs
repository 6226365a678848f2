//! The popups of the board: the edit form, the lost-reason picker, the yes/no question and the
//! filter editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::domain::LOST_REASONS;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::popups::deal_form::FormField;
use crate::tui::screens::pipeline::BoardFilterField;
use crate::tui::screens::pipeline::filter::filter_value_label;

/// Draws whichever popup is open over `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let p = &app.pipeline;
    if let Some(form) = &p.form {
        let mut lines: Vec<Line> = FormField::ALL
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let focused = i == form.focus;
                let value = if focused {
                    format!("{}▏", form.values[i])
                } else {
                    form.values[i].clone()
                };
                Line::from(vec![
                    Span::raw(if focused { "▶ " } else { "  " }),
                    Span::styled(format!("{:<15}", field.label()), app.theme.header),
                    Span::styled(
                        value,
                        if focused {
                            app.theme.selected
                        } else {
                            app.theme.text
                        },
                    ),
                ])
            })
            .collect();
        lines.push(Line::from(Span::styled(
            "  empty date: none · empty probability: the stage's default",
            app.theme.muted,
        )));
        lines.push(Line::default());
        if let Some(error) = &form.error {
            lines.push(Line::from(Span::styled(
                format!("✗ {error} — nothing saved"),
                app.theme.error,
            )));
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
    } else if let Some((_, at)) = p.lost_picker {
        let mut lines: Vec<Line> = LOST_REASONS
            .iter()
            .enumerate()
            .map(|(i, reason)| {
                let style = if i == at {
                    app.theme.selected
                } else {
                    app.theme.text
                };
                Line::from(Span::styled(format!(" {reason} "), style))
            })
            .collect();
        lines.push(Line::default());
        lines.push(hints(app, Context::LostReason));
        popup(app, frame, area, " Why was it lost? ", lines, 44, 11);
    } else if let Some(confirm) = &p.confirm {
        let lines = vec![
            Line::from(confirm.question.clone()),
            Line::default(),
            hints(app, Context::Confirm),
        ];
        popup(app, frame, area, " Are you sure? ", lines, 60, 7);
    } else if let Some(editing) = p.filter_editor {
        let mut lines: Vec<Line> = BoardFilterField::ALL
            .iter()
            .map(|&field| {
                let (marker, style) = if field == editing {
                    ("▶ ", app.theme.selected)
                } else {
                    ("  ", app.theme.text)
                };
                Line::from(vec![
                    Span::raw(marker),
                    Span::styled(format!("{:<10}", field.title()), app.theme.header),
                    Span::styled(
                        format!("‹ {} ›", filter_value_label(&app.pipeline, field)),
                        style,
                    ),
                ])
            })
            .collect();
        lines.push(Line::default());
        lines.push(hints(app, Context::Filter));
        popup(app, frame, area, " Filter the board ", lines, 60, 10);
    }
}

/// One line of key hints for a context, from the key map.
pub fn hints(app: &App, context: Context) -> Line<'static> {
    let text = app
        .keymap
        .bindings_in(context)
        .filter(|b| b.command != crate::tui::action::Command::Quit)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            format!("{} {}", keys.join("/"), b.help)
        })
        .collect::<Vec<_>>()
        .join(" · ");
    Line::from(Span::styled(text, app.theme.muted))
}

pub(crate) fn popup(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    width: u16,
    height: u16,
) {
    let rect = layout::centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(title.to_string(), app.theme.accent))
        .border_style(app.theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        rect,
    );
}
