//! What a click or a wheel turn does: found from the same layout functions drawing uses, so a
//! click lands on what is seen. A click on a tab switches screen; a click on a row, a card or a
//! tier selects it. The wheel moves the selection one row per notch, exactly like j/k (it sends
//! the same Up and Down commands), and scrolls the help, history and import report overlays
//! three lines per notch. While a popup, form, text field or command line is open, clicks and
//! the wheel are ignored, so nothing changes behind it. A second click on the selected card or
//! customer opens its record; on an open record a click on a deal line (or a deal's customer
//! line) opens that record, and the wheel scrolls it like j/k.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::tui::action::{Command, MouseInput, MouseKind};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout::{self, CARD_LINES};
use crate::tui::popups::record;
use crate::tui::screen::Screen;
use crate::tui::screens::customers::Detail;
use crate::tui::screens::tasks::ListRow;

/// Lines an overlay scrolls per wheel notch.
pub const WHEEL_LINES: u16 = 3;

impl MouseInput {
    /// The input for a terminal mouse event, if it is one the app uses.
    pub fn from_event(event: &MouseEvent) -> Option<MouseInput> {
        let kind = match event.kind {
            MouseEventKind::Down(MouseButton::Left) => MouseKind::LeftClick,
            MouseEventKind::ScrollUp => MouseKind::WheelUp,
            MouseEventKind::ScrollDown => MouseKind::WheelDown,
            _ => return None,
        };
        Some(MouseInput {
            kind,
            column: event.column,
            row: event.row,
        })
    }
}

/// Applies a click or wheel turn; returns the command it stands for when it is one a key also
/// gives (a tab click, or Up and Down from the wheel), for [`crate::tui::update`] to run.
pub fn handle(app: &mut App, input: MouseInput) -> Option<Command> {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if !layout::fits(area) {
        return None;
    }
    if let Some(scroll) = overlay_scroll(app) {
        match input.kind {
            MouseKind::WheelUp => *scroll = scroll.saturating_sub(WHEEL_LINES),
            MouseKind::WheelDown => *scroll = scroll.saturating_add(WHEEL_LINES),
            MouseKind::LeftClick => {}
        }
        return None;
    }
    if !app.contexts().contains(&Context::Global) {
        return None;
    }
    match input.kind {
        MouseKind::WheelUp => Some(Command::Up),
        MouseKind::WheelDown => Some(Command::Down),
        MouseKind::LeftClick => click(app, area, input.column, input.row),
    }
}

/// The scroll position of the overlay on top, if one is open.
fn overlay_scroll(app: &mut App) -> Option<&mut u16> {
    if let Some(scroll) = app.help.as_mut() {
        return Some(scroll);
    }
    if let Some(history) = app.history.as_mut() {
        return Some(&mut history.scroll);
    }
    app.import.report.as_mut().map(|report| &mut report.scroll)
}

fn click(app: &mut App, area: Rect, column: u16, row: u16) -> Option<Command> {
    let [tabs, body, _] = layout::main_areas(area);
    if layout::row_in(tabs, column, row).is_some() {
        return layout::tab_at(tabs, column).map(Command::ShowScreen);
    }
    layout::row_in(body, column, row)?;
    if !app.records.is_empty() {
        let content = record::view::content_area(app.size);
        if let Some(line) = layout::row_in(content, column, row) {
            record::update::click(app, line);
        }
        return None;
    }
    if app.screen == Screen::Pipeline && app.pipeline.list.shown {
        return crate::tui::screens::pipeline::list::update::click(
            &mut app.pipeline.list,
            body,
            column,
            row,
        );
    }
    let open = match app.screen {
        Screen::Pipeline => click_board(app, body, column, row),
        Screen::Customers => click_customers(app, body, column, row),
        Screen::Tiers => {
            click_tiers(app, body, column, row);
            false
        }
        Screen::Tasks => {
            click_tasks(app, body, column, row);
            false
        }
        Screen::Channels => {
            click_channels(app, body, column, row);
            false
        }
        // Screens without a list to click (the Forecast screen: the wheel steps through its
        // groups) take no click.
        _ => false,
    };
    open.then_some(Command::OpenRecord)
}

/// A click on a column focuses it; on a card, also selects the card. True when the card clicked
/// was already the selected one: the second click opens its record.
fn click_board(app: &mut App, body: Rect, column: u16, row: u16) -> bool {
    let [_, board, _] = layout::pipeline_areas(body);
    let p = &mut app.pipeline;
    if p.show_quota && layout::row_in(layout::quota_pane(board), column, row).is_some() {
        return false;
    }
    let columns = layout::board_columns(board, p.column_count());
    let Some(index) = columns
        .iter()
        .position(|rect| layout::row_in(*rect, column, row).is_some())
    else {
        return false;
    };
    let was = (p.column, p.selected.get(p.column).copied().unwrap_or(0));
    p.column = index;
    let [_, cards] = layout::column_parts(columns[index]);
    let visible = usize::from(cards.height / CARD_LINES);
    if let Some(line) = layout::row_in(cards, column, row) {
        let shown = line / usize::from(CARD_LINES);
        let card = p.offset.get(index).copied().unwrap_or(0) + shown;
        if shown < visible
            && card < p.column_cards(index).len()
            && let Some(selected) = p.selected.get_mut(index)
        {
            *selected = card;
            return was == (index, card);
        }
    }
    false
}

/// A click on a customer row selects it; a click on the selected row opens its record.
fn click_customers(app: &mut App, body: Rect, column: u16, row: u16) -> bool {
    let state = &mut app.customers;
    let areas = layout::customer_areas(body, state.detail != Detail::Closed);
    if let Some(line) = layout::row_in(layout::customer_rows(areas.table), column, row) {
        let position = state.offset + line;
        if position < state.visible_len() {
            let again = state.selected == position;
            state.selected = position;
            return again;
        }
    }
    false
}

/// A click on a tier or segment row of either table selects it.
fn click_tiers(app: &mut App, body: Rect, column: u16, row: u16) {
    let tiers = &mut app.tiers;
    let Some(overview) = &tiers.overview else {
        return;
    };
    let areas = layout::tier_areas(body);
    let counts = [overview.report.tiers.len(), overview.report.segments.len()];
    for (first, (pane, count)) in [
        (0, (areas.abc, counts[0])),
        (counts[0], (areas.rfm, counts[1])),
    ] {
        let [_, table] = layout::group_parts(pane, count);
        if let Some(line) = layout::row_in(table, column, row)
            && let Some(i) = line.checked_sub(1)
            && i < count
        {
            tiers.selected = first + i;
        }
    }
}

/// A click on a task line moves the cursor there; rep headers are not selectable.
fn click_tasks(app: &mut App, body: Rect, column: u16, row: u16) {
    let t = &mut app.tasks;
    let [_, list] = layout::task_areas(body);
    if let Some(line) = layout::row_in(layout::task_lines(list), column, row) {
        let at = t.scroll + line;
        if matches!(t.rows.get(at), Some(ListRow::Task(_))) {
            t.cursor = at;
        }
    }
}

fn click_channels(app: &mut App, body: Rect, column: u16, row: u16) {
    let state = &mut app.channels;
    let Some(model) = &state.model else {
        return;
    };
    let count = model.fitted.len();
    let notes = model.fitted.iter().filter(|c| c.fit.is_err()).count();
    let table = layout::channel_areas(body, count, notes).table;
    if let Some(line) = layout::row_in(table, column, row)
        && let Some(i) = line.checked_sub(1)
        && i < count
    {
        state.selected = i;
    }
}
