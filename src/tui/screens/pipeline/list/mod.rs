//! The pipeline as a list beside the board (`v`): every open deal in a virtual table read a
//! page at a time, sortable by each column, filtered by the board's filter, with saved views
//! and their counts, and deals selected for a bulk change.

pub mod bulk;
pub mod columns;
pub mod keys;
pub mod update;
pub mod view;

use std::collections::BTreeSet;

use crate::db::board::BoardFilter;
use crate::db::reads::{ListQuery, ListRow, SavedView, SortColumn};
use bulk::BulkStep;

/// Rows one page request reads.
pub const PAGE_ROWS: usize = 200;

/// The name `:view NAME` takes for a saved view (`all` is no view).
pub fn view_name(view: Option<SavedView>) -> &'static str {
    match view {
        None => "all",
        Some(SavedView::Stale) => "stale",
        Some(SavedView::Slipped) => "slipped",
        Some(SavedView::NoCloseDate) => "undated",
        Some(SavedView::ClosingThisMonth) => "month",
        Some(SavedView::ClosingThisQuarter) => "quarter",
        Some(SavedView::BiggestOpen) => "biggest",
    }
}

/// Every choice of view, no view (`all`) first.
pub fn views() -> impl Iterator<Item = Option<SavedView>> {
    std::iter::once(None).chain(SavedView::ALL.into_iter().map(Some))
}

/// The view named `name` by `:view`.
pub fn view_by_name(name: &str) -> Option<Option<SavedView>> {
    views().find(|v| view_name(*v) == name.trim())
}

/// The sort a view opens with: what a manager looks at first in it.
fn natural_sort(view: Option<SavedView>) -> (SortColumn, bool) {
    match view {
        Some(SavedView::Stale) => (SortColumn::LastTouch, false),
        Some(SavedView::Slipped | SavedView::ClosingThisMonth | SavedView::ClosingThisQuarter) => {
            (SortColumn::ExpectedClose, false)
        }
        Some(SavedView::NoCloseDate) => (SortColumn::Age, true),
        Some(SavedView::BiggestOpen) | None => (SortColumn::Amount, true),
    }
}

/// The list view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct DealList {
    /// True while the list is shown instead of the board.
    pub shown: bool,
    /// The saved view, or `None` for every open deal.
    pub view: Option<SavedView>,
    /// The sorted column.
    pub sort: SortColumn,
    /// Descending (for Age: oldest first).
    pub descending: bool,
    /// Deals in the list; `None` until counted.
    pub total: Option<usize>,
    /// The row number of `rows[0]`.
    pub first: usize,
    /// The loaded rows.
    pub rows: Vec<ListRow>,
    /// The offset of a page asked for and not yet here.
    pub asked: Option<usize>,
    /// True when the loaded rows are out of date (a change, a new sort or filter).
    pub dirty: bool,
    /// The row number of the cursor.
    pub cursor: usize,
    /// The first row shown.
    pub top: usize,
    /// Selected deals.
    pub selected: BTreeSet<i64>,
    /// True when every deal of the view is selected.
    pub all_selected: bool,
    /// Each saved view's count; `None` until counted.
    pub counts: Option<Vec<(SavedView, usize)>>,
    /// The pipeline the board shows (`None`: all), whose deals the counts cover.
    pub pipeline_id: Option<i64>,
    /// The bulk change being put together, while its popup is open.
    pub bulk: Option<BulkStep>,
}

impl Default for DealList {
    fn default() -> Self {
        DealList {
            shown: false,
            view: None,
            sort: SortColumn::Amount,
            descending: true,
            total: None,
            first: 0,
            rows: Vec::new(),
            asked: None,
            dirty: true,
            cursor: 0,
            top: 0,
            selected: BTreeSet::new(),
            all_selected: false,
            counts: None,
            pipeline_id: None,
            bulk: None,
        }
    }
}

