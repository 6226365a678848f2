//! State of the customers screen: sort, filter and search over the in-memory index, selection and
//! scrolling. Sorting happens only when the sort or the data changes; a search keystroke only
//! filters, and a longer query only narrows the rows already shown.

pub mod columns;
pub mod detail;
pub mod filter_view;
mod haystack;
pub mod keys;
pub mod update;
pub mod view;

use crate::db::customers::{CustomerDetail, CustomerIndex, CustomerRow};
use crate::tui::keymap::binding::Context;
use crate::tui::screens::customers::columns::compare;
pub use crate::tui::screens::customers::columns::{Column, Filter, FilterField, Sort};
use crate::tui::screens::customers::haystack::NameHaystack;

/// What the detail pane shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// The pane is closed.
    Closed,
    /// Waiting for the worker to load this customer.
    Loading(i64),
    /// Loaded.
    Shown(Box<CustomerDetail>),
    /// Loading failed or the customer is gone; the words say which.
    Unavailable(i64, String),
}

impl Detail {
    /// The customer the pane is about, if open.
    pub fn customer_id(&self) -> Option<i64> {
        match self {
            Detail::Closed => None,
            Detail::Loading(id) | Detail::Unavailable(id, _) => Some(*id),
            Detail::Shown(d) => Some(d.id),
        }
    }
}

/// Everything the customers screen shows and remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomersState {
    /// The rows and label lists.
    pub index: CustomerIndex,
    haystack: NameHaystack,
    sorted: Vec<u32>,
    visible: Vec<u32>,
    /// Current sort.
    pub sort: Sort,
    /// Current filter.
    pub filter: Filter,
    /// Current search text.
    pub query: String,
    /// True while the search box has the keys.
    pub searching: bool,
    /// The filter field being edited, while the editor is open.
    pub filter_editor: Option<FilterField>,
    /// Position of the selection in the visible rows.
    pub selected: usize,
    /// First visible row of the table.
    pub offset: usize,
    /// The detail pane.
    pub detail: Detail,
    /// Only these customers, after a drill-down from the Tiers screen.
    pub only: Option<OnlyCustomers>,
}

/// A set of customers the table is narrowed to, with what the set is.
#[derive(Debug, Clone, PartialEq)]
pub struct OnlyCustomers {
    /// What they are, e.g. "tier A" or "Champions".
    pub label: String,
    /// Their ids.
    pub ids: std::collections::HashSet<i64>,
}

