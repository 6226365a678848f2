//! The customers table's columns, sort and filter: what a row is compared and filtered by.

use std::cmp::Ordering;

use crate::db::customers::{CustomerIndex, CustomerRow};

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
    pub(super) fn descending_by_default(self) -> bool {
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

    pub(super) fn set(&mut self, field: FilterField, value: Option<u32>) {
        match field {
            FilterField::Owner => self.owner = value,
            FilterField::Region => self.region = value,
            FilterField::Industry => self.industry = value,
        }
    }

    pub(super) fn admits(&self, row: &CustomerRow) -> bool {
        self.owner.is_none_or(|o| row.owner == Some(o))
            && self.region.is_none_or(|r| row.region == r)
            && self.industry.is_none_or(|i| row.industry == i)
    }

    /// True when no field restricts anything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Orders two rows by `column`.
pub(super) fn compare(
    index: &CustomerIndex,
    column: Column,
    a: &CustomerRow,
    b: &CustomerRow,
) -> Ordering {
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

/// The name of the row's owner, if it has one.
fn owner_name<'a>(index: &'a CustomerIndex, row: &CustomerRow) -> Option<&'a str> {
    row.owner
        .and_then(|o| index.owners.get(o as usize))
        .map(|o| o.name.as_str())
}
