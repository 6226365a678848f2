//! Draws the record on top of the stack over the whole body below the tabs: a title bar, the
//! record's rows from where it is scrolled to, and a line of key hints. Paging and clicks ask the
//! same layout, so a page is what is seen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::rows::{self, Row};
use super::{Loaded, OpenRecord, customer_view, deal_view};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::effects::RecordRef;
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::widgets::text::fit;

/// The title bar, the rows (inset one cell each side) and the hint line of the body.
pub fn areas(body: Rect) -> [Rect; 3] {
    let [title, content, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(body);
    [
        title,
        content.inner(ratatui::layout::Margin::new(1, 0)),
        hints,
    ]
}

/// The content rows' area for a terminal of `size`.
pub fn content_area(size: (u16, u16)) -> Rect {
    let [_, body, _] = layout::main_areas(Rect::new(0, 0, size.0, size.1));
    areas(body)[1]
}

/// The title and rows of `entry` at `width` cells.
pub fn content(app: &App, entry: &OpenRecord, width: usize) -> (String, Vec<Row>) {
    let waiting = |what: &str| {
        let line = Line::from(Span::styled(what.to_string(), app.theme.muted));
        vec![Row::plain(line)]
    };
    let name = match entry.what {
        RecordRef::Deal(id) => format!("Deal #{id}"),
        RecordRef::Customer(id) => format!("Customer #{id}"),
    };
    match &entry.loaded {
        Loaded::Loading => (name, waiting("loading…")),
        Loaded::Gone(why) => (
            name,
            vec![Row::plain(Line::from(Span::styled(
                why.clone(),
                app.theme.error,
            )))],
        ),
        Loaded::Deal(record) => (
            deal_view::title(record),
            deal_view::rows(app, record, width),
        ),
        Loaded::Customer(record) => (
            customer_view::title(record),
            customer_view::rows(app, record, entry.cursor, width),
        ),
    }
}

/// The furthest the rows can scroll: the last row at the bottom of `height` rows.
pub fn max_scroll(rows: usize, height: usize) -> usize {
    rows.saturating_sub(height)
}

/// The keys to leave and to jump, from the key map, as the hint line says them.
fn hints(app: &App, entry: &OpenRecord) -> String {
    let keys = |command| app.keymap.keys_label(Context::Record, command);
    let mut parts = vec![format!("{} back", keys(Command::Cancel))];
    match entry.what {
        RecordRef::Deal(_) => {
            parts.push(format!("{} scroll", keys(Command::Down)));
            parts.push(format!("{} customer", keys(Command::JumpToCustomer)));
        }
        RecordRef::Customer(_) => {
            parts.push(format!("{} deal", keys(Command::Down)));
            parts.push(format!("{} open it", keys(Command::Accept)));
        }
    }
    parts.push(format!("{} owner's tasks", keys(Command::OwnerTasks)));
    parts.push(format!(
        "{} all keys",
        app.keymap.keys_label(Context::Global, Command::ToggleHelp)
    ));
    parts.join(" · ")
}

/// Draws the record on top into `body`.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(entry) = app.records.top_entry() else {
        return;
    };
    frame.render_widget(Clear, body);
    frame.buffer_mut().set_style(body, app.theme.background);
    let [title_area, content_area, hint_area] = areas(body);
    let width = usize::from(content_area.width);
    let (title, rows) = content(app, entry, width);
    let depth = app.records.len();
    let mut right = String::new();
    if entry.reloading && entry.loaded != Loaded::Loading {
        right.push_str("refreshing… ");
    }
    if depth > 1 {
        right.push_str(&format!("{depth} records open "));
    }
    let left_width = usize::from(title_area.width).saturating_sub(right.width() + 1);
    let bar = Line::from(vec![
        Span::styled(
            format!(" {}", rows::clip(&title, left_width)),
            app.theme.accent,
        ),
        Span::styled(right, app.theme.muted),
    ]);
    frame.render_widget(Paragraph::new(bar).style(app.theme.header), title_area);
    let height = usize::from(content_area.height);
    let scroll = entry.scroll.min(max_scroll(rows.len(), height));
    let shown: Vec<Line> = rows
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|r| r.line)
        .collect();
    frame.render_widget(Paragraph::new(shown).style(app.theme.text), content_area);
    let hint = fit(&hints(app, entry), usize::from(hint_area.width));
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(hint, app.theme.muted))),
        hint_area,
    );
}
