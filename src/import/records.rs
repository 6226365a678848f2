//! Turning one mapped row into the columns to write, per kind of record. Pure: references stay
//! names or ids here and are looked up by the writer.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::bound::{BoundMapping, Cell};
use super::cells;
use super::fields::{MatchKey, Reference};
use crate::domain::RecordKind;
use crate::domain::Stage;

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
    /// A channel-month: the channel reference and the month label `YYYY-MM`.
    ChannelMonth(String),
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
    /// The deal's stage.
    pub stage: Stage,
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
fn column_fields(kind: RecordKind) -> &'static [(&'static str, &'static [&'static str])] {
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
        ],
        RecordKind::ChannelMonths => &[
            ("channel_id", &["channel"]),
            ("month", &["month"]),
            ("spend_cents", &["spend"]),
            ("revenue_cents", &["revenue"]),
        ],
    }
}

/// Reads one row's cells through the mapping.
pub struct RowReader<'a> {
    bound: &'a BoundMapping,
    cells: &'a [String],
    line: u64,
    as_of: NaiveDate,
}

type Field<T> = Result<T, Rejection>;

impl<'a> RowReader<'a> {
    /// A reader over `cells`, the row starting at `line`; `as_of` is the import's today.
    pub fn new(bound: &'a BoundMapping, cells: &'a [String], line: u64, as_of: NaiveDate) -> Self {
        RowReader {
            bound,
            cells,
            line,
            as_of,
        }
    }

    fn reject(&self, column: &str, reason: impl Into<String>) -> Rejection {
        Rejection {
            line: self.line,
            column: column.to_string(),
            reason: reason.into(),
        }
    }

