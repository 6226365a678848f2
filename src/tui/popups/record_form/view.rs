//! The record form: one line per field (the focused one marked), what a date resolves to and a
//! deal's list price beside their fields, the open picker or text box under the fields, the
//! refusal naming its field, and the question or key hints at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::popups::record_form::RecordForm;
use crate::tui::widgets::form::field_lines;
use crate::tui::widgets::picker;
use crate::tui::widgets::popup::{hints, popup};

/// Width of the labels column.
const LABEL_WIDTH: usize = 12;

/// Draws `form` over `area`.
pub fn draw(app: &App, form: &RecordForm, frame: &mut Frame, area: Rect) {
    let width = area.width.min(90);
    let values: Vec<String> = form
        .fields
        .iter()
        .map(|f| {
            if f.note && !form.text_box {
                f.text.replace('\n', " ⏎ ")
            } else if f.note {
                f.text.lines().last().unwrap_or_default().to_string()
            } else {
                f.text.clone()
            }
        })
        .collect();
    let labels = form.fields.iter().map(|f| f.label);
    let mut lines = field_lines(&app.theme, labels, &values, form.focus, LABEL_WIDTH);
    for (line, field) in lines.iter_mut().zip(&form.fields) {
        let beside = form
            .beside(field.name, app.as_of)
            .or_else(|| (field.list.is_some() && field.picked.is_some()).then(|| "✓".to_string()));
        if let Some(text) = beside {
            line.spans
                .push(Span::styled(format!("  {text}"), app.theme.muted));
        }
    }
    if form.text_box
        && let Some(field) = form.fields.get(form.focus)
    {
        lines.push(Line::from(Span::styled("  ── text ──", app.theme.muted)));
        let all: Vec<&str> = field.text.split('\n').collect();
        let start = all.len().saturating_sub(5);
        for text in &all[start..] {
            lines.push(Line::from(format!("  {text}")));
        }
    }
    if let Some(p) = form.picker {
        lines.extend(picker::lines(
            &app.theme,
            &form.matches(),
            p,
            usize::from(width).saturating_sub(4),
        ));
    }
    if let Some(note) = &form.note {
        lines.push(Line::from(Span::styled(
            format!("  {note}"),
            app.theme.muted,
        )));
    }
    if let Some(error) = &form.error {
        lines.push(Line::from(Span::styled(
            format!("✗ {error} — nothing saved"),
            app.theme.error,
        )));
    }
    lines.push(Line::default());
    match &form.question {
        Some(question) => {
            let text = match question {
                super::Question::Duplicate(text) => text.clone(),
                super::Question::RemoveContact(_, name) => format!("Remove the contact {name}?"),
            };
            lines.push(Line::from(Span::styled(text, app.theme.warning)));
            lines.push(hints(app, Context::Confirm));
        }
        None if form.saving => lines.push(Line::from(Span::styled("saving…", app.theme.muted))),
        None if form.text_box => {
            let keys = |command| app.keymap.keys_label(Context::RecordForm, command);
            lines.push(Line::from(Span::styled(
                format!(
                    "{} new line · {} done · {} next field",
                    keys(Command::Accept),
                    keys(Command::Cancel),
                    keys(Command::NextField)
                ),
                app.theme.muted,
            )));
        }
        None => lines.push(form_hints(app, form)),
    }
    let height = (lines.len() as u16 + 4).min(area.height);
    popup(
        app,
        frame,
        area,
        &format!(" {} ", form.heading),
        lines,
        width,
        height,
    );
}

/// The keys of the form (or its picker) from the key map, leaving out those that do nothing on
/// this form: the editor key off a note, removing a contact off the contact form.
fn form_hints(app: &App, form: &RecordForm) -> Line<'static> {
    let context = form.contexts()[0];
    let on_note = form.fields.get(form.focus).is_some_and(|f| f.note);
    let on_contact = form.field("contact").is_some_and(|f| f.picked.is_some());
    let text = app
        .keymap
        .bindings_in(context)
        .filter(|b| match b.command {
            Command::Quit => false,
            Command::EditText => on_note,
            Command::RemoveContact => on_contact,
            _ => true,
        })
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            format!("{} {}", keys.join("/"), b.help)
        })
        .collect::<Vec<_>>()
        .join(" · ");
    Line::from(Span::styled(text, app.theme.muted))
}
