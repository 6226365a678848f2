//! A customer's record: its facts and tags, contacts, every deal, activities, tasks and history.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::{ActivityLine, TaskLine, activities, date, tasks};
use crate::db::edits::words::{self, Named};
use crate::domain::Money;

/// One contact of a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLine {
    /// Its id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
}

/// One deal of a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealLine {
    /// Its id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Stage.
    pub stage: String,
    /// Amount.
    pub amount: Money,
    /// Expected close (open deals) or close date (closed ones).
    pub close_on: Option<NaiveDate>,
}

/// Everything the customer record shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRecord {
    /// The customer's id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Industry.
    pub industry: String,
    /// Region.
    pub region: String,
    /// Head count.
    pub employees: Option<i64>,
    /// Annual revenue.
    pub revenue: Option<Money>,
    /// Owner's id and name.
    pub owner: Option<(i64, String)>,
    /// Needs, as tags.
    pub needs: Vec<String>,
    /// Interests, as tags.
    pub interests: Vec<String>,
    /// Contacts by name.
    pub contacts: Vec<ContactLine>,
    /// Every deal: open ones first, then newest.
    pub deals: Vec<DealLine>,
    /// Activities, newest first.
    pub activities: Vec<ActivityLine>,
    /// Tasks, open ones first.
    pub tasks: Vec<TaskLine>,
    /// Changes to the customer in words, newest first.
    pub history: Vec<String>,
}

type Row = (
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

/// The record of customer `id`; `None` when there is no such customer.
pub fn customer_record(conn: &Connection, id: i64) -> rusqlite::Result<Option<CustomerRecord>> {
    let row: Option<Row> = conn
        .prepare_cached(
            "SELECT c.name, c.industry, c.region, c.employees, c.annual_revenue_cents, c.owner_rep_id, r.name
             FROM customers c LEFT JOIN reps r ON r.id = c.owner_rep_id WHERE c.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
        .optional()?;
    let Some((name, industry, region, employees, revenue, owner_id, owner_name)) = row else {
        return Ok(None);
    };
    let tags = |kind: &str| -> rusqlite::Result<Vec<String>> {
        conn.prepare_cached(
            "SELECT tag FROM customer_tags WHERE customer_id = ?1 AND kind = ?2 ORDER BY tag",
        )?
        .query_map(rusqlite::params![id, kind], |r| r.get(0))?
        .collect()
    };
    let contacts = conn
        .prepare_cached(
            "SELECT id, name, role, email, phone FROM contacts WHERE customer_id = ?1 ORDER BY name, id",
        )?
        .query_map([id], |r| {
            Ok(ContactLine {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let deals = conn
        .prepare_cached(
            "SELECT id, title, stage, amount_cents, COALESCE(closed_on, expected_close_on) FROM deals
             WHERE customer_id = ?1 ORDER BY closed_on IS NOT NULL, created_on DESC, id DESC",
        )?
        .query_map([id], |r| {
            Ok(DealLine {
                id: r.get(0)?,
                title: r.get(1)?,
                stage: r.get(2)?,
                amount: Money(r.get(3)?),
                close_on: r.get::<_, Option<String>>(4)?.as_deref().and_then(date),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(CustomerRecord {
        id,
        name,
        industry,
        region,
        employees,
        revenue: revenue.map(Money),
        owner: owner_id.zip(owner_name),
        needs: tags("need")?,
        interests: tags("interest")?,
        contacts,
        deals,
        activities: activities(conn, "customer_id", id)?,
        tasks: tasks(conn, "customer_id", id)?,
        history: customer_history(conn, id)?,
    }))
}

fn customer_history(conn: &Connection, id: i64) -> rusqlite::Result<Vec<String>> {
    let rows = super::edit_rows(
        conn,
        "SELECT at, entity, field, old_value, new_value, undone FROM edits
             WHERE entity = 'rec:customers' AND entity_id = ?1 ORDER BY id DESC",
        id,
    )?;
    let name = |kind: Named, id: i64| super::name_of(conn, kind, id);
    Ok(rows
        .into_iter()
        .map(|(at, entity, field, old, new, undone)| {
            let undone = if undone { " (undone)" } else { "" };
            let line = match words::change(&entity, &field, old.as_deref(), new.as_deref(), &name) {
                Some((label, old, new)) => words::sentence("", "customer", &label, &old, &new),
                None => "Customer created".to_string(),
            };
            format!("{at}  {line}{undone}")
        })
        .collect())
}
