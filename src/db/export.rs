//! The queries behind `salesdesk export`: one per kind of record, read row by row in id order so
//! a million deals stream to the file without ever being held in memory.

use chrono::NaiveDate;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Row, params_from_iter};

use super::board::{BoardFilter, filter_sql};
use crate::domain::{Money, RecordKind};

impl RecordKind {
    /// The columns of the file, in order; the importer's default mapping reads the same names.
    pub fn columns(self) -> &'static [Column] {
        self.spec().columns
    }

    fn spec(self) -> &'static Spec {
        match self {
            RecordKind::Reps => &REPS,
            RecordKind::Products => &PRODUCTS,
            RecordKind::Customers => &CUSTOMERS,
            RecordKind::Deals => &DEALS,
            RecordKind::Tasks => &TASKS,
            RecordKind::ChannelMonths => &CHANNEL_MONTHS,
            RecordKind::Quotas => &QUOTAS,
        }
    }
}

/// How a column's stored value is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text as stored (names, ISO dates, `YYYY-MM` months).
    Text,
    /// A whole number.
    Integer,
    /// Integer cents, written in whole currency.
    Money,
    /// Basis points, written as a percentage.
    Percent,
    /// 0/1, written as no/yes.
    YesNo,
}

/// One column of an export: its header and how its values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header, which is also the field name the importer reads.
    pub name: &'static str,
    /// How values are written.
    pub format: Format,
}

/// One value of an exported row, typed so the file side formats it without knowing the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// NULL.
    Empty,
    /// Text.
    Text(&'a str),
    /// A whole number.
    Integer(i64),
    /// An amount of money.
    Money(Money),
    /// A percentage in basis points.
    Percent(i64),
    /// A yes/no flag.
    YesNo(bool),
}

struct Spec {
    sql: &'static str,
    columns: &'static [Column],
}

const fn col(name: &'static str, format: Format) -> Column {
    Column { name, format }
}

use Format::{Integer, Money as Cents, Percent, Text, YesNo};

static REPS: Spec = Spec {
    sql: "SELECT id, external_id, name, email, team, region, max_open_tasks, active
          FROM reps ORDER BY id",
    columns: &[
        col("id", Integer),
        col("external_id", Text),
        col("name", Text),
        col("email", Text),
        col("team", Text),
        col("region", Text),
        col("max_open_tasks", Integer),
        col("active", YesNo),
    ],
};

static PRODUCTS: Spec = Spec {
    sql: "SELECT id, external_id, name, family, list_price_cents,
                 CASE WHEN margin_known = 1 THEN margin_bp END
          FROM products ORDER BY id",
    columns: &[
        col("id", Integer),
        col("external_id", Text),
        col("name", Text),
        col("family", Text),
        col("list_price", Cents),
        col("margin", Percent),
    ],
};

static CUSTOMERS: Spec = Spec {
    sql: "SELECT c.id, c.external_id, c.name, c.industry, c.region, c.employees,
                 c.annual_revenue_cents, c.owner_rep_id, r.name, c.created_on, c.notes
          FROM customers c LEFT JOIN reps r ON r.id = c.owner_rep_id
          ORDER BY c.id",
    columns: &[
        col("id", Integer),
        col("external_id", Text),
        col("name", Text),
        col("industry", Text),
        col("region", Text),
        col("employees", Integer),
        col("annual_revenue", Cents),
        col("owner_rep_id", Integer),
        col("owner", Text),
        col("created_on", Text),
        col("notes", Text),
    ],
};

/// The deals columns and joins, shared by the deals export and the board's view export.
macro_rules! deals_select {
    () => {
        "SELECT d.id, d.external_id, d.customer_id, c.name, d.rep_id, r.name, d.product_id,
                p.name, d.title, d.amount_cents, d.stage, d.created_on, d.expected_close_on,
                d.closed_on, d.lost_reason, d.probability_bp, d.forecast_category
         FROM deals d
         LEFT JOIN customers c ON c.id = d.customer_id
         LEFT JOIN reps r ON r.id = d.rep_id
         LEFT JOIN products p ON p.id = d.product_id"
    };
}

static DEALS: Spec = Spec {
    sql: concat!(deals_select!(), " ORDER BY d.id"),
    columns: &[
        col("id", Integer),
        col("external_id", Text),
        col("customer_id", Integer),
        col("customer", Text),
        col("rep_id", Integer),
        col("rep", Text),
        col("product_id", Integer),
        col("product", Text),
        col("title", Text),
        col("amount", Cents),
        col("stage", Text),
        col("created_on", Text),
        col("expected_close_on", Text),
        col("closed_on", Text),
        col("lost_reason", Text),
        col("probability", Percent),
        col("category_override", Text),
    ],
};

