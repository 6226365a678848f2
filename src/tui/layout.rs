//! Where things go on screen. Drawing and paging both ask here, so a page is what is seen.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use crate::tui::screen::Screen;

/// The narrowest terminal the layout works in.
pub const MIN_WIDTH: u16 = 72;
/// The shortest terminal the layout works in.
pub const MIN_HEIGHT: u16 = 14;

/// True when `area` is large enough for the layout.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// The tab bar, the screen body and the status line.
pub fn main_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The parts of the customers screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomerAreas {
    /// The search, filter and count line.
    pub info: Rect,
    /// The table with its border.
    pub table: Rect,
    /// The detail pane, when open.
    pub detail: Option<Rect>,
}

/// Splits the customers body; the detail pane takes the lower part when open.
pub fn customer_areas(body: Rect, detail_open: bool) -> CustomerAreas {
    if detail_open {
        let [info, table, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Percentage(50),
        ])
        .areas(body);
        CustomerAreas {
            info,
            table,
            detail: Some(detail),
        }
    } else {
        let [info, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
        CustomerAreas {
            info,
            table,
            detail: None,
        }
    }
}

/// Data rows the customers table shows in a terminal of `size` (border and header excluded).
pub fn customer_table_rows(size: (u16, u16), detail_open: bool) -> usize {
    let [_, body, _] = main_areas(Rect::new(0, 0, size.0, size.1));
    let table = customer_areas(body, detail_open).table;
    usize::from(table.height.saturating_sub(3)).max(1)
}

/// The parts of the pipeline screen: KPI strip, the board, and the selected deal's win
/// probability with its top factors.
pub fn pipeline_areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(body)
}

/// Lines a card takes on the board, its separator included.
pub const CARD_LINES: u16 = 4;

/// Cards a board column shows in a terminal of `size` (the column header takes three lines
/// inside the border).
pub fn board_card_rows(size: (u16, u16)) -> usize {
    let [_, body, _] = main_areas(Rect::new(0, 0, size.0, size.1));
    let [_, board, _] = pipeline_areas(body);
    usize::from(board.height.saturating_sub(2 + 3) / CARD_LINES).max(1)
}

/// The label of a screen's tab: its digit and title.
pub fn tab_label(screen: Screen) -> String {
    format!("{} {}", screen.digit(), screen.title())
}

/// Cells the tab bar puts on each side of a label, and between tabs (the divider).
const TAB_PADDING: u16 = 1;
const TAB_DIVIDER: u16 = 1;

/// The screen whose tab (label and padding) covers `column` of the tab bar `tabs`.
pub fn tab_at(tabs: Rect, column: u16) -> Option<Screen> {
    let mut x = tabs.x;
    for screen in Screen::ALL {
        let width = u16::try_from(tab_label(screen).width()).unwrap_or(u16::MAX);
        let end = x.saturating_add(2 * TAB_PADDING).saturating_add(width);
        if (x..end).contains(&column) {
            return Some(screen);
        }
        x = end.saturating_add(TAB_DIVIDER);
    }
    None
}

/// The row of `area` that (`column`, `row`) falls on, counted from its top, if inside it.
pub fn row_in(area: Rect, column: u16, row: u16) -> Option<usize> {
    area.contains(Position::new(column, row))
        .then(|| usize::from(row - area.y))
}

/// The data rows of the customers table drawn in `table` (inside the border, below the header).
pub fn customer_rows(table: Rect) -> Rect {
    let inner = Block::bordered().inner(table);
    Rect {
        y: inner.y.saturating_add(1).min(inner.bottom()),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// The board's `count` columns, left to right, of even width.
pub fn board_columns(board: Rect, count: usize) -> Vec<Rect> {
    let count = count.max(1);
    let share = u32::try_from(count).unwrap_or(u32::MAX);
    Layout::horizontal(vec![Constraint::Ratio(1, share); count])
        .split(board)
        .to_vec()
}

/// Inside a board column's border: the three header lines, then the cards.
pub fn column_parts(column: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(3), Constraint::Min(0)])
        .areas(Block::bordered().inner(column))
}

/// The quota attainment pane over the right of the board.
pub fn quota_pane(board: Rect) -> Rect {
    let width = board.width.min(64);
    Rect::new(
        board.right().saturating_sub(width),
        board.y,
        width,
        board.height,
    )
}