    fn cell(&self, field: &str) -> Option<Cell<'a>> {
        self.bound.cell(field, self.cells)
    }

    fn parsed<T>(
        &self,
        field: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Field<Option<T>> {
        match self.cell(field) {
            None => Ok(None),
            Some(cell) => parse(cell.text)
                .map(Some)
                .map_err(|reason| self.reject(cell.column, reason)),
        }
    }

    fn text(&self, field: &str) -> Option<String> {
        self.cell(field).map(|c| c.text.to_string())
    }

    fn required_text(&self, field: &str, what: &str) -> Field<String> {
        self.text(field)
            .ok_or_else(|| self.reject(self.bound.column_of(field), format!("is empty; {what}")))
    }

    fn integer(&self, field: &str) -> Field<Option<i64>> {
        self.parsed(field, cells::integer)
    }

    fn ranged(&self, field: &str, range: std::ops::RangeInclusive<i64>) -> Field<Option<i64>> {
        let value = self.integer(field)?;
        match value {
            Some(v) if !range.contains(&v) => Err(self.reject(
                self.bound.column_of(field),
                format!(
                    "'{v}' is out of range ({} to {})",
                    range.start(),
                    range.end()
                ),
            )),
            _ => Ok(value),
        }
    }

    fn date(&self, field: &str) -> Field<Option<NaiveDate>> {
        let format = self.bound.mapping.date_format.as_str();
        self.parsed(field, |t| cells::date(t, format))
    }

    fn money(&self, field: &str) -> Field<Option<i64>> {
        let unit = self.bound.money_unit(field);
        let value = self.parsed(field, |t| cells::money(t, unit))?;
        match value {
            Some(m) if m.cents() < 0 => Err(self.reject(
                self.bound.column_of(field),
                format!("'{}' is negative", m.whole()),
            )),
            _ => Ok(value.map(|m| m.cents())),
        }
    }

    fn boolean(&self, field: &str) -> Field<Option<bool>> {
        self.parsed(field, cells::boolean)
    }

    fn reference(
        &self,
        reference: Reference,
        id_field: &str,
        name_field: &str,
    ) -> Field<Option<RefValue>> {
        let id = self.integer(id_field)?;
        let name = self.text(name_field);
        if id.is_none() && name.is_none() {
            return Ok(None);
        }
        let column = match id {
            Some(_) => self.bound.column_of(id_field),
            None => self.bound.column_of(name_field),
        };
        Ok(Some(RefValue {
            reference,
            id,
            name,
            column: column.to_string(),
        }))
    }

    fn key(&self) -> Field<Option<KeyValue>> {
        Ok(match self.bound.mapping.key {
            MatchKey::Id => self.integer("id")?.map(KeyValue::Id),
            MatchKey::ExternalId => self.text("external_id").map(KeyValue::External),
            MatchKey::Name => self.text("name").map(KeyValue::Text),
            MatchKey::Email => self.text("email").map(KeyValue::Text),
            MatchKey::ChannelMonth => None,
        })
    }

    /// Converts the row into what the writer needs, or the first reason it cannot be.
    pub fn pending(&self) -> Field<PendingRow> {
        let mut row = PendingRow {
            line: self.line,
            key: self.key()?,
            id: self.integer("id")?,
            columns: Vec::new(),
            deal: None,
        };
        let external = optional(self.text("external_id"));
        match self.bound.mapping.kind {
            RecordKind::Reps => self.rep(&mut row, external)?,
            RecordKind::Products => self.product(&mut row, external)?,
            RecordKind::Customers => self.customer(&mut row, external)?,
            RecordKind::Deals => self.deal(&mut row, external)?,
            RecordKind::Tasks => self.task(&mut row, external)?,
            RecordKind::ChannelMonths => self.channel_month(&mut row)?,
        }
        Ok(row)
    }

    fn rep(&self, row: &mut PendingRow, external: ColumnValue) -> Field<()> {
        let name = self.required_text("name", "a rep needs a name")?;
        let email = self
            .text("email")
            .unwrap_or_else(|| placeholder_email(&name));
        row.columns = vec![
            ("external_id", external),
            ("name", plain(name)),
            ("email", plain(email)),
            ("team", plain(self.text("team").unwrap_or_default())),
            ("region", plain(self.text("region").unwrap_or_default())),
            (
                "max_open_tasks",
                plain(
                    self.ranged("max_open_tasks", 0..=10_000)?
                        .unwrap_or(DEFAULT_MAX_OPEN_TASKS),
                ),
            ),
            (
                "active",
                plain(i64::from(self.boolean("active")?.unwrap_or(true))),
            ),
        ];
        Ok(())
    }

    fn product(&self, row: &mut PendingRow, external: ColumnValue) -> Field<()> {
        let name = self.required_text("name", "a product needs a name")?;
        row.columns = vec![
            ("external_id", external),
            ("name", plain(name)),
            ("family", plain(self.text("family").unwrap_or_default())),
            (
                "list_price_cents",
                plain(self.money("list_price")?.unwrap_or(0)),
            ),
            ("margin_bp", plain(self.margin()?.unwrap_or(0))),
        ];
        Ok(())
    }

    fn margin(&self) -> Field<Option<i64>> {
        let bp = self.parsed("margin", cells::percent_bp)?;
        match bp {
            Some(v) if !(-10_000..=10_000).contains(&v) => Err(self.reject(
                self.bound.column_of("margin"),
                "a margin must be between -100% and 100%",
            )),
            _ => Ok(bp),
        }
    }

    fn customer(&self, row: &mut PendingRow, external: ColumnValue) -> Field<()> {
        let name = self.required_text("name", "a customer needs a name")?;
        let created_on = self.date("created_on")?;
        row.columns = vec![
            ("external_id", external),
            ("name", plain(name)),
            ("industry", plain(self.text("industry").unwrap_or_default())),
            ("region", plain(self.text("region").unwrap_or_default())),
            (
                "employees",
                optional(self.ranged("employees", 0..=i64::MAX)?),
            ),
            (
                "annual_revenue_cents",
                optional(self.money("annual_revenue")?),
            ),
            (
                "owner_rep_id",
                ColumnValue::Ref(self.reference(Reference::Rep, "owner_rep_id", "owner")?),
            ),
            ("created_on", plain(iso(created_on.unwrap_or(self.as_of)))),
            (
                "created_on_inferred",
                plain(Value::Integer(i64::from(created_on.is_none()))),
            ),
            ("notes", plain(self.text("notes").unwrap_or_default())),
        ];
        Ok(())
    }

    fn deal(&self, row: &mut PendingRow, external: ColumnValue) -> Field<()> {
        let stage_text = self.required_text("stage", "a deal needs a stage")?;
        let stage: Stage = stage_text
            .parse()
            .map_err(|e: crate::domain::ParseStageError| {
                self.reject(
                    self.bound.column_of("stage"),
                    format!("{e}; map it under [values.stage]"),
                )
            })?;
        let mut closed_on = self.date("closed_on")?;
        let mut expected = self.date("expected_close_on")?;
        if !stage.is_closed() {
            // One "close date" column: the actual date of a closed deal, the expected one of an open deal.
            expected = expected.or(closed_on.take());
        } else if closed_on.is_none() {
            return Err(self.reject(
                self.bound.column_of("closed_on"),
                format!(
                    "is empty; a {} deal needs the date it closed",
                    stage.as_str()
                ),
            ));
        }
        let created = self.date("created_on")?;
        let created_on = created.or(closed_on).unwrap_or(self.as_of);
        if let Some(closed) = closed_on.filter(|c| *c < created_on) {
            return Err(self.reject(
                self.bound.column_of("closed_on"),
                format!(
                    "'{}' is before the deal was created ({})",
                    iso(closed),
                    iso(created_on)
                ),
            ));
        }
        let amount = self.money("amount")?;
        let amount_missing = match amount {
            None => true,
            Some(0) => stage != Stage::Won,
            Some(_) => false,
        };
        if amount.is_none() && self.bound.mapping.amount_fallback == super::AmountFallback::None {
            return Err(self.reject(
                self.bound.column_of("amount"),
                "is empty; a deal needs an amount",
            ));
        }
        let probability = self.parsed("probability", cells::percent_bp)?;
        if probability.is_some_and(|p| !(0..=10_000).contains(&p)) {
            return Err(self.reject(
                self.bound.column_of("probability"),
                "a probability must be between 0% and 100%",
            ));
        }
        let title = self.text("title");
        row.deal = Some(DealNeeds {
            stage,
            stage_on: closed_on.unwrap_or(created_on),
            amount_missing,
            title_missing: title.is_none(),
            created_defaulted: created.is_none() && closed_on.is_none(),
        });
        row.columns = vec![
            ("external_id", external),
            (
                "customer_id",
                ColumnValue::Ref(self.reference(Reference::Customer, "customer_id", "customer")?),
            ),
            (
                "rep_id",
                ColumnValue::Ref(self.reference(Reference::Rep, "rep_id", "rep")?),
            ),
            (
                "product_id",
                ColumnValue::Ref(self.reference(Reference::Product, "product_id", "product")?),
            ),
            ("title", plain(title.unwrap_or_default())),
            ("amount_cents", plain(amount.unwrap_or(0))),
            ("stage", plain(stage.as_str().to_string())),
            ("created_on", plain(iso(created_on))),
            ("expected_close_on", optional(expected.map(iso))),
            ("closed_on", optional(closed_on.map(iso))),
            ("lost_reason", optional(self.text("lost_reason"))),
            ("probability_bp", optional(probability)),
        ];
        Ok(())
    }

    fn task(&self, row: &mut PendingRow, external: ColumnValue) -> Field<()> {
        let title = self.required_text("title", "a task needs a title")?;
        let status = self
            .text("status")
            .unwrap_or_else(|| "open".to_string())
            .to_lowercase();
        if !["open", "done", "cancelled"].contains(&status.as_str()) {
            return Err(self.reject(
                self.bound.column_of("status"),
                format!("'{status}' is not a task status (open, done, cancelled)"),
            ));
        }
        row.columns = vec![
            ("external_id", external),
            ("title", plain(title)),
            (
                "kind",
                plain(self.text("kind").unwrap_or_else(|| "follow-up".to_string())),
            ),
            (
                "customer_id",
                ColumnValue::Ref(self.reference(Reference::Customer, "customer_id", "customer")?),
            ),
            ("deal_id", optional(self.integer("deal_id")?)),
            (
                "rep_id",
                ColumnValue::Ref(self.reference(Reference::Rep, "rep_id", "rep")?),
            ),
            ("due_on", optional(self.date("due_on")?.map(iso))),
            (
                "est_minutes",
                plain(self.ranged("est_minutes", 0..=100_000)?.unwrap_or(30)),
            ),
            (
                "priority",
                plain(self.ranged("priority", 1..=3)?.unwrap_or(2)),
            ),
            ("status", plain(status)),
            (
                "pinned",
                plain(i64::from(self.boolean("pinned")?.unwrap_or(false))),
            ),
        ];
        Ok(())
    }

    fn channel_month(&self, row: &mut PendingRow) -> Field<()> {
        let channel = self.required_text("channel", "a channel-month needs its channel")?;
        let format = self.bound.mapping.date_format.as_str();
        let month = self
            .parsed("month", |t| cells::month(t, format))?
            .ok_or_else(|| {
                self.reject(
                    self.bound.column_of("month"),
                    "is empty; a channel-month needs its month",
                )
            })?;
        let label = month.format("%Y-%m").to_string();
        let required_money = |field: &str| {
            self.money(field)?.ok_or_else(|| {
                self.reject(
                    self.bound.column_of(field),
                    format!("is empty; a channel-month needs its {field}"),
                )
            })
        };
        row.key = Some(KeyValue::ChannelMonth(label.clone()));
        row.columns = vec![
            (
                "channel_id",
                ColumnValue::Ref(Some(RefValue {
                    reference: Reference::Channel,
                    id: None,
                    name: Some(channel),
                    column: self.bound.column_of("channel").to_string(),
                })),
            ),
            ("month", plain(label)),
            ("spend_cents", plain(required_money("spend")?)),
            ("revenue_cents", plain(required_money("revenue")?)),
        ];
        Ok(())
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

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn plain(value: impl Into<Value>) -> ColumnValue {
    ColumnValue::Plain(value.into())
}

fn optional<T: Into<Value>>(value: Option<T>) -> ColumnValue {
    ColumnValue::Plain(value.map_or(Value::Null, Into::into))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::mapping::Mapping;
    use std::path::Path;

    fn row_of(mapping: &str, header: &[&str], cells: &[&str]) -> Field<PendingRow> {
        let mapping = Mapping::parse(mapping).unwrap();
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let bound = mapping.bind(&header, Path::new("f.csv")).unwrap();
        let cells: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
        let as_of = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
        RowReader::new(&bound, &cells, 7, as_of).pending()
    }

    const DEALS: &str = r#"
        kind = "deals"
        amount_fallback = "list_price"
        [columns]
        stage = "stage"
        closed_on = "close"
        created_on = "engage"
        amount = "value"
        [values.stage]
        Prospecting = "Lead"
    "#;

    fn value(row: &PendingRow, column: &str) -> Value {
        match row.columns.iter().find(|(c, _)| *c == column) {
            Some((_, ColumnValue::Plain(v))) => v.clone(),
            other => panic!("{column}: {other:?}"),
        }
    }

    #[test]
    fn an_open_deal_close_date_is_its_expected_close() {
        let head = ["stage", "close", "engage", "value"];
        let row = row_of(DEALS, &head, &["Prospecting", "2018-03-01", "", ""]).unwrap();
        assert_eq!(
            value(&row, "expected_close_on"),
            Value::Text("2018-03-01".into())
        );
        assert_eq!(value(&row, "closed_on"), Value::Null);
        assert_eq!(value(&row, "created_on"), Value::Text("2018-01-01".into()));
        let needs = row.deal.unwrap();
        assert!(needs.amount_missing && needs.created_defaulted && needs.title_missing);
    }

    #[test]
    fn a_lost_deal_at_zero_may_take_the_list_price_but_a_won_one_keeps_it() {
        let head = ["stage", "close", "engage", "value"];
        let lost = row_of(DEALS, &head, &["Lost", "2017-03-01", "2017-01-01", "0"]).unwrap();
        assert!(lost.deal.unwrap().amount_missing);
        let won = row_of(DEALS, &head, &["Won", "2017-03-01", "2017-01-01", "0"]).unwrap();
        assert!(!won.deal.unwrap().amount_missing);
    }

    #[test]
    fn rejections_name_line_column_and_value() {
        let head = ["stage", "close", "engage", "value"];
        let err = row_of(DEALS, &head, &["Won", "2017-13-01", "2017-01-01", "5"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 7, close: '2017-13-01' is not a date (%Y-%m-%d)"
        );
        let err = row_of(DEALS, &head, &["Won", "", "2017-01-01", "5"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 7, close: is empty; a Won deal needs the date it closed"
        );
        let err = row_of(DEALS, &head, &["Stalled", "", "", "5"]).unwrap_err();
        assert!(
            err.reason.contains("'Stalled' is not a deal stage"),
            "{err}"
        );
        let err = row_of(DEALS, &head, &["Won", "2016-01-01", "2017-01-01", "5"]).unwrap_err();
        assert!(err.reason.contains("before the deal was created"), "{err}");
    }

    #[test]
    fn a_rep_without_email_gets_a_placeholder() {
        let mapping = "kind = \"reps\"\nkey = \"name\"\n[columns]\nname = \"agent\"";
        let row = row_of(mapping, &["agent"], &["Anna Snelling"]).unwrap();
        assert_eq!(
            value(&row, "email"),
            Value::Text("anna.snelling@no-email.invalid".into())
        );
        assert_eq!(row.key, Some(KeyValue::Text("Anna Snelling".into())));
    }

    #[test]
    fn update_touches_only_the_mapped_columns() {
        let mapping = Mapping::parse(
            "kind = \"customers\"\nkey = \"name\"\n[columns]\nname = \"n\"\nowner = \"o\"",
        )
        .unwrap();
        let bound = mapping
            .bind(&["n".into(), "o".into()], Path::new("f"))
            .unwrap();
        assert_eq!(updated_columns(&bound), ["name", "owner_rep_id"]);
    }
}
