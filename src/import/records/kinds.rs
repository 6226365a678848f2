//! The columns of each kind of record: reps, quotas, products, customers, deals, tasks, channel
//! months.

use rusqlite::types::Value;

use crate::domain::Quarter;
use crate::domain::RecordKind;
use crate::domain::Stage;
use crate::import::cells;
use crate::import::fields::Reference;

use super::reader::{Field, RowReader};
use super::types::{
    ColumnValue, DEFAULT_MAX_OPEN_TASKS, DealNeeds, KeyValue, PendingRow, RefValue, iso, optional,
    placeholder_email, plain,
};

impl RowReader<'_> {
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
            RecordKind::Quotas => self.quota(&mut row)?,
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
        let margin = self.margin()?;
        row.columns = vec![
            ("external_id", external),
            ("name", plain(name)),
            ("family", plain(self.text("family").unwrap_or_default())),
            (
                "list_price_cents",
                plain(self.money("list_price")?.unwrap_or(0)),
            ),
            ("margin_bp", plain(margin.unwrap_or(0))),
            ("margin_known", plain(i64::from(margin.is_some()))),
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
        let (catalogue, pipeline_id) = (&self.bound.stages, self.bound.pipeline_id);
        let stage = catalogue
            .stage_named(pipeline_id, &stage_text)
            .ok_or_else(|| {
                self.reject(
                    self.bound.column_of("stage"),
                    format!(
                        "'{stage_text}' is not a stage of the pipeline ({}); map it under \
                         [values.stage] or list it under [[stages]]",
                        catalogue.names_of(pipeline_id)
                    ),
                )
            })?;
        let stage_name = catalogue.name(stage).to_string();
        let mut closed_on = self.date("closed_on")?;
        let mut expected = self.date("expected_close_on")?;
        if !stage.is_closed() {
            // One "close date" column: the actual date of a closed deal, the expected one of an open deal.
            expected = expected.or(closed_on.take());
        } else if closed_on.is_none() {
            return Err(self.reject(
                self.bound.column_of("closed_on"),
                format!("is empty; a {stage_name} deal needs the date it closed"),
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
        if amount.is_none()
            && self.bound.mapping.amount_fallback == crate::import::AmountFallback::None
        {
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
        let created_in = self
            .bound
            .created_in
            .filter(|c| stage.is_closed() || stage >= *c)
            .map(|c| (catalogue.name(c).to_string(), created_on));
        row.deal = Some(DealNeeds {
            created_in,
            stage_name: stage_name.clone(),
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
            ("stage", plain(stage_name)),
            ("pipeline_id", plain(pipeline_id)),
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
        let done_on = self.date("done_on")?;
        if done_on.is_some() && status != "done" {
            return Err(self.reject(
                self.bound.column_of("done_on"),
                format!("a task that is {status} has no done-on day"),
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
            ("done_on", optional(done_on.map(iso))),
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
        row.key = Some(KeyValue::Period(label.clone()));
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

    fn quota(&self, row: &mut PendingRow) -> Field<()> {
        let rep = self
            .reference(Reference::Rep, "rep_id", "rep")?
            .ok_or_else(|| {
                self.reject(
                    self.bound.column_of("rep"),
                    "is empty; a quota needs its rep",
                )
            })?;
        let quarter = self
            .parsed("quarter", |t| {
                t.parse::<Quarter>()
                    .map_err(|_| "is not a quarter like 2026-Q3".to_string())
            })?
            .ok_or_else(|| {
                self.reject(
                    self.bound.column_of("quarter"),
                    "is empty; a quota needs its quarter",
                )
            })?;
        let amount = self.money("amount")?.ok_or_else(|| {
            self.reject(
                self.bound.column_of("amount"),
                "is empty; a quota needs its amount",
            )
        })?;
        row.key = Some(KeyValue::Period(quarter.to_string()));
        row.columns = vec![
            ("rep_id", ColumnValue::Ref(Some(rep))),
            ("quarter", plain(quarter.to_string())),
            ("amount_cents", plain(amount)),
        ];
        Ok(())
    }
}