impl DealList {
    /// The query of the page at `offset` under `filter`.
    pub fn query(&self, filter: &BoardFilter, stale_days: u32, offset: usize) -> ListQuery {
        // Age ascending means youngest first: the created date descending.
        let descending = if self.sort == SortColumn::Age {
            !self.descending
        } else {
            self.descending
        };
        ListQuery {
            view: self.view,
            pipeline_id: filter.pipeline_id,
            stage: None,
            owner_rep_id: filter.rep_id,
            team: filter.team.clone(),
            product_id: filter.product_id,
            closes_between: filter
                .close_quarter
                .and_then(|q| Some((q.first_day()?, q.last_day()?))),
            text: None,
            sort: self.sort,
            descending,
            offset,
            limit: PAGE_ROWS,
            stale_days,
        }
    }

    /// The loaded row at row number `n`.
    pub fn row(&self, n: usize) -> Option<&ListRow> {
        n.checked_sub(self.first).and_then(|i| self.rows.get(i))
    }

    /// The deal under the cursor, when loaded.
    pub fn current(&self) -> Option<&ListRow> {
        self.row(self.cursor)
    }

    /// Switches to `view` with its natural sort; the selection is dropped.
    pub fn choose_view(&mut self, view: Option<SavedView>) {
        self.view = view;
        (self.sort, self.descending) = natural_sort(view);
        self.restart();
    }

    /// Starts again at the top (a new view, sort or filter): rows are read afresh.
    pub fn restart(&mut self) {
        self.cursor = 0;
        self.top = 0;
        self.selected.clear();
        self.all_selected = false;
        self.refresh();
    }

    /// Marks the rows out of date, keeping the cursor (after a change is saved).
    pub fn refresh(&mut self) {
        self.dirty = true;
        self.asked = None;
    }

    /// Keeps the cursor inside the list and the window of `rows` rows around it.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if let Some(total) = self.total {
            self.cursor = self.cursor.min(total.saturating_sub(1));
        }
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + rows {
            self.top = self.cursor + 1 - rows;
        }
    }

    /// The offset of the page to ask for so that rows `top..top + rows` are loaded, if any.
    pub fn page_wanted(&self, rows: usize) -> Option<usize> {
        let end = self
            .total
            .map_or(self.top + rows, |t| (self.top + rows).min(t));
        let loaded = self.first..self.first + self.rows.len();
        let covered = self.top >= loaded.start && end <= loaded.end;
        if covered && !self.dirty {
            return None;
        }
        let offset = self.top.saturating_sub(PAGE_ROWS / 4);
        (self.asked != Some(offset)).then_some(offset)
    }

    /// How many deals the selection holds.
    pub fn selected_count(&self) -> usize {
        if self.all_selected {
            self.total.unwrap_or(0)
        } else {
            self.selected.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_asked_for_only_when_the_window_leaves_the_loaded_rows() {
        let mut list = DealList {
            total: Some(1_000),
            dirty: false,
            ..DealList::default()
        };
        assert_eq!(list.page_wanted(20), Some(0));
        list.rows = vec![
            ListRow {
                id: 1,
                title: String::new(),
                customer: None,
                owner: None,
                stage: "Lead".into(),
                amount: crate::domain::Money(0),
                expected_close_on: None,
                age_days: None,
                last_touch: None,
            };
            PAGE_ROWS
        ];
        assert_eq!(list.page_wanted(20), None);
        list.cursor = 250;
        list.scroll_into_view(20);
        assert_eq!(list.top, 231);
        assert_eq!(list.page_wanted(20), Some(181));
        list.asked = Some(181);
        assert_eq!(list.page_wanted(20), None, "asked once");
        list.cursor = 5_000;
        list.scroll_into_view(20);
        assert_eq!(list.cursor, 999, "the cursor stays in the list");
    }

    #[test]
    fn views_read_back_by_name() {
        for view in views() {
            assert_eq!(view_by_name(view_name(view)), Some(view));
        }
        assert_eq!(view_by_name("nope"), None);
    }
}
