//! Table columns laid out from their content: each column as wide as its widest cell (within a
//! cap), numbers switched to their compact form when the full ones do not fit, and the least
//! important columns dropped before anything is cut.

use unicode_width::UnicodeWidthStr;

use crate::tui::widgets::text::fit;

/// One column to lay out, with every row's text in full and in compact form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FitColumn {
    /// The header in full (`Revenue now`) and short (`Rev now`).
    pub header: (String, String),
    /// Each row's cell in full (`$12,346`).
    pub full: Vec<String>,
    /// Each row's cell in compact form (`$12.3k`); the same as `full` for text.
    pub compact: Vec<String>,
    /// Lower numbers are dropped first when the table does not fit; 0 is never dropped.
    pub priority: u8,
    /// The widest the column may grow (long names are ellipsised at this width).
    pub max: u16,
    /// For text, the narrowest it may be cut to (with "…") before columns are dropped; the
    /// same as `max` unless set with [`FitColumn::shrinks_to`].
    pub min: u16,
    /// Numbers read right-aligned.
    pub right_aligned: bool,
}

impl FitColumn {
    /// A text column (names, labels): the same text in both forms, capped at `max` cells.
    pub fn text(header: &str, cells: Vec<String>, priority: u8, max: u16) -> FitColumn {
        FitColumn {
            header: (header.to_string(), header.to_string()),
            compact: cells.clone(),
            full: cells,
            priority,
            max,
            min: max,
            right_aligned: false,
        }
    }

    /// The same text column, allowed to be cut to `min` cells on a narrow screen before less
    /// important columns are dropped; it grows back into any room left over.
    pub fn shrinks_to(self, min: u16) -> FitColumn {
        FitColumn { min, ..self }
    }

    /// A number column with a full and a compact form of each cell and of the header.
    pub fn number(
        header: (&str, &str),
        full: Vec<String>,
        compact: Vec<String>,
        priority: u8,
    ) -> FitColumn {
        FitColumn {
            header: (header.0.to_string(), header.1.to_string()),
            full,
            compact,
            priority,
            max: u16::MAX,
            min: u16::MAX,
            right_aligned: true,
        }
    }

    fn width(&self, compact: bool) -> u16 {
        let (header, cells) = if compact {
            (&self.header.1, &self.compact)
        } else {
            (&self.header.0, &self.full)
        };
        let widest = cells
            .iter()
            .map(|c| c.width())
            .chain([header.width()])
            .max()
            .unwrap_or(0);
        let cap = if compact { self.min } else { self.max };
        (widest.min(usize::from(u16::MAX)) as u16).min(cap)
    }
}

/// How the columns were laid out: per column its width (`None` when dropped), and whether cells
/// and headers are in compact form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittedColumns {
    /// Width of each column in cells; `None` for a dropped column.
    pub widths: Vec<Option<u16>>,
    /// True when the compact forms are shown.
    pub compact: bool,
}