/// Team and rep rows the quota pane shows in a terminal of `size` (inside its border, below
/// its header).
pub fn quota_rows(size: (u16, u16)) -> usize {
    let [_, body, _] = main_areas(Rect::new(0, 0, size.0, size.1));
    let [_, board, _] = pipeline_areas(body);
    usize::from(quota_pane(board).height.saturating_sub(3)).max(1)
}

/// The tasks screen: the filter line, then the bordered list.
pub fn task_areas(body: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body)
}

/// The lines of the task list drawn in `list` (inside the border, below the column header).
pub fn task_lines(list: Rect) -> Rect {
    customer_rows(list)
}

/// The panes of the Tiers screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierAreas {
    /// The ABC tiers chart and table.
    pub abc: Rect,
    /// The RFM segments chart and table.
    pub rfm: Rect,
    /// The tier moves table.
    pub moves: Rect,
}

/// Height of the tier-moves pane: a border, a header, three tiers and the new customers.
const TIER_MOVES_HEIGHT: u16 = 7;

/// Splits the Tiers screen's body, inside its border.
pub fn tier_areas(body: Rect) -> TierAreas {
    let inner = Block::bordered().inner(body);
    let [groups, moves] =
        Layout::vertical([Constraint::Min(8), Constraint::Length(TIER_MOVES_HEIGHT)]).areas(inner);
    let [abc, rfm] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(groups);
    TierAreas { abc, rfm, moves }
}

/// Inside a tier pane's border: the bar chart, then the table of `groups` rows and a header.
pub fn group_parts(pane: Rect, groups: usize) -> [Rect; 2] {
    let table_height = u16::try_from(groups).unwrap_or(u16::MAX).saturating_add(1);
    Layout::vertical([Constraint::Min(3), Constraint::Length(table_height)])
        .areas(Block::bordered().inner(pane))
}

/// The parts of the Channels screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelAreas {
    /// Budget and predicted revenue.
    pub summary: Rect,
    /// The table: a header line, then a row per channel.
    pub table: Rect,
    /// Why some channels could not be fitted.
    pub notes: Rect,
    /// The selected channel's chart.
    pub chart: Rect,
    /// Key hints or the number being typed.
    pub footer: Rect,
}

/// Splits the Channels screen's body, inside its border, for `channels` rows and `notes` notes.
pub fn channel_areas(body: Rect, channels: usize, notes: usize) -> ChannelAreas {
    let inner = Block::bordered().inner(body);
    let rows = u16::try_from(channels).unwrap_or(u16::MAX);
    let note_rows = u16::try_from(notes).unwrap_or(u16::MAX);
    let [summary, table, notes, chart, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(rows.saturating_add(1)),
        Constraint::Length(note_rows),
        Constraint::Min(4),
        Constraint::Length(1),
    ])
    .areas(inner);
    ChannelAreas {
        summary,
        table,
        notes,
        chart,
        footer,
    }
}

/// A rectangle of at most `width`×`height` centred in `area`, for popups.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_shrink_when_the_detail_opens() {
        assert_eq!(customer_table_rows((100, 30), false), 30 - 2 - 1 - 3);
        assert!(customer_table_rows((100, 30), true) < customer_table_rows((100, 30), false));
        assert_eq!(customer_table_rows((20, 3), false), 1);
    }

    #[test]
    fn tabs_cover_their_label_and_padding_but_not_the_divider() {
        let tabs = Rect::new(0, 0, 100, 1);
        // " 1 Pipeline │ 2 Customers │ …": Pipeline is 0..=11, the divider 12.
        assert_eq!(tab_at(tabs, 0), Some(Screen::Pipeline));
        assert_eq!(tab_at(tabs, 11), Some(Screen::Pipeline));
        assert_eq!(tab_at(tabs, 12), None);
        assert_eq!(tab_at(tabs, 13), Some(Screen::Customers));
        assert_eq!(tab_at(tabs, 99), None);
    }

    #[test]
    fn rows_count_from_the_top_of_an_area_and_only_inside_it() {
        let area = Rect::new(2, 5, 10, 3);
        assert_eq!(row_in(area, 2, 5), Some(0));
        assert_eq!(row_in(area, 11, 7), Some(2));
        assert_eq!(row_in(area, 12, 7), None);
        assert_eq!(row_in(area, 5, 8), None);
        assert_eq!(row_in(area, 1, 6), None);
    }

    #[test]
    fn popups_never_leave_the_area() {
        let area = Rect::new(0, 0, 30, 10);
        assert_eq!(centered(area, 50, 5), Rect::new(0, 2, 30, 5));
    }
}