static TASKS: Spec = Spec {
    sql: "SELECT t.id, t.external_id, t.title, t.kind, t.customer_id, c.name, t.deal_id,
                 t.rep_id, r.name, t.due_on, t.est_minutes, t.priority, t.status, t.pinned,
                 t.done_on
          FROM tasks t
          LEFT JOIN customers c ON c.id = t.customer_id
          LEFT JOIN reps r ON r.id = t.rep_id
          ORDER BY t.id",
    columns: &[
        col("id", Integer),
        col("external_id", Text),
        col("title", Text),
        col("kind", Text),
        col("customer_id", Integer),
        col("customer", Text),
        col("deal_id", Integer),
        col("rep_id", Integer),
        col("rep", Text),
        col("due_on", Text),
        col("est_minutes", Integer),
        col("priority", Integer),
        col("status", Text),
        col("pinned", YesNo),
        col("done_on", Text),
    ],
};

static CHANNEL_MONTHS: Spec = Spec {
    sql: "SELECT ch.name, cm.month, cm.spend_cents, cm.revenue_cents
          FROM channel_months cm JOIN channels ch ON ch.id = cm.channel_id
          ORDER BY ch.name, cm.month",
    columns: &[
        col("channel", Text),
        col("month", Text),
        col("spend", Cents),
        col("revenue", Cents),
    ],
};

static QUOTAS: Spec = Spec {
    sql: "SELECT r.name, q.quarter, q.amount_cents
          FROM quotas q JOIN reps r ON r.id = q.rep_id
          ORDER BY r.name, q.quarter",
    columns: &[col("rep", Text), col("quarter", Text), col("amount", Cents)],
};

/// Calls `each` with every row of `kind` in order and returns how many rows there were.
pub fn for_each_row<E: From<rusqlite::Error>>(
    conn: &Connection,
    kind: RecordKind,
    each: impl FnMut(&[Cell<'_>]) -> Result<(), E>,
) -> Result<u64, E> {
    let spec = kind.spec();
    stream(conn, spec.sql, Vec::new(), spec.columns, each)
}

/// Calls `each` with every deal the board shows under `filter` (all open deals, and the deals
/// closed in `period`), in id order, with the columns of the deals export; returns the count.
pub fn for_each_board_deal<E: From<rusqlite::Error>>(
    conn: &Connection,
    filter: &BoardFilter,
    period: (NaiveDate, NaiveDate),
    each: impl FnMut(&[Cell<'_>]) -> Result<(), E>,
) -> Result<u64, E> {
    let (where_sql, filter_params) = filter_sql(filter);
    let sql = format!(
        "{}
         WHERE (d.stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation')
                OR d.closed_on BETWEEN ? AND ?){where_sql}
         ORDER BY d.id",
        deals_select!()
    );
    let mut params = vec![
        Value::Text(period.0.to_string()),
        Value::Text(period.1.to_string()),
    ];
    params.extend(filter_params);
    stream(conn, &sql, params, DEALS.columns, each)
}

fn stream<E: From<rusqlite::Error>>(
    conn: &Connection,
    sql: &str,
    params: Vec<Value>,
    columns: &[Column],
    mut each: impl FnMut(&[Cell<'_>]) -> Result<(), E>,
) -> Result<u64, E> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params_from_iter(params))?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let cells = columns
            .iter()
            .enumerate()
            .map(|(i, column)| cell(row, i, column.format))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        each(&cells)?;
        count += 1;
    }
    Ok(count)
}

fn cell<'r>(row: &'r Row<'_>, i: usize, format: Format) -> rusqlite::Result<Cell<'r>> {
    let value = row.get_ref(i)?;
    if value == ValueRef::Null {
        return Ok(Cell::Empty);
    }
    let wrong_type =
        |e| rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), Box::new(e));
    Ok(match format {
        Format::Text => Cell::Text(value.as_str().map_err(wrong_type)?),
        Format::Integer => Cell::Integer(value.as_i64().map_err(wrong_type)?),
        Format::Money => Cell::Money(Money(value.as_i64().map_err(wrong_type)?)),
        Format::Percent => Cell::Percent(value.as_i64().map_err(wrong_type)?),
        Format::YesNo => Cell::YesNo(value.as_i64().map_err(wrong_type)? != 0),
    })
}
