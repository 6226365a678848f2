//! The virtual table of every long list (the Customers screen, the pipeline's list view): a
//! window of rows out of many, laid out from the cells on screen by the column fitter (full
//! forms, then compact, then the least important columns dropped), rows not yet loaded shown
//! as such, the cursor, marked rows, a scrollbar and "row n of N" on the border.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap,
};

use crate::domain::group_thousands;
use crate::tui::widgets::columns::{FitColumn, fit_columns};

/// The styles a table draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStyles {
    /// Cells.
    pub text: Style,
    /// The header.
    pub header: Style,
    /// The cursor's row.
    pub cursor: Style,
    /// Rows not loaded yet, an empty list's words and the footer.
    pub muted: Style,
    /// The border.
    pub border: Style,
}

/// A window of a long list: the rows from `first` on that fit, as far as they are loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct VirtualTable<'a> {
    /// The columns, holding the cells of the rows shown (from `first` on, one per row; a row not
    /// loaded yet has empty cells). Headers carry the sort mark.
    pub columns: &'a [FitColumn],
    /// Rows in the whole list; `None` while counting.
    pub total: Option<usize>,
    /// The row number of the first row shown.
    pub first: usize,
    /// For each row shown, whether it is loaded.
    pub loaded: Vec<bool>,
    /// For each row shown, whether it is marked (selected); `None` for a table without marks.
    pub marked: Option<Vec<bool>>,
    /// The row number of the cursor.
    pub cursor: usize,
    /// The title on the border.
    pub title: String,
    /// What an empty list says.
    pub empty: String,
    /// Styles.
    pub styles: TableStyles,
}

/// Data rows a table drawn in `area` shows (border, header excluded).
pub fn body_rows(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(3)).max(1)
}

/// Where the rows of a table drawn in `area` go (inside the border, under the header).
pub fn rows_area(area: Rect) -> Rect {
    let inner = area.inner(Margin::new(1, 1));
    Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    }
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

    /// The mark column's text for row `i` of those shown (nothing in a table without marks).
    fn mark(&self, i: Option<usize>) -> &'static str {
        match (&self.marked, i) {
            (None, _) => "",
            (Some(marked), Some(i)) if marked.get(i).copied().unwrap_or(false) => "✓ ",
            (Some(_), _) => "  ",
        }
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
        if self.total == Some(0) {
            Paragraph::new(self.empty.clone())
                .style(self.styles.muted)
                .wrap(Wrap { trim: true })
                .render(inner.inner(Margin::new(1, 1)), buf);
            return;
        }
        let rows = body_rows(area);
        let scrolls = self.total.is_some_and(|total| total > rows);
        let marks = u16::try_from(self.mark(None).len()).unwrap_or(0);
        // The scrollbar goes on the right border, not over the cells.
        let room = inner.width.saturating_sub(marks);
        let fitted = fit_columns(self.columns, room, 1);
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "{}{}",
                self.mark(None),
                fitted.padded_header(self.columns).join(" ")
            ),
            self.styles.header,
        ))];
        for (i, loaded) in self.loaded.iter().enumerate().take(rows) {
            let style = if self.first + i == self.cursor {
                self.styles.cursor
            } else {
                self.styles.text
            };
            lines.push(if *loaded {
                let cells = fitted.padded_row(self.columns, i).join(" ");
                Line::from(Span::styled(
                    format!("{}{cells}", self.mark(Some(i))),
                    style,
                ))
            } else {
                Line::from(Span::styled(
                    format!("{}loading…", self.mark(Some(i))),
                    self.styles.muted,
                ))
            });
        }
        let width = inner.width;
        for (y, line) in (inner.y..inner.bottom()).zip(lines) {
            buf.set_line(inner.x, y, &line, width);
            if line.spans.first().map(|s| s.style) == Some(self.styles.cursor) {
                buf.set_style(Rect::new(inner.x, y, width, 1), self.styles.cursor);
            }
        }
        if let (true, Some(total)) = (scrolls, self.total) {
            let mut state = ScrollbarState::new(total.saturating_sub(rows)).position(self.first);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .style(self.styles.border)
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[FitColumn], total: usize, cursor: usize) -> VirtualTable<'_> {
        VirtualTable {
            columns,
            total: Some(total),
            first: 0,
            loaded: vec![true, false],
            marked: Some(vec![true, false]),
            cursor,
            title: String::new(),
            empty: "nothing here".into(),
            styles: TableStyles {
                text: Style::default(),
                header: Style::default(),
                cursor: Style::default(),
                muted: Style::default(),
                border: Style::default(),
            },
        }
    }

    fn text(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn the_foot_counts_from_one_and_rows_show_marks_cells_and_loading() {
        let columns = [
            FitColumn::text("Deal", vec!["Core Pro".into(), String::new()], 0, 20),
            FitColumn::number(
                ("Amount▼", "Amt▼"),
                vec!["$12,000".into(), String::new()],
                vec!["$12.0k".into(), String::new()],
                1,
            ),
        ];
        let table = table(&columns, 12_345, 199);
        assert_eq!(table.position(), "row 200 of 12,345");
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 6));
        table.render(Rect::new(0, 0, 40, 6), &mut buf);
        assert!(
            text(&buf, 1).contains("  Deal     Amount▼"),
            "{}",
            text(&buf, 1)
        );
        assert!(
            text(&buf, 2).contains("✓ Core Pro $12,000"),
            "{}",
            text(&buf, 2)
        );
        assert!(text(&buf, 3).contains("  loading…"), "{}", text(&buf, 3));
        assert!(
            text(&buf, 5).contains("row 200 of 12,345"),
            "{}",
            text(&buf, 5)
        );
    }

    #[test]
    fn an_empty_list_says_so() {
        let columns = [FitColumn::text("Deal", vec![], 0, 20)];
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 5));
        table(&columns, 0, 0).render(Rect::new(0, 0, 30, 5), &mut buf);
        assert!(text(&buf, 2).contains("nothing here"), "{}", text(&buf, 2));
        assert!(text(&buf, 4).contains("no rows"), "{}", text(&buf, 4));
    }
}
