//! State of the customers screen: sort, filter and search over the in-memory index, selection and
//! scrolling. Sorting happens only when the sort or the data changes; a search keystroke only
//! filters, and a longer query only narrows the rows already shown.

pub mod detail;
pub mod filter_view;
pub mod keys;
pub mod view;

use std::cmp::Ordering;

use crate::db::customers::{CustomerDetail, CustomerIndex, CustomerRow};

/// A column of the customers table, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Customer name.
    Name,
    /// Industry.
    Industry,
    /// Region.
    Region,
    /// Owning rep.
    Owner,
    /// Sum of open deals.
    OpenPipeline,
    /// Won revenue over the trailing twelve months.
    Revenue12m,
    /// Most recent activity.
    LastActivity,
}

impl Column {
    /// Every column in display and sort-cycle order.
    pub const ALL: [Column; 7] = [
        Column::Name,
        Column::Industry,
        Column::Region,
        Column::Owner,
        Column::OpenPipeline,
        Column::Revenue12m,
        Column::LastActivity,
    ];

    /// The header text.
    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Industry => "Industry",
            Column::Region => "Region",
            Column::Owner => "Owner",
            Column::OpenPipeline => "Open pipeline",
            Column::Revenue12m => "Revenue 12m",
            Column::LastActivity => "Last activity",
        }
    }

    /// Numbers and dates read best largest or newest first.
    fn descending_by_default(self) -> bool {
        matches!(
            self,
            Column::OpenPipeline | Column::Revenue12m | Column::LastActivity
        )
    }
}

/// The current sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// Sorted by this column.
    pub column: Column,
    /// Largest first when true.
    pub descending: bool,
}

/// A field of the filter editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterField {
    /// The owning rep.
    Owner,
    /// The region.
    Region,
    /// The industry.
    Industry,
}

impl FilterField {
    /// The fields in editor order.
    pub const ALL: [FilterField; 3] = [
        FilterField::Owner,
        FilterField::Region,
        FilterField::Industry,
    ];

    /// The field's label.
    pub fn title(self) -> &'static str {
        match self {
            FilterField::Owner => "Owner",
            FilterField::Region => "Region",
            FilterField::Industry => "Industry",
        }
    }
}

/// Which customers pass; each field is an index into the index's label lists, `None` for any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only customers of this owner.
    pub owner: Option<u32>,
    /// Only customers in this region.
    pub region: Option<u32>,
    /// Only customers in this industry.
    pub industry: Option<u32>,
}

impl Filter {
    /// The value of one field.
    pub fn get(&self, field: FilterField) -> Option<u32> {
        match field {
            FilterField::Owner => self.owner,
            FilterField::Region => self.region,
            FilterField::Industry => self.industry,
        }
    }

    fn set(&mut self, field: FilterField, value: Option<u32>) {
        match field {
            FilterField::Owner => self.owner = value,
            FilterField::Region => self.region = value,
            FilterField::Industry => self.industry = value,
        }
    }

    fn admits(&self, row: &CustomerRow) -> bool {
        self.owner.is_none_or(|o| row.owner == Some(o))
            && self.region.is_none_or(|r| row.region == r)
            && self.industry.is_none_or(|i| row.industry == i)
    }

    /// True when no field restricts anything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

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

/// Every lower-cased name in one buffer, one per line, so a search is a single fast scan of
/// contiguous memory instead of a hundred thousand scattered string look-ups.
#[derive(Debug, Clone, Default, PartialEq)]
struct NameHaystack {
    text: String,
    starts: Vec<usize>,
}

impl NameHaystack {
    fn new(rows: &[CustomerRow]) -> Self {
        let mut text = String::with_capacity(rows.iter().map(|r| r.name_lower.len() + 1).sum());
        let mut starts = Vec::with_capacity(rows.len());
        for row in rows {
            starts.push(text.len());
            text.extend(
                row.name_lower
                    .chars()
                    .map(|c| if c == '\n' { ' ' } else { c }),
            );
            text.push('\n');
        }
        NameHaystack { text, starts }
    }

