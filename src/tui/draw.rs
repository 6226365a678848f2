//! Drawing: a pure read of [`App`]. Nothing here touches SQLite, fits a model or changes state.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Tabs, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::jobs::Finished;
use crate::tui::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::screen::Screen;
use crate::tui::{popups, screens};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Draws one frame of the app.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, app.theme.background);
    if !layout::fits(area) {
        draw_too_small(app, frame, area);
        return;
    }
    let [tabs, body, status] = layout::main_areas(area);
    draw_tabs(app, frame, tabs);
    screens::draw(app, frame, body);
    if !app.records.is_empty() {
        popups::record::view::draw(app, frame, body);
    }
    if let Some(find) = &app.find {
        popups::find::view::draw(app, find, frame, body);
    }
    if let Some(form) = &app.record_form {
        popups::record_form::view::draw(app, form, frame, body);
    }
    match &app.command_line {
        Some(line) => {
            let text = Line::from(vec![
                Span::styled(":", app.theme.accent),
                Span::raw(format!("{line}▏")),
            ]);
            frame.render_widget(Paragraph::new(text), status);
            popups::palette::view::draw(app, frame, area, status);
        }
        None => {
            draw_status(app, frame, status);
            draw_long_error(app, frame, body, status.width);
        }
    }
    if let Some(scroll) = app.model_view {
        popups::model::draw(app, scroll, frame, area);
    }
    if let Some(history) = &app.history {
        popups::history::draw(app, history, frame, area);
    }
    if let Some(view) = app.data.as_ref().filter(|_| app.records.is_empty()) {
        popups::data::view::draw(app, view, frame, area);
    }
    if let Some(report) = &app.import.report {
        popups::import::report::draw(app, report, frame, area);
    }
    if let Some(scroll) = app.help {
        popups::help::draw(app, scroll, frame, area);
    }
}

fn draw_too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = format!("terminal too small (needs {MIN_WIDTH}×{MIN_HEIGHT})");
    let lines = u16::try_from(text.width().div_ceil(usize::from(area.width.max(1)))).unwrap_or(1);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(lines),
        Constraint::Fill(1),
    ])
    .areas(area);
    let message = Paragraph::new(text)
        .style(app.theme.error)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(message, middle);
}

fn draw_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let titles = Screen::ALL
        .iter()
        .map(|s| Line::from(layout::tab_label(*s)));
    let selected = Screen::ALL.iter().position(|s| *s == app.screen);
    let tabs = Tabs::new(titles)
        .select(selected)
        .style(app.theme.muted)
        .highlight_style(app.theme.selected)
        .divider("│");
    frame.render_widget(tabs, area);
}

/// Width of the import progress bar in the status line.
const IMPORT_GAUGE_WIDTH: u16 = 36;

/// The status line: database, last message, and on the right what the worker is doing (a
/// progress bar while an import runs).
fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(progress) = app.import.progress {
        let [rest, gauge] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(IMPORT_GAUGE_WIDTH)])
                .areas(area);
        let ratio = if progress.total_bytes == 0 {
            0.0
        } else {
            (progress.bytes as f64 / progress.total_bytes as f64).clamp(0.0, 1.0)
        };
        let label = format!(
            "import {} rows",
            crate::domain::group_thousands(u128::from(progress.rows))
        );
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio)
                .label(label)
                .style(app.theme.status)
                .filled_style(app.theme.accent),
            gauge,
        );
        draw_message(app, frame, rest, String::new());
        return;
    }
    let worker = match app.jobs.running().first() {
        Some(kind) => {
            let spin = SPINNER[(app.ticks % SPINNER.len() as u64) as usize];
            match app.jobs.step(*kind).filter(|step| step.of > 1) {
                Some(step) => format!(
                    " {spin} {}: {} ({}/{})… ",
                    kind.label(),
                    step.label,
                    step.done,
                    step.of
                ),
                None => format!(" {spin} {}… ", kind.label()),
            }
        }
        None => match app.jobs.last_finished() {
            Some(Finished {
                kind,
                computed_at: Some(at),
                ..
            }) => format!(
                " ready · {} kept from {at} (book unchanged) ",
                kind.done_label()
            ),
            Some(done) => format!(
                " ready · {} {:.2}s ",
                done.kind.done_label(),
                done.took.as_secs_f64()
            ),
            None => " ready ".to_string(),
        },
    };
    draw_message(app, frame, area, worker);
}

/// Rows at most that a long error takes above the status line.
const LONG_ERROR_ROWS: usize = 6;

/// An error too long for the status line, wrapped whole in a box over the bottom of `body`
/// (the status line, `width` cells, keeps its start); the next key clears it.
fn draw_long_error(app: &App, frame: &mut Frame, body: Rect, width: u16) {
    let message = &app.message;
    let room = usize::from(width) * 3 / 4;
    if !message.is_error || message.text.width() <= room || body.height < 4 {
        return;
    }
    let inner = usize::from(body.width.saturating_sub(2)).max(1);
    let rows = message
        .text
        .width()
        .div_ceil(inner)
        .saturating_add(1)
        .clamp(1, LONG_ERROR_ROWS)
        .min(usize::from(body.height) - 2);
    let height = u16::try_from(rows + 2).unwrap_or(body.height);
    let rect = Rect::new(body.x, body.bottom() - height, body.width, height);
    frame.render_widget(ratatui::widgets::Clear, rect);
    let block = ratatui::widgets::Block::bordered()
        .title(Span::styled(
            " Error — the next key clears it ",
            app.theme.error,
        ))
        .border_style(app.theme.error);
    frame.render_widget(
        Paragraph::new(message.text.clone())
            .style(app.theme.error)
            .wrap(Wrap { trim: true })
            .block(block),
        rect,
    );
}

/// The database and the last message on the left of `area`, `worker` on its right.
fn draw_message(app: &App, frame: &mut Frame, area: Rect, worker: String) {
    let worker_width = u16::try_from(worker.width()).unwrap_or(u16::MAX);
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(worker_width)]).areas(area);
    let db = shorten_left(&app.db_label, usize::from(area.width) / 4);
    let message_style = if app.message.is_error {
        app.theme.error
    } else {
        app.theme.status
    };
    let mut spans = vec![
        Span::raw(format!(" {db} │ ")),
        Span::styled(app.message.text.clone(), message_style),
    ];
    if !app.pending_keys.is_empty() {
        let keys: Vec<String> = app.pending_keys.iter().map(|k| k.label()).collect();
        spans.push(Span::styled(
            format!("  {}…", keys.join(" ")),
            app.theme.accent,
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme.status),
        left,
    );
    frame.render_widget(Paragraph::new(worker).style(app.theme.status), right);
}

/// Keeps the end of `text` (the file name matters most), marking a cut with "…".
fn shorten_left(text: &str, max: usize) -> String {
    if text.width() <= max || max < 2 {
        return text.to_string();
    }
    let mut kept = String::new();
    let mut width = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + w > max {
            break;
        }
        width += w;
        kept.insert(0, c);
    }
    format!("…{kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paths_keep_their_end() {
        assert_eq!(
            shorten_left("/a/very/long/path/salesdesk.db", 14),
            "…/salesdesk.db"
        );
        assert_eq!(shorten_left("short.db", 14), "short.db");
        assert_eq!(shorten_left("/数据/销售.db", 8).width(), 8);
    }
}
