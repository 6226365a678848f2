//! The stage editor: the pipeline's stages with win %, stale days and open deals on the board,
//! the selected one highlighted; the entry line or the removal's choice of target below; the
//! keys last.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::StageEditor;
use crate::domain::group_thousands;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::text::fit;

/// Inner width of the editor, in cells.
const WIDTH: usize = 60;

/// Draws `editor` over `area`.
pub fn draw(app: &App, editor: &StageEditor, frame: &mut Frame, area: Rect) {
    let p = &app.pipeline;
    let catalogue = &p.catalogue;
    let theme = &app.theme;
    let stages: Vec<_> = catalogue.open_of(editor.pipeline_id).collect();
    let counted = p.filter.pipeline_id == Some(editor.pipeline_id) && p.is_unfiltered();
    let mut lines = vec![Line::from(Span::styled(
        format!(
            " {:<30} {:>5} {:>11} {:>9}",
            "Stage", "Win", "Stale after", "Open"
        ),
        theme.header,
    ))];
    for (i, stage) in stages.iter().enumerate() {
        let open = stage
            .open_index()
            .and_then(|s| p.totals.as_ref()?.open.get(s))
            .filter(|_| counted)
            .map_or_else(
                || "—".to_string(),
                |t| group_thousands(t.count.unsigned_abs().into()),
            );
        let stale = catalogue
            .stale_days(*stage)
            .map_or_else(String::new, |d| format!("{d} days"));
        let text = format!(
            " {:<30} {:>4}% {:>11} {:>9}",
            fit(catalogue.name(*stage), 30),
            catalogue.probability_bp(*stage) / 100,
            stale,
            open
        );
        let style = match editor.deals_to {
            Some(to) if to == i => theme.accent,
            _ if i == editor.at => theme.selected,
            _ => theme.text,
        };
        lines.push(Line::from(Span::styled(fit(&text, WIDTH), style)));
    }
    lines.push(Line::default());
    let prompt = match (&editor.entry, editor.deals_to) {
        (Some(entry), _) => {
            let keep = app
                .keymap
                .keys_label(Context::Search, Command::FinishSearch);
            let back = app
                .keymap
                .keys_label(Context::Search, Command::CancelSearch);
            let mut out = vec![Line::from(Span::styled(
                fit(&format!(" {}: {}▏", entry.kind.prompt(), entry.text), WIDTH),
                theme.text,
            ))];
            out.push(match &entry.error {
                Some(why) => {
                    Line::from(Span::styled(fit(&format!(" {why}"), WIDTH), theme.warning))
                }
                None => Line::from(Span::styled(
                    format!(" {keep} save · {back} cancel"),
                    theme.muted,
                )),
            });
            out
        }
        (None, Some(to)) => {
            let name = |i: usize| stages.get(i).map_or("?", |s| catalogue.name(*s));
            vec![
                Line::from(Span::styled(
                    fit(
                        &format!(
                            " Remove {}: its deals move to {}",
                            name(editor.at),
                            name(to)
                        ),
                        WIDTH,
                    ),
                    theme.warning,
                )),
                Line::from(Span::styled(
                    " j/k another stage · Enter remove · Esc keep it",
                    theme.muted,
                )),
            ]
        }
        (None, None) => {
            let hint = hints(app, Context::Stages);
            vec![hint]
        }
    };
    let hint_rows: usize = prompt
        .iter()
        .map(|l| l.width().div_ceil(WIDTH).max(1))
        .sum();
    lines.extend(prompt);
    let name = catalogue
        .pipeline(editor.pipeline_id)
        .map_or("?", |p| p.name.as_str());
    let count = catalogue.pipelines().len();
    let title = if count > 1 {
        format!(
            " Stages of {name} (pipeline {} of {count}) ",
            position(app, editor) + 1
        )
    } else {
        format!(" Stages of {name} ")
    };
    let height = 2 + 1 + stages.len() + 1 + hint_rows;
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

/// The place of the edited pipeline among the book's.
fn position(app: &App, editor: &StageEditor) -> usize {
    app.pipeline
        .catalogue
        .pipelines()
        .iter()
        .position(|p| p.id == editor.pipeline_id)
        .unwrap_or(0)
}
