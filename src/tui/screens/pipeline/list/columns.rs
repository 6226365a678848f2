//! The list view's columns, laid out from the rows on screen: each column's header (the sorted
//! one marked), cells in full and compact form, how wide text may grow and which columns give
//! way first on a narrow screen.

use chrono::NaiveDate;

use crate::config::DateFormat;
use crate::db::reads::{ListRow, SortColumn};
use crate::tui::screens::pipeline::list::DealList;
use crate::tui::widgets::columns::FitColumn;

/// A column's header, the widest its text may grow (0 for a number), the narrowest it may be
/// cut to before other columns give way, and its priority (lower gives way first).
fn spec(column: SortColumn) -> (&'static str, u16, u16, u8) {
    match column {
        SortColumn::Title => ("Deal", 40, 14, 9),
        SortColumn::Customer => ("Customer", 30, 13, 6),
        SortColumn::Owner => ("Owner", 20, 12, 3),
        SortColumn::Stage => ("Stage", 12, 12, 5),
        SortColumn::Amount => ("Amount", 0, 0, 8),
        SortColumn::ExpectedClose => ("Closes", 12, 12, 4),
        SortColumn::Age => ("Age", 0, 0, 1),
        SortColumn::LastTouch => ("Touched", 12, 12, 2),
    }
}

/// A row's cell of `column` in full and in compact form.
fn cell(row: &ListRow, column: SortColumn, dates: &DateFormat) -> (String, String) {
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "—".into(), |d| dates.show(d));
    let text = match column {
        SortColumn::Amount => return (row.amount.whole(), row.amount.compact()),
        SortColumn::Title => row.title.clone(),
        SortColumn::Customer => row.customer.clone().unwrap_or_else(|| "—".into()),
        SortColumn::Owner => row.owner.clone().unwrap_or_else(|| "—".into()),
        SortColumn::Stage => row.stage.clone(),
        SortColumn::ExpectedClose => day(row.expected_close_on),
        SortColumn::Age => row.age_days.map_or_else(|| "—".into(), |d| format!("{d}d")),
        SortColumn::LastTouch => day(row.last_touch),
    };
    (text.clone(), text)
}

/// The columns of the rows `window` (from the list's first row shown on; `None` while a row
/// loads), in [`SortColumn::ALL`] order; the sorted column is marked and, like the deal, never dropped.
pub fn columns(list: &DealList, window: &[Option<&ListRow>], dates: &DateFormat) -> Vec<FitColumn> {
    SortColumn::ALL
        .into_iter()
        .map(|column| {
            let (title, max, min, priority) = spec(column);
            let sorted = column == list.sort;
            let arrow = match (sorted, list.descending) {
                (false, _) => "",
                (true, true) => "▼",
                (true, false) => "▲",
            };
            let header = format!("{title}{arrow}");
            let priority = if sorted || column == SortColumn::Title {
                0
            } else {
                priority
            };
            let (full, compact): (Vec<String>, Vec<String>) = window
                .iter()
                .map(|row| row.map_or_else(Default::default, |r| cell(r, column, dates)))
                .unzip();
            if max == 0 {
                FitColumn::number((&header, &header), full, compact, priority)
            } else {
                FitColumn::text(&header, full, priority, max).shrinks_to(min)
            }
        })
        .collect()
}
