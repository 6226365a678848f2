//! What a mapped row becomes: the columns to write, references still as names or ids, and
//! why a row is refused.

use chrono::NaiveDate;
use rusqlite::types::Value;

use crate::domain::RecordKind;
use crate::import::bound::BoundMapping;
use crate::import::fields::Reference;

/// A rejected row: where, which column, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rejection {
    /// 1-based line of the row in the file.
    pub line: u64,
    /// The source column at fault (or the field, when no column maps it).
    pub column: String,
    /// What is wrong, quoting the bad value.
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "line {}: {}", self.line, self.reason)
        } else {
            write!(f, "line {}, {}: {}", self.line, self.column, self.reason)
        }
    }
}

/// How a row names the record it may update.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyValue {
    /// Our id.
    Id(i64),
    /// The id in the source system.
    External(String),
    /// A name, or a rep's email.
    Text(String),
    /// A reference and a period: a channel-month's month `YYYY-MM`, a quota's quarter
    /// `YYYY-Qn`; the reference is the row's channel or rep column.
    Period(String),
}

/// A reference to another record, by id or by name, still to be looked up.
#[derive(Debug, Clone, PartialEq)]
pub struct RefValue {
    /// What it points at.
    pub reference: Reference,
    /// Our id, when the row gives one.
    pub id: Option<i64>,
    /// The name (or a rep's email), when the row gives one.
    pub name: Option<String>,
    /// The column it came from, for messages.
    pub column: String,
}

/// A column value to write.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnValue {
    /// A value as it is stored.
    Plain(Value),
    /// A foreign key still to resolve; `None` inside means NULL.
    Ref(Option<RefValue>),
}

/// What a deal row still needs once its references are known.
#[derive(Debug, Clone, PartialEq)]
pub struct DealNeeds {
    /// The deal's stage, as stored.
    pub stage_name: String,
    /// The stage it was in on its creation day, when not its pipeline's first (see the
    /// mapping's `created_in`), and that day.
    pub created_in: Option<(String, NaiveDate)>,
    /// When it entered that stage as far as the file tells (closed_on, else created_on).
    pub stage_on: NaiveDate,
    /// The amount is missing (or 0 on a deal not won) and may take the product's list price.
    pub amount_missing: bool,
    /// No title was given; one is made from the product and customer names.
    pub title_missing: bool,
    /// created_on was missing and took the import date.
    pub created_defaulted: bool,
}

/// One row ready for the writer.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRow {
    /// The row's line.
    pub line: u64,
    /// The key to match an existing record, if the row has one.
    pub key: Option<KeyValue>,
    /// Our id to give a new record, when the file says it.
    pub id: Option<i64>,
    /// Database column and value, for every column an insert writes.
    pub columns: Vec<(&'static str, ColumnValue)>,
    /// Extra work for deals.
    pub deal: Option<DealNeeds>,
}

/// The database columns an update may change: those whose fields the mapping fills.
pub fn updated_columns(bound: &BoundMapping) -> Vec<&'static str> {
    let kind = bound.mapping.kind;
    column_fields(kind)
        .iter()
        .filter(|(_, fields)| fields.iter().any(|f| bound.fills(f)))
        .map(|(column, _)| *column)
        .collect()
}

/// Each database column of a kind and the fields that fill it.
pub(super) fn column_fields(
    kind: RecordKind,
) -> &'static [(&'static str, &'static [&'static str])] {
    match kind {
        RecordKind::Reps => &[
            ("external_id", &["external_id"]),
            ("name", &["name"]),
            ("email", &["email"]),
            ("team", &["team"]),
            ("region", &["region"]),
            ("max_open_tasks", &["max_open_tasks"]),
            ("active", &["active"]),
        ],
        RecordKind::Products => &[
            ("external_id", &["external_id"]),
            ("name", &["name"]),
            ("family", &["family"]),
            ("list_price_cents", &["list_price"]),
            ("margin_bp", &["margin"]),
        ],
        RecordKind::Customers => &[
            ("external_id", &["external_id"]),
            ("name", &["name"]),
            ("industry", &["industry"]),
            ("region", &["region"]),
            ("employees", &["employees"]),
            ("annual_revenue_cents", &["annual_revenue"]),
            ("owner_rep_id", &["owner_rep_id", "owner"]),
            ("created_on", &["created_on"]),
            ("created_on_inferred", &["created_on"]),
            ("notes", &["notes"]),
        ],
        RecordKind::Deals => &[
            ("external_id", &["external_id"]),
            ("customer_id", &["customer_id", "customer"]),
            ("rep_id", &["rep_id", "rep"]),
            ("product_id", &["product_id", "product"]),
            ("title", &["title"]),
            ("amount_cents", &["amount"]),
            ("stage", &["stage"]),
            ("pipeline_id", &["stage"]),
            ("created_on", &["created_on"]),
            ("expected_close_on", &["expected_close_on", "closed_on"]),
            ("closed_on", &["closed_on", "stage"]),
            ("lost_reason", &["lost_reason"]),
            ("probability_bp", &["probability"]),
        ],
        RecordKind::Tasks => &[
            ("external_id", &["external_id"]),
            ("title", &["title"]),
            ("kind", &["kind"]),
            ("customer_id", &["customer_id", "customer"]),
            ("deal_id", &["deal_id"]),
            ("rep_id", &["rep_id", "rep"]),
            ("due_on", &["due_on"]),
            ("est_minutes", &["est_minutes"]),
            ("priority", &["priority"]),
            ("status", &["status"]),
            ("pinned", &["pinned"]),
            ("done_on", &["done_on"]),
        ],
        RecordKind::Quotas => &[
            ("rep_id", &["rep_id", "rep"]),
            ("quarter", &["quarter"]),
            ("amount_cents", &["amount"]),
        ],
        RecordKind::ChannelMonths => &[
            ("channel_id", &["channel"]),
            ("month", &["month"]),
            ("spend_cents", &["spend"]),
            ("revenue_cents", &["revenue"]),
        ],
    }
}

/// Open tasks a rep may hold when the file does not say.
pub const DEFAULT_MAX_OPEN_TASKS: i64 = 25;

/// A unique-looking address for a rep imported without an email; `.invalid` never delivers.
pub fn placeholder_email(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(".");
    format!(
        "{}@no-email.invalid",
        if slug.is_empty() { "rep" } else { &slug }
    )
}

pub(super) fn iso(date: NaiveDate) -> String {
    crate::domain::iso_date(date)
}

pub(super) fn plain(value: impl Into<Value>) -> ColumnValue {
    ColumnValue::Plain(value.into())
}

pub(super) fn optional<T: Into<Value>>(value: Option<T>) -> ColumnValue {
    ColumnValue::Plain(value.map_or(Value::Null, Into::into))
}
