//! Where each kind of record is stored and how a stored row is found again: the table, the key
//! column, and for the kinds keyed by a reference and a period, those two columns.

use crate::domain::RecordKind;

/// The table rows of `kind` are stored in.
pub(super) fn table(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Reps => "reps",
        RecordKind::Products => "products",
        RecordKind::Customers => "customers",
        RecordKind::Deals => "deals",
        RecordKind::Tasks => "tasks",
        RecordKind::ChannelMonths => "channel_months",
        RecordKind::Quotas => "quotas",
    }
}

/// The column a row of `table` is found by: `rowid` for the tables keyed by a reference and a
/// period (channel months, quotas), `id` for the rest.
pub(crate) fn key_column(table: &str) -> &'static str {
    match table {
        "channel_months" | "quotas" => "rowid",
        _ => "id",
    }
}

/// The reference column and the period column of a kind keyed by both.
pub(super) fn period_key(kind: RecordKind) -> Option<(&'static str, &'static str)> {
    match kind {
        RecordKind::ChannelMonths => Some(("channel_id", "month")),
        RecordKind::Quotas => Some(("rep_id", "quarter")),
        _ => None,
    }
}
