//! The virtual table: a header with the sort mark, a window of rows out of many (rows not yet
//! loaded show as such), the cursor, marked rows, and "row n of N" — for lists too long to load.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::domain::group_thousands;
use crate::tui::widgets::text::fit;

/// One column: its title, its width (0 takes a share of the room left), its alignment, and
/// whether it may be left out when the table is too narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header.
    pub title: &'static str,
    /// Cells wide; 0 shares what the fixed columns leave.
    pub width: u16,
    /// Right-aligned (numbers).
    pub right: bool,
    /// Left out first when the table is narrow.
    pub optional: bool,
    /// For a sharing column (width 0), the most cells it takes (0: no limit); what it leaves
    /// goes to the other sharing columns.
    pub max: u16,
}

/// The styles a table draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStyles {
    /// Cells.
    pub text: Style,
    /// The header.
    pub header: Style,
    /// The cursor's row.
    pub cursor: Style,
    /// Marked rows, rows not loaded yet and the footer.
    pub muted: Style,
    /// The border.
    pub border: Style,
}

/// A window of a long list: the rows from `first` on that fit, as far as they are loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct VirtualTable<'a> {
    /// The columns.
    pub columns: &'a [Column],
    /// The sorted column and whether it is descending.
    pub sort: Option<(usize, bool)>,
    /// Rows in the whole list; `None` while counting.
    pub total: Option<usize>,
    /// The row number of the first row shown.
    pub first: usize,
    /// From `first` on: each row's cells, or `None` while not loaded.
    pub rows: Vec<Option<Vec<String>>>,
    /// Marked (selected) rows among `rows`.
    pub marked: Vec<bool>,
    /// The row number of the cursor.
    pub cursor: usize,
    /// The title on the border.
    pub title: String,
    /// Styles.
    pub styles: TableStyles,
}

/// Data rows a table drawn in `area` shows (border, header excluded).
pub fn body_rows(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(3)).max(1)
}

/// Where the rows of a table drawn in `area` go (inside the border, under the header).
pub fn rows_area(area: Rect) -> Rect {
    let inner = Block::bordered().inner(area);
    Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// The width of each column of `columns` in `width` cells (0 for one left out; never the
/// column `keep`, the sorted one), with one cell between columns and two for the mark.
pub fn widths(columns: &[Column], width: u16, keep: Option<usize>) -> Vec<u16> {
    const FLEX_MIN: u16 = 12;
    let mut shown: Vec<bool> = vec![true; columns.len()];
    loop {
        let fixed: u16 = columns
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| if c.width == 0 { FLEX_MIN } else { c.width } + 1)
            .sum();
        if fixed + 2 <= width {
            break;
        }
        match columns
            .iter()
            .zip(&shown)
            .enumerate()
            .rposition(|(i, (c, s))| *s && c.optional && Some(i) != keep)
        {
            Some(i) => shown[i] = false,
            None => break,
        }
    }
    let fixed: u16 = columns
        .iter()
        .zip(&shown)
        .filter(|(c, s)| **s && c.width > 0)
        .map(|(c, _)| c.width + 1)
        .sum();
    let flex: Vec<usize> = (0..columns.len())
        .filter(|&i| shown[i] && columns[i].width == 0)
        .collect();
    let room = width.saturating_sub(2 + fixed + flex.len() as u16);
    let shares = shares(columns, &flex, room);
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| match (shown[i], c.width) {
            (false, _) => 0,
            (true, 0) => flex.iter().position(|&f| f == i).map_or(0, |at| shares[at]),
            (true, w) => w,
        })
        .collect()
}

/// `room` shared evenly by the sharing columns `flex`, each capped at its `max`; what a capped
/// column leaves goes to the others, the rounding remainder to the first uncapped one.
fn shares(columns: &[Column], flex: &[usize], room: u16) -> Vec<u16> {
    let mut shares = vec![0u16; flex.len()];
    let mut open: Vec<usize> = (0..flex.len()).collect();
    let mut left = room;
    while let Some(&first) = open.first() {
        let share = left / open.len() as u16;
        let capped: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&at| (1..share).contains(&columns[flex[at]].max))
            .collect();
        if capped.is_empty() {
            for &at in &open {
                shares[at] = share;
            }
            shares[first] += left - share * open.len() as u16;
            break;
        }
        for at in capped {
            shares[at] = columns[flex[at]].max;
            left -= shares[at];
            open.retain(|&o| o != at);
        }
    }
    shares
}

