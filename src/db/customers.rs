//! Queries behind the customers screen: the compact index of every customer and one customer's detail.

use serde::{Deserialize, Serialize};

use chrono::{Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::domain::Money;

/// One customer as the customers table shows it; labels are indexes into [`CustomerIndex`] lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    /// The customer's id.
    pub id: i64,
    /// Display name, as stored.
    pub name: String,
    /// The name lower-cased once, so search does not lower-case per keystroke.
    pub name_lower: String,
    /// Index into [`CustomerIndex::industries`].
    pub industry: u32,
    /// Index into [`CustomerIndex::regions`].
    pub region: u32,
    /// Index into [`CustomerIndex::owners`], if the customer has an owner.
    pub owner: Option<u32>,
    /// Sum of the customer's open deals.
    pub open_pipeline: Money,
    /// Won amounts closed in the twelve months up to the as-of date.
    pub revenue_12m: Money,
    /// The date of the most recent activity.
    pub last_activity: Option<NaiveDate>,
}

/// A rep who can own customers, as a filter choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    /// The rep's id.
    pub id: i64,
    /// The rep's name.
    pub name: String,
}

/// Every customer (or, while loading, the first page) with the label lists the rows point into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerIndex {
    /// The rows loaded so far.
    pub rows: Vec<CustomerRow>,
    /// Distinct industries, sorted.
    pub industries: Vec<String>,
    /// Distinct regions, sorted.
    pub regions: Vec<String>,
    /// Reps, sorted by name.
    pub owners: Vec<Owner>,
    /// How many customers the database holds.
    pub total: usize,
    /// False while only the first page is loaded.
    pub complete: bool,
}

/// One of a customer's deals in the detail pane.
#[derive(Debug, Clone, PartialEq)]
pub struct DealLine {
    /// The deal's id (its win probability is looked up by it).
    pub id: i64,
    /// Deal title.
    pub title: String,
    /// Product name, if any.
    pub product: Option<String>,
    /// Current stage, by name.
    pub stage: String,
    /// Deal amount.
    pub amount: Money,
    /// When the deal was opened.
    pub created_on: NaiveDate,
    /// Closing date for closed deals, else the expected one.
    pub close_on: Option<NaiveDate>,
}

/// One recent activity in the detail pane.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityLine {
    /// When it happened.
    pub happened_on: NaiveDate,
    /// call, email, meeting, demo or note.
    pub kind: String,
    /// The rep who did it.
    pub rep: Option<String>,
}

/// One open task in the detail pane.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskLine {
    /// Due date, if set.
    pub due_on: Option<NaiveDate>,
    /// Task title.
    pub title: String,
    /// The rep it is assigned to.
    pub rep: Option<String>,
}

/// Everything the detail pane shows about one customer.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerDetail {
    /// The customer's id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Industry.
    pub industry: String,
    /// Region.
    pub region: String,
    /// Owner's name.
    pub owner: Option<String>,
    /// Head count.
    pub employees: Option<i64>,
    /// The customer's own annual revenue.
    pub annual_revenue: Option<Money>,
    /// When the customer was added.
    pub created_on: NaiveDate,
    /// Deals, most recent first (at most [`DETAIL_DEALS`]).
    pub deals: Vec<DealLine>,
    /// Deals the customer has in all.
    pub deal_count: usize,
    /// Recent activities (at most [`DETAIL_ACTIVITIES`]).
    pub activities: Vec<ActivityLine>,
    /// Open tasks by due date.
    pub open_tasks: Vec<TaskLine>,
}

/// How many deals the detail pane loads.
pub const DETAIL_DEALS: usize = 50;
/// How many activities the detail pane loads.
pub const DETAIL_ACTIVITIES: usize = 20;

const ROW_SELECT: &str = "
    SELECT c.id, c.name, c.industry, c.region, c.owner_rep_id,
        (SELECT COALESCE(SUM(d.amount_cents), 0) FROM deals d
          WHERE d.customer_id = c.id
            AND d.closed_on IS NULL),
        (SELECT COALESCE(SUM(d.amount_cents), 0) FROM deals d
          WHERE d.customer_id = c.id AND d.stage = 'Won'
            AND d.closed_on > ?1 AND d.closed_on <= ?2),
        (SELECT MAX(a.happened_on) FROM activities a WHERE a.customer_id = c.id)
    FROM customers c";