impl FittedColumns {
    /// The header and cells of the columns kept, in the chosen form.
    pub fn header<'a>(&self, columns: &'a [FitColumn]) -> Vec<&'a str> {
        self.kept(columns)
            .map(|c| {
                if self.compact {
                    c.header.1.as_str()
                } else {
                    c.header.0.as_str()
                }
            })
            .collect()
    }

    /// Row `row`'s cells of the columns kept, in the chosen form.
    pub fn row<'a>(&self, columns: &'a [FitColumn], row: usize) -> Vec<&'a str> {
        self.kept(columns)
            .map(|c| {
                let cells = if self.compact { &c.compact } else { &c.full };
                cells.get(row).map_or("", String::as_str)
            })
            .collect()
    }

    /// The header cells of the columns kept, each padded or ellipsised to its width.
    pub fn padded_header(&self, columns: &[FitColumn]) -> Vec<String> {
        self.pad(columns, self.header(columns))
    }

    /// Row `row`'s cells of the columns kept, each padded or ellipsised to its width, numbers
    /// right-aligned.
    pub fn padded_row(&self, columns: &[FitColumn], row: usize) -> Vec<String> {
        self.pad(columns, self.row(columns, row))
    }

    fn pad(&self, columns: &[FitColumn], texts: Vec<&str>) -> Vec<String> {
        self.kept(columns)
            .zip(texts)
            .zip(self.kept_widths())
            .map(|((column, text), width)| {
                let width = usize::from(width);
                if column.right_aligned && text.width() <= width {
                    format!("{text:>width$}")
                } else {
                    fit(text, width)
                }
            })
            .collect()
    }

    /// The widths of the columns kept.
    pub fn kept_widths(&self) -> Vec<u16> {
        self.widths.iter().flatten().copied().collect()
    }

    fn kept<'a>(&self, columns: &'a [FitColumn]) -> std::vec::IntoIter<&'a FitColumn> {
        columns
            .iter()
            .zip(&self.widths)
            .filter(|(_, w)| w.is_some())
            .map(|(c, _)| c)
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// Lays `columns` out in `width` cells with `spacing` cells between columns: full forms when
/// they fit, else compact forms, else compact with the lowest-priority columns dropped one by one.
/// A column of priority 0 is never dropped; whatever is left is then narrowed from its cap.
pub fn fit_columns(columns: &[FitColumn], width: u16, spacing: u16) -> FittedColumns {
    let total = |widths: &[Option<u16>]| -> u32 {
        let kept: Vec<u32> = widths.iter().flatten().map(|w| u32::from(*w)).collect();
        kept.iter().sum::<u32>() + u32::from(spacing) * kept.len().saturating_sub(1) as u32
    };
    for compact in [false, true] {
        let widths: Vec<Option<u16>> = columns.iter().map(|c| Some(c.width(compact))).collect();
        if total(&widths) <= u32::from(width) {
            let widths = grown(columns, widths, width, total);
            return FittedColumns { widths, compact };
        }
    }
    let mut widths: Vec<Option<u16>> = columns.iter().map(|c| Some(c.width(true))).collect();
    let mut order: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].priority > 0)
        .collect();
    order.sort_by_key(|&i| (columns[i].priority, std::cmp::Reverse(i)));
    for i in order {
        if total(&widths) <= u32::from(width) {
            break;
        }
        widths[i] = None;
    }
    let over = total(&widths).saturating_sub(u32::from(width));
    if over > 0
        && let Some(first) = widths.iter_mut().flatten().next()
    {
        *first = first
            .saturating_sub(over.min(u32::from(u16::MAX)) as u16)
            .max(1);
    }
    FittedColumns {
        widths: grown(columns, widths, width, total),
        compact: true,
    }
}

/// `widths` with the room left in `width` given back to text columns cut below their full
/// width, left to right.
fn grown(
    columns: &[FitColumn],
    mut widths: Vec<Option<u16>>,
    width: u16,
    total: impl Fn(&[Option<u16>]) -> u32,
) -> Vec<Option<u16>> {
    let mut spare = u32::from(width).saturating_sub(total(&widths));
    for (column, kept) in columns.iter().zip(widths.iter_mut()) {
        if let (false, Some(now)) = (column.right_aligned, kept.as_mut()) {
            let more = u32::from(column.width(false).saturating_sub(*now)).min(spare);
            *now += more as u16;
            spare -= more;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<FitColumn> {
        vec![
            FitColumn::text("Channel", vec!["Paid Search".into()], 0, 20),
            FitColumn::number(
                ("Spend now", "Now"),
                vec!["$58,100".into()],
                vec!["$58.1k".into()],
                3,
            ),
            FitColumn::number(
                ("Revenue now", "Rev now"),
                vec!["$153,074".into()],
                vec!["$153k".into()],
                1,
            ),
        ]
    }

    #[test]
    fn full_forms_when_they_fit_compact_next_then_columns_dropped_by_priority() {
        let cols = columns();
        let wide = fit_columns(&cols, 80, 1);
        assert_eq!(wide.widths, vec![Some(11), Some(9), Some(11)]);
        assert!(!wide.compact);
        assert_eq!(
            wide.row(&cols, 0),
            vec!["Paid Search", "$58,100", "$153,074"]
        );

        let middle = fit_columns(&cols, 28, 1);
        assert!(middle.compact);
        assert_eq!(middle.widths, vec![Some(11), Some(6), Some(7)]);
        assert_eq!(middle.header(&cols), vec!["Channel", "Now", "Rev now"]);

        let narrow = fit_columns(&cols, 20, 1);
        assert_eq!(
            narrow.widths,
            vec![Some(11), Some(6), None],
            "revenue goes first"
        );
        assert_eq!(narrow.row(&cols, 0), vec!["Paid Search", "$58.1k"]);
        assert_eq!(
            narrow.padded_header(&cols),
            vec!["Channel    ".to_string(), "   Now".to_string()],
            "numbers and their headers are right-aligned"
        );
    }

    #[test]
    fn text_is_capped_and_only_the_never_dropped_column_narrows_at_the_end() {
        let mut cols = columns();
        cols[0].full = vec!["A very long channel name indeed".into()];
        cols[0].compact = cols[0].full.clone();
        assert_eq!(fit_columns(&cols, 200, 1).widths[0], Some(20));
        let tiny = fit_columns(&cols, 8, 1);
        assert_eq!(tiny.widths, vec![Some(8), None, None]);
    }
}