impl VirtualTable<'_> {
    /// "row n of N" for the border's foot.
    pub fn position(&self) -> String {
        match self.total {
            Some(0) => "no rows".into(),
            Some(total) => format!(
                "row {} of {}",
                group_thousands((self.cursor + 1).min(total) as u128),
                group_thousands(total as u128)
            ),
            None => "counting…".into(),
        }
    }

    fn line(&self, cells: &[String], widths: &[u16], mark: &str, style: Style) -> Line<'static> {
        let mut text = format!("{mark} ");
        for ((cell, column), width) in cells.iter().zip(self.columns).zip(widths) {
            let width = usize::from(*width);
            if width == 0 {
                continue;
            }
            if column.right && cell.width() <= width {
                text.push_str(&" ".repeat(width - cell.width()));
                text.push_str(cell);
            } else {
                text.push_str(&fit(cell, width));
            }
            text.push(' ');
        }
        Line::from(Span::styled(text, style))
    }
}

impl Widget for VirtualTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::bordered()
            .title(Span::styled(self.title.clone(), self.styles.header))
            .title_bottom(Line::from(format!(" {} ", self.position())).right_aligned())
            .border_style(self.styles.border);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let widths = widths(self.columns, inner.width, self.sort.map(|(s, _)| s));
        let titles: Vec<String> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| match self.sort {
                Some((s, descending)) if s == i => {
                    format!("{}{}", c.title, if descending { "▼" } else { "▲" })
                }
                _ => c.title.to_string(),
            })
            .collect();
        let mut lines = vec![self.line(&titles, &widths, " ", self.styles.header)];
        if self.total == Some(0) {
            lines.push(Line::from(Span::styled("  no deals", self.styles.muted)));
        }
        let rows = usize::from(inner.height.saturating_sub(1));
        for (i, row) in self.rows.iter().enumerate().take(rows) {
            let number = self.first + i;
            let marked = self.marked.get(i).copied().unwrap_or(false);
            let mark = if marked { "✓" } else { " " };
            let style = if number == self.cursor {
                self.styles.cursor
            } else {
                self.styles.text
            };
            lines.push(match row {
                Some(cells) => self.line(cells, &widths, mark, style),
                None => Line::from(Span::styled(format!("{mark} loading…"), self.styles.muted)),
            });
        }
        for (y, line) in (inner.y..inner.bottom()).zip(lines) {
            buf.set_line(inner.x, y, &line, inner.width);
            if line.spans.first().map(|s| s.style) == Some(self.styles.cursor) {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), self.styles.cursor);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 3] = [
        Column {
            title: "Title",
            width: 0,
            right: false,
            optional: false,
            max: 0,
        },
        Column {
            title: "Amount",
            width: 8,
            right: true,
            optional: false,
            max: 0,
        },
        Column {
            title: "Touched",
            width: 10,
            right: false,
            optional: true,
            max: 0,
        },
    ];

    #[test]
    fn flexible_columns_take_the_room_and_optional_ones_go_when_narrow() {
        assert_eq!(widths(&COLUMNS, 40, None), vec![17, 8, 10]);
        assert_eq!(widths(&COLUMNS, 24, None), vec![12, 8, 0]);
        assert_eq!(
            widths(&COLUMNS, 33, Some(2)),
            vec![10, 8, 10],
            "the sorted one stays"
        );
    }

    #[test]
    fn a_capped_sharing_column_leaves_the_rest_to_the_others() {
        let capped = [
            COLUMNS[0],
            Column {
                max: 6,
                ..COLUMNS[0]
            },
            COLUMNS[1],
        ];
        assert_eq!(widths(&capped, 60, None), vec![41, 6, 8]);
        assert_eq!(
            widths(&capped, 30, None),
            vec![11, 6, 8],
            "capped only past its max"
        );
        assert_eq!(widths(&capped, 24, None), vec![6, 5, 8]);
    }

    #[test]
    fn the_foot_counts_from_one_with_separators() {
        let table = VirtualTable {
            columns: &COLUMNS,
            sort: Some((1, true)),
            total: Some(12_345),
            first: 0,
            rows: Vec::new(),
            marked: Vec::new(),
            cursor: 199,
            title: String::new(),
            styles: TableStyles {
                text: Style::default(),
                header: Style::default(),
                cursor: Style::default(),
                muted: Style::default(),
                border: Style::default(),
            },
        };
        assert_eq!(table.position(), "row 200 of 12,345");
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        table.render(Rect::new(0, 0, 40, 4), &mut buf);
        let header: String = (0..40).map(|x| buf[(x, 1)].symbol().to_string()).collect();
        assert!(header.contains("Amount▼"), "{header}");
    }
}