/// Loads every customer with its open pipeline and trailing-12-month revenue as of `as_of`.
pub fn load_index(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<CustomerIndex> {
    load(conn, as_of, None)
}

/// Loads the first `limit` customers by name: enough for the first frame while the full index loads.
pub fn load_first_page(
    conn: &Connection,
    as_of: NaiveDate,
    limit: usize,
) -> rusqlite::Result<CustomerIndex> {
    load(conn, as_of, Some(limit))
}

fn load(
    conn: &Connection,
    as_of: NaiveDate,
    limit: Option<usize>,
) -> rusqlite::Result<CustomerIndex> {
    let industries = distinct(
        conn,
        "SELECT DISTINCT industry FROM customers ORDER BY industry",
    )?;
    let regions = distinct(
        conn,
        "SELECT DISTINCT region FROM customers ORDER BY region",
    )?;
    let owners = conn
        .prepare("SELECT id, name FROM reps ORDER BY name, id")?
        .query_map([], |r| {
            Ok(Owner {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total: i64 = conn.query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))?;
    let since = as_of
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let sql = match limit {
        Some(_) => format!("{ROW_SELECT} ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?3"),
        None => ROW_SELECT.to_string(),
    };
    let mut stmt = conn.prepare(&sql)?;
    let map_row = |r: &Row<'_>| row_from(r, &industries, &regions, &owners);
    let rows = match limit {
        Some(n) => stmt
            .query_map(params![since, as_of, n as i64], map_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
        None => stmt
            .query_map(params![since, as_of], map_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };
    let total = usize::try_from(total).unwrap_or(0);
    Ok(CustomerIndex {
        complete: rows.len() == total,
        rows,
        industries,
        regions,
        owners,
        total,
    })
}

fn distinct(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    conn.prepare(sql)?.query_map([], |r| r.get(0))?.collect()
}

fn position(list: &[String], value: &str) -> u32 {
    list.binary_search_by(|probe| probe.as_str().cmp(value))
        .map_or(0, |i| i as u32)
}

fn row_from(
    r: &Row<'_>,
    industries: &[String],
    regions: &[String],
    owners: &[Owner],
) -> rusqlite::Result<CustomerRow> {
    let name: String = r.get(1)?;
    let industry: String = r.get(2)?;
    let region: String = r.get(3)?;
    let owner_id: Option<i64> = r.get(4)?;
    Ok(CustomerRow {
        id: r.get(0)?,
        name_lower: name.to_lowercase(),
        name,
        industry: position(industries, &industry),
        region: position(regions, &region),
        owner: owner_id.and_then(|id| owners.iter().position(|o| o.id == id).map(|i| i as u32)),
        open_pipeline: Money(r.get(5)?),
        revenue_12m: Money(r.get(6)?),
        last_activity: r.get(7)?,
    })
}

/// Loads one customer's detail; `None` when the customer no longer exists.
pub fn load_detail(
    conn: &Connection,
    customer_id: i64,
) -> rusqlite::Result<Option<CustomerDetail>> {
    let head = conn
        .query_row(
            "SELECT c.name, c.industry, c.region, r.name, c.employees, c.annual_revenue_cents,
                    c.created_on
             FROM customers c LEFT JOIN reps r ON r.id = c.owner_rep_id WHERE c.id = ?1",
            [customer_id],
            |r| {
                Ok(CustomerDetail {
                    id: customer_id,
                    name: r.get(0)?,
                    industry: r.get(1)?,
                    region: r.get(2)?,
                    owner: r.get(3)?,
                    employees: r.get(4)?,
                    annual_revenue: r.get::<_, Option<i64>>(5)?.map(Money),
                    created_on: r.get(6)?,
                    deals: Vec::new(),
                    deal_count: 0,
                    activities: Vec::new(),
                    open_tasks: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut detail) = head else {
        return Ok(None);
    };
    detail.deal_count = conn
        .query_row(
            "SELECT COUNT(*) FROM deals WHERE customer_id = ?1",
            [customer_id],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| usize::try_from(n).unwrap_or(0))?;
    detail.deals = conn
        .prepare(
            "SELECT d.title, p.name, d.stage, d.amount_cents, d.created_on,
                    COALESCE(d.closed_on, d.expected_close_on) AS close_on, d.id
             FROM deals d LEFT JOIN products p ON p.id = d.product_id
             WHERE d.customer_id = ?1
             ORDER BY d.closed_on IS NOT NULL, close_on DESC, d.id DESC LIMIT ?2",
        )?
        .query_map(params![customer_id, DETAIL_DEALS as i64], |r| {
            Ok(DealLine {
                id: r.get(6)?,
                title: r.get(0)?,
                product: r.get(1)?,
                stage: r.get(2)?,
                amount: Money(r.get(3)?),
                created_on: r.get(4)?,
                close_on: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    detail.activities = conn
        .prepare(
            "SELECT a.happened_on, a.kind, r.name FROM activities a
             LEFT JOIN reps r ON r.id = a.rep_id
             WHERE a.customer_id = ?1 ORDER BY a.happened_on DESC, a.id DESC LIMIT ?2",
        )?
        .query_map(params![customer_id, DETAIL_ACTIVITIES as i64], |r| {
            Ok(ActivityLine {
                happened_on: r.get(0)?,
                kind: r.get(1)?,
                rep: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    detail.open_tasks = conn
        .prepare(
            "SELECT t.due_on, t.title, r.name FROM tasks t LEFT JOIN reps r ON r.id = t.rep_id
             WHERE t.customer_id = ?1 AND t.status = 'open'
             ORDER BY t.due_on IS NULL, t.due_on, t.id",
        )?
        .query_map([customer_id], |r| {
            Ok(TaskLine {
                due_on: r.get(0)?,
                title: r.get(1)?,
                rep: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(detail))
}
