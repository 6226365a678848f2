//! New deals with their defaults (amount from the product's list price, owner from the customer's
//! owner, stage the first open stage), and edits of a deal's title, owner, product and customer.

use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::Value;

use super::journal::Journal;
use super::{RecordError, Stamp, Written, lookup, write};
use crate::domain::{FieldError, Money};

/// A new deal as the form or the command line gives it; `None` takes the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeal {
    /// The customer (required).
    pub customer_id: i64,
    /// The product (required).
    pub product_id: i64,
    /// Title; empty takes `<customer> – <product>`.
    pub title: String,
    /// Amount; `None` takes the product's list price.
    pub amount: Option<Money>,
    /// Owner; `None` takes the customer's owner.
    pub owner_rep_id: Option<i64>,
    /// Expected close date, if any.
    pub expected_close_on: Option<NaiveDate>,
    /// The pipeline; `None` takes the book's first.
    pub pipeline_id: Option<i64>,
}

/// The deal fields [`edit_deal`] changes; `None` leaves one as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DealEdit {
    /// New title.
    pub title: Option<String>,
    /// New owner.
    pub owner_rep_id: Option<i64>,
    /// New product.
    pub product_id: Option<i64>,
    /// New customer.
    pub customer_id: Option<i64>,
}

/// Creates a deal at the first open stage with its entry into that stage, as one undoable step.
pub fn create_deal(
    conn: &mut Connection,
    new: &NewDeal,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    if new.amount.is_some_and(|a| a.cents() < 0) {
        return Err(FieldError::new("amount", "cannot be negative").into());
    }
    write(conn, stamp, |j| {
        let customer = lookup::customer(j.tx(), "customer", new.customer_id)?;
        let (product, list_price) = lookup::product(j.tx(), "product", new.product_id)?;
        let owner = match new.owner_rep_id {
            Some(rep) => Some(rep),
            None => j.tx().query_row(
                "SELECT owner_rep_id FROM customers WHERE id = ?1",
                [new.customer_id],
                |r| r.get(0),
            )?,
        };
        if let Some(rep) = owner {
            lookup::rep(j.tx(), "owner", rep)?;
        }
        let title = match new.title.trim() {
            "" => format!("{customer} – {product}"),
            t => t.to_string(),
        };
        let amount = new.amount.map_or(list_price, Money::cents);
        let catalogue = crate::db::pipelines::load(j.tx())?;
        let pipeline_id = new.pipeline_id.unwrap_or_else(|| catalogue.first_id());
        let stage = catalogue
            .first_open(pipeline_id)
            .map(|s| catalogue.name(s).to_string())
            .ok_or_else(|| FieldError::new("pipeline", "is not a pipeline of the book"))?;
        let stage = stage.as_str();
        let today = stamp.today.to_string();
        let id = j.insert(
            "deals",
            &[
                ("customer_id", Value::Integer(new.customer_id)),
                ("rep_id", owner.map_or(Value::Null, Value::Integer)),
                ("product_id", Value::Integer(new.product_id)),
                ("title", Value::Text(title.clone())),
                ("amount_cents", Value::Integer(amount)),
                ("stage", Value::Text(stage.into())),
                ("pipeline_id", Value::Integer(pipeline_id)),
                ("created_on", Value::Text(today.clone())),
                (
                    "expected_close_on",
                    new.expected_close_on
                        .map_or(Value::Null, |d| Value::Text(d.to_string())),
                ),
            ],
        )?;
        enter_stage(j, id, None, stage, &today)?;
        Ok((
            id,
            format!("New deal {title} ({}, {stage})", Money(amount).whole()),
        ))
    })
}

/// Records a deal's move into `to` on `on` as a `stage_changes` row of the batch.
pub(super) fn enter_stage(
    j: &Journal<'_, '_>,
    deal_id: i64,
    from: Option<&str>,
    to: &str,
    on: &str,
) -> Result<i64, RecordError> {
    Ok(j.insert(
        "stage_changes",
        &[
            ("deal_id", Value::Integer(deal_id)),
            (
                "from_stage",
                from.map_or(Value::Null, |f| Value::Text(f.into())),
            ),
            ("to_stage", Value::Text(to.into())),
            ("changed_on", Value::Text(on.into())),
        ],
    )?)
}

/// Changes a deal's title, owner, product or customer as one undoable step; the summary names
/// each change in words (`Owner Ann Lee → Bo Chan`).
pub fn edit_deal(
    conn: &mut Connection,
    deal_id: i64,
    edit: &DealEdit,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    if edit.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(FieldError::new("title", "cannot be empty").into());
    }
    write(conn, stamp, |j| {
        let tx = j.tx();
        let (title, customer, owner, _) = lookup::deal(tx, "deal", deal_id)?;
        let product: Option<i64> = tx.query_row(
            "SELECT product_id FROM deals WHERE id = ?1",
            [deal_id],
            |r| r.get(0),
        )?;
        let mut words = Vec::new();
        if let Some(t) = &edit.title {
            let t = t.trim();
            if j.set("deals", deal_id, "title", Value::Text(t.into()))? {
                words.push(format!("Title '{title}' → '{t}'"));
            }
        }
        let name = |f: &dyn Fn(i64) -> Result<String, RecordError>, id: Option<i64>| {
            id.map_or(Ok("nobody".to_string()), f)
        };
        if let Some(rep) = edit.owner_rep_id {
            let new = lookup::rep(tx, "owner", rep)?;
            if j.set("deals", deal_id, "rep_id", Value::Integer(rep))? {
                let old = name(&|id| lookup::rep(tx, "owner", id), owner)?;
                words.push(format!("Owner {old} → {new}"));
            }
        }
        if let Some(p) = edit.product_id {
            let (new, _) = lookup::product(tx, "product", p)?;
            if j.set("deals", deal_id, "product_id", Value::Integer(p))? {
                let old = name(&|id| Ok(lookup::product(tx, "product", id)?.0), product)?;
                words.push(format!("Product {old} → {new}"));
            }
        }
        if let Some(c) = edit.customer_id {
            let new = lookup::customer(tx, "customer", c)?;
            if j.set("deals", deal_id, "customer_id", Value::Integer(c))? {
                let old = name(&|id| lookup::customer(tx, "customer", id), customer)?;
                words.push(format!("Customer {old} → {new}"));
            }
        }
        if words.is_empty() {
            return Err(FieldError::new("deal", "nothing changed").into());
        }
        Ok((deal_id, format!("{title}: {}", words.join(", "))))
    })
}