impl CustomersState {
    /// The key-map contexts that apply on the customers screen now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.filter_editor.is_some() {
            return vec![Context::Filter];
        }
        if self.searching {
            return vec![Context::Search];
        }
        vec![Context::Customers, Context::Global]
    }

    /// Shows every customer again (no search, filter or drill-down) with the one named `name`
    /// selected: an exact match (ignoring case) first, then the first name starting with it, then
    /// the first containing it. Returns the name found.
    pub fn go_to(&mut self, name: &str) -> Option<String> {
        let wanted = name.trim().to_lowercase();
        if wanted.is_empty() {
            return None;
        }
        let rows = &self.index.rows;
        let found = rows
            .iter()
            .find(|r| r.name_lower == wanted)
            .or_else(|| rows.iter().find(|r| r.name_lower.starts_with(&wanted)))
            .or_else(|| rows.iter().find(|r| r.name_lower.contains(&wanted)))
            .map(|r| (r.id, r.name.clone()))?;
        self.query.clear();
        self.searching = false;
        self.filter = Filter::default();
        self.only = None;
        self.refilter();
        self.select_id(Some(found.0));
        Some(found.1)
    }

    /// Customer names starting with `prefix` (ignoring case), alphabetically, at most `limit`.
    pub fn names_starting_with(&self, prefix: &str, limit: usize) -> Vec<String> {
        let prefix = prefix.to_lowercase();
        let mut found: Vec<&CustomerRow> = self
            .index
            .rows
            .iter()
            .filter(|r| r.name_lower.starts_with(&prefix))
            .collect();
        let by_name = |a: &&CustomerRow, b: &&CustomerRow| a.name_lower.cmp(&b.name_lower);
        if found.len() > limit {
            found.select_nth_unstable_by(limit, by_name);
            found.truncate(limit);
        }
        found.sort_by(by_name);
        found.into_iter().map(|r| r.name.clone()).collect()
    }

    /// Narrows the table to `only` (or shows every customer again with `None`), on its first row.
    pub fn show_only(&mut self, only: Option<OnlyCustomers>) {
        self.only = only;
        self.refilter();
        self.selected = 0;
        self.offset = 0;
    }

    /// A state over `index`, sorted by name.
    pub fn new(index: CustomerIndex) -> Self {
        let mut state = CustomersState {
            haystack: NameHaystack::new(&index.rows),
            index,
            sorted: Vec::new(),
            visible: Vec::new(),
            sort: Sort {
                column: Column::Name,
                descending: false,
            },
            filter: Filter::default(),
            query: String::new(),
            searching: false,
            filter_editor: None,
            selected: 0,
            offset: 0,
            detail: Detail::Closed,
            only: None,
        };
        state.resort();
        state
    }

    /// Replaces the data (the full index arrived, or a reload), keeping sort, filter, search and
    /// the selected customer.
    pub fn replace_index(&mut self, index: CustomerIndex) {
        let keep = self.selected_row().map(|r| r.id);
        self.haystack = NameHaystack::new(&index.rows);
        self.index = index;
        self.resort_keeping(keep);
    }

    /// The visible rows, in order.
    pub fn visible_rows(&self) -> impl ExactSizeIterator<Item = &CustomerRow> + '_ {
        self.visible.iter().map(|&i| &self.index.rows[i as usize])
    }

    /// How many rows pass the filter and search.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The visible row at `position`.
    pub fn visible_row(&self, position: usize) -> Option<&CustomerRow> {
        self.visible
            .get(position)
            .map(|&i| &self.index.rows[i as usize])
    }

    /// The selected row, if any row is visible.
    pub fn selected_row(&self) -> Option<&CustomerRow> {
        self.visible_row(self.selected)
    }

    /// Adds a character to the search; only the rows already shown need checking.
    pub fn push_query(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let keep = self.selected_row().map(|r| r.id);
        self.query.extend(c.to_lowercase());
        let hit = self.haystack.matches(&self.query);
        self.visible.retain(|&i| hit[i as usize]);
        self.select_id(keep);
    }

    /// Removes the last character of the search.
    pub fn pop_query(&mut self) {
        if self.query.pop().is_some() {
            self.refilter_keeping(self.selected_row().map(|r| r.id));
        }
    }

    /// Clears the search.
    pub fn clear_query(&mut self) {
        if !self.query.is_empty() {
            self.query.clear();
            self.refilter_keeping(self.selected_row().map(|r| r.id));
        }
    }

    /// Sorts by the next column, in that column's natural direction, and goes to the top: after
    /// a new sort the manager wants the leaders, not the old row somewhere in the middle.
    pub fn cycle_sort(&mut self) {
        let i = Column::ALL
            .iter()
            .position(|c| *c == self.sort.column)
            .unwrap_or(0);
        let column = Column::ALL[(i + 1) % Column::ALL.len()];
        self.sort = Sort {
            column,
            descending: column.descending_by_default(),
        };
        self.resort_keeping(None);
    }

    /// Reverses the current sort and goes to the top.
    pub fn reverse_sort(&mut self) {
        self.sort.descending = !self.sort.descending;
        self.resort_keeping(None);
    }

    /// How many values a filter field can take (besides "any").
    pub fn filter_choices(&self, field: FilterField) -> usize {
        match field {
            FilterField::Owner => self.index.owners.len(),
            FilterField::Region => self.index.regions.len(),
            FilterField::Industry => self.index.industries.len(),
        }
    }

    /// The label of a filter field's current value.
    pub fn filter_label(&self, field: FilterField) -> &str {
        let Some(i) = self.filter.get(field) else {
            return "any";
        };
        let i = i as usize;
        match field {
            FilterField::Owner => self.index.owners.get(i).map(|o| o.name.as_str()),
            FilterField::Region => self.index.regions.get(i).map(String::as_str),
            FilterField::Industry => self.index.industries.get(i).map(String::as_str),
        }
        .unwrap_or("?")
    }

    /// Steps a filter field through any → first … last → any (forward) or back.
    pub fn step_filter(&mut self, field: FilterField, forward: bool) {
        let n = self.filter_choices(field) as u32;
        let next = match (self.filter.get(field), forward) {
            (_, _) if n == 0 => None,
            (None, true) => Some(0),
            (None, false) => Some(n - 1),
            (Some(v), true) => (v + 1 < n).then_some(v + 1),
            (Some(v), false) => v.checked_sub(1),
        };
        self.set_filter(field, next);
    }

    /// Sets a filter field to a value (or any) and re-filters.
    pub fn set_filter(&mut self, field: FilterField, value: Option<u32>) {
        self.filter.set(field, value);
        self.refilter_keeping(self.selected_row().map(|r| r.id));
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects the first row.
    pub fn top(&mut self) {
        self.selected = 0;
    }

    /// Selects the last row.
    pub fn bottom(&mut self) {
        self.selected = self.visible.len().saturating_sub(1);
    }

    /// Adjusts the scroll offset so the selection shows in a table of `rows` rows.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let max_offset = self.visible.len().saturating_sub(rows);
        self.offset = self.offset.min(max_offset);
    }

    fn resort_keeping(&mut self, keep: Option<i64>) {
        self.resort();
        self.select_id(keep);
    }

    fn resort(&mut self) {
        let rows = &self.index.rows;
        let mut sorted: Vec<u32> = (0..rows.len() as u32).collect();
        let sort = self.sort;
        let index = &self.index;
        sorted.sort_by(|&a, &b| {
            let (ra, rb) = (&rows[a as usize], &rows[b as usize]);
            let primary = compare(index, sort.column, ra, rb);
            let primary = if sort.descending {
                primary.reverse()
            } else {
                primary
            };
            primary
                .then_with(|| ra.name_lower.cmp(&rb.name_lower))
                .then(ra.id.cmp(&rb.id))
        });
        self.sorted = sorted;
        self.refilter();
    }

    fn refilter_keeping(&mut self, keep: Option<i64>) {
        self.refilter();
        self.select_id(keep);
    }

    fn refilter(&mut self) {
        let rows = &self.index.rows;
        let filter = self.filter;
        let only = self.only.as_ref();
        let hit = (!self.query.is_empty()).then(|| self.haystack.matches(&self.query));
        self.visible = self
            .sorted
            .iter()
            .copied()
            .filter(|&i| {
                filter.admits(&rows[i as usize])
                    && hit.as_ref().is_none_or(|h| h[i as usize])
                    && only.is_none_or(|o| o.ids.contains(&rows[i as usize].id))
            })
            .collect();
    }

    fn select_id(&mut self, id: Option<i64>) {
        let found = id.and_then(|id| self.visible_rows().position(|r| r.id == id));
        self.selected = found.unwrap_or(0);
    }
}

#[cfg(test)]
mod tests;