    /// For each row, whether its name contains `query` (already lower-cased, no newline).
    fn matches(&self, query: &str) -> Vec<bool> {
        let mut hit = vec![false; self.starts.len()];
        for at in memchr::memmem::find_iter(self.text.as_bytes(), query.as_bytes()) {
            let row = self.starts.partition_point(|&start| start <= at) - 1;
            hit[row] = true;
        }
        hit
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

fn compare(index: &CustomerIndex, column: Column, a: &CustomerRow, b: &CustomerRow) -> Ordering {
    match column {
        Column::Name => a.name_lower.cmp(&b.name_lower),
        Column::Industry => a.industry.cmp(&b.industry),
        Column::Region => a.region.cmp(&b.region),
        Column::Owner => owner_name(index, a).cmp(&owner_name(index, b)),
        Column::OpenPipeline => a.open_pipeline.cmp(&b.open_pipeline),
        Column::Revenue12m => a.revenue_12m.cmp(&b.revenue_12m),
        Column::LastActivity => a.last_activity.cmp(&b.last_activity),
    }
}

fn owner_name<'a>(index: &'a CustomerIndex, row: &CustomerRow) -> Option<&'a str> {
    row.owner
        .and_then(|o| index.owners.get(o as usize))
        .map(|o| o.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::customers::Owner;
    use crate::domain::Money;
    use proptest::prelude::*;

    fn row(id: i64, name: &str, region: u32, revenue: i64) -> CustomerRow {
        CustomerRow {
            id,
            name: name.to_string(),
            name_lower: name.to_lowercase(),
            industry: 0,
            region,
            owner: Some((id % 2) as u32),
            open_pipeline: Money(id * 10),
            revenue_12m: Money(revenue),
            last_activity: None,
        }
    }

    fn index(rows: Vec<CustomerRow>) -> CustomerIndex {
        CustomerIndex {
            total: rows.len(),
            complete: true,
            rows,
            industries: vec!["Retail".into()],
            regions: vec!["North".into(), "South".into()],
            owners: vec![
                Owner {
                    id: 1,
                    name: "Ann".into(),
                },
                Owner {
                    id: 2,
                    name: "Bo".into(),
                },
            ],
        }
    }

    fn names(state: &CustomersState) -> Vec<&str> {
        state.visible_rows().map(|r| r.name.as_str()).collect()
    }

    fn sample() -> CustomersState {
        CustomersState::new(index(vec![
            row(1, "Northwind", 0, 500),
            row(2, "Acme", 1, 900),
            row(3, "Zeta Corp", 0, 100),
            row(4, "acme west", 0, 900),
        ]))
    }

    #[test]
    fn starts_sorted_by_name_case_insensitively() {
        assert_eq!(
            names(&sample()),
            ["Acme", "acme west", "Northwind", "Zeta Corp"]
        );
    }

    #[test]
    fn search_narrows_and_widens_case_insensitively() {
        let mut s = sample();
        s.push_query('A');
        s.push_query('C');
        assert_eq!(names(&s), ["Acme", "acme west"]);
        s.push_query('x');
        assert!(names(&s).is_empty());
        s.pop_query();
        assert_eq!(names(&s), ["Acme", "acme west"]);
        s.clear_query();
        assert_eq!(s.visible_len(), 4);
    }

    #[test]
    fn sort_cycles_columns_and_starts_at_the_top() {
        let mut s = sample();
        s.move_by(2);
        assert_eq!(s.selected_row().map(|r| r.id), Some(1));
        while s.sort.column != Column::Revenue12m {
            s.cycle_sort();
        }
        assert!(s.sort.descending);
        assert_eq!(names(&s), ["Acme", "acme west", "Northwind", "Zeta Corp"]);
        assert_eq!(s.selected, 0);
        s.reverse_sort();
        assert_eq!(names(&s), ["Zeta Corp", "Northwind", "Acme", "acme west"]);
    }

    #[test]
    fn new_data_and_filters_keep_the_selected_customer() {
        let mut s = sample();
        s.move_by(2);
        s.replace_index(s.index.clone());
        assert_eq!(s.selected_row().map(|r| r.id), Some(1));
        s.set_filter(FilterField::Region, Some(0));
        assert_eq!(s.selected_row().map(|r| r.id), Some(1));
        s.set_filter(FilterField::Region, Some(1));
        assert_eq!(
            s.selected, 0,
            "a customer filtered away leaves the selection at the top"
        );
    }

    #[test]
    fn filter_steps_through_values_and_back_to_any() {
        let mut s = sample();
        s.step_filter(FilterField::Region, true);
        assert_eq!(s.filter_label(FilterField::Region), "North");
        assert_eq!(names(&s), ["acme west", "Northwind", "Zeta Corp"]);
        s.step_filter(FilterField::Region, true);
        assert_eq!(names(&s), ["Acme"]);
        s.step_filter(FilterField::Region, true);
        assert_eq!(s.filter_label(FilterField::Region), "any");
        assert_eq!(s.visible_len(), 4);
        s.step_filter(FilterField::Owner, false);
        assert_eq!(s.filter_label(FilterField::Owner), "Bo");
        assert!(s.visible_rows().all(|r| r.owner == Some(1)));
    }

    #[test]
    fn scrolling_keeps_the_selection_on_screen() {
        let mut s = CustomersState::new(index(
            (0..50).map(|i| row(i, &format!("C{i:02}"), 0, 0)).collect(),
        ));
        s.move_by(30);
        s.scroll_into_view(10);
        assert_eq!(s.offset, 21);
        s.top();
        s.scroll_into_view(10);
        assert_eq!(s.offset, 0);
        s.move_by(-5);
        assert_eq!(s.selected, 0);
        s.bottom();
        s.scroll_into_view(10);
        assert_eq!((s.selected, s.offset), (49, 40));
    }

    proptest! {
        #[test]
        fn incremental_search_matches_a_fresh_filter(
            names in proptest::collection::vec("[a-cA-C ]{0,6}", 0..40),
            query in "[a-c]{0,3}",
        ) {
            let rows = names.iter().enumerate().map(|(i, n)| row(i as i64, n, 0, 0)).collect();
            let mut typed = CustomersState::new(index(rows));
            for c in query.chars() {
                typed.push_query(c);
            }
            let expected: Vec<i64> = {
                let mut all: Vec<&CustomerRow> = typed.index.rows.iter()
                    .filter(|r| r.name_lower.contains(&query)).collect();
                all.sort_by(|a, b| a.name_lower.cmp(&b.name_lower).then(a.id.cmp(&b.id)));
                all.iter().map(|r| r.id).collect()
            };
            let got: Vec<i64> = typed.visible_rows().map(|r| r.id).collect();
            prop_assert_eq!(got, expected);
            prop_assert!(typed.selected <= typed.visible_len().saturating_sub(1));
        }
    }

    #[test]
    fn name_suggestions_are_the_first_names_alphabetically() {
        let names = [
            "Delta", "alpha", "Charlie", "Bravo", "Alpine", "Echo", "Able",
        ];
        let rows = names
            .iter()
            .enumerate()
            .map(|(i, n)| row(i as i64 + 1, n, 0, 0))
            .collect();
        let state = CustomersState::new(index(rows));
        assert_eq!(state.names_starting_with("a", 2), ["Able", "alpha"]);
        assert_eq!(
            state.names_starting_with("", 3),
            ["Able", "alpha", "Alpine"]
        );
        assert_eq!(state.names_starting_with("zz", 3), Vec::<String>::new());
    }

    #[test]
    fn go_to_prefers_an_exact_name_then_a_prefix_then_a_part() {
        let names = ["Alpine", "alpha", "Charlie", "Alp"];
        let rows = names
            .iter()
            .enumerate()
            .map(|(i, n)| row(i as i64 + 1, n, 0, 0))
            .collect();
        let mut state = CustomersState::new(index(rows));
        state.push_query('c');
        assert_eq!(state.go_to("ALP").as_deref(), Some("Alp"));
        assert!(state.query.is_empty(), "the search is cleared");
        assert_eq!(state.selected_row().map(|r| r.name.as_str()), Some("Alp"));
        assert_eq!(state.go_to("alph").as_deref(), Some("alpha"));
        assert_eq!(state.go_to("arli").as_deref(), Some("Charlie"));
        assert_eq!(
            state.selected_row().map(|r| r.name.as_str()),
            Some("Charlie")
        );
        assert_eq!(state.go_to("  "), None);
        assert_eq!(state.go_to("zulu"), None);
    }
}
