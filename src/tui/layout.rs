//! Where things go on screen. Drawing and paging both ask here, so a page is what is seen.

use ratatui::layout::{Constraint, Layout, Rect};

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
    fn popups_never_leave_the_area() {
        let area = Rect::new(0, 0, 30, 10);
        assert_eq!(centered(area, 50, 5), Rect::new(0, 2, 30, 5));
    }
}
