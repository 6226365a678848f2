//! Reads for the record screens and the headless `show` and `find`: a deal's and a customer's
//! record, search over customers, contacts, deals and tasks, and the pipeline list view with its
//! saved views. Plain structs out; the screens only draw them.

mod customer_record;
mod deal_record;
mod list_changes;
mod list_filter;
mod list_index;
mod list_order;
mod pipeline_list;
mod search;

pub use customer_record::{ContactLine, CustomerRecord, DealLine, customer_record};
pub use deal_record::{DealRecord, StageStep, deal_record};
pub use list_index::{ListIndex, saved_view_counts};
pub use pipeline_list::{ListPage, ListQuery, ListRow, SavedView, SortColumn, pipeline_page};
pub use search::{Hit, HitKind, search, task_deal};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::db::edits::words::Named;

/// One activity on a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityLine {
    /// Its id.
    pub id: i64,
    /// call, email, meeting, note…
    pub kind: String,
    /// When it happened.
    pub happened_on: Option<NaiveDate>,
    /// Who did it.
    pub rep: Option<String>,
    /// What was said or done.
    pub text: String,
}

/// One task on a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskLine {
    /// Its id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: String,
    /// Due date.
    pub due_on: Option<NaiveDate>,
    /// Owner.
    pub rep: Option<String>,
    /// open, done or cancelled.
    pub status: String,
}

/// An `edits` row as the record histories read it: at, entity, field, old, new, undone.
type EditText = (String, String, String, Option<String>, Option<String>, bool);

/// The `edits` rows `sql` selects for record `id` (at, entity, field, old, new, undone), in
/// the order it gives: what a record's history is written from.
fn edit_rows(conn: &Connection, sql: &str, id: i64) -> rusqlite::Result<Vec<EditText>> {
    conn.prepare_cached(sql)?
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get::<_, i64>(5)? != 0,
            ))
        })?
        .collect()
}

/// A stored ISO date, or `None` when it is not one.
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The name of a rep, product or customer by id.
pub(crate) fn name_of(conn: &Connection, kind: Named, id: i64) -> Option<String> {
    let sql = match kind {
        Named::Rep => "SELECT name FROM reps WHERE id = ?1",
        Named::Product => "SELECT name FROM products WHERE id = ?1",
        Named::Customer => "SELECT name FROM customers WHERE id = ?1",
    };
    conn.prepare_cached(sql)
        .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
        .ok()
        .flatten()
}

/// Activities whose `column` (`deal_id` or `customer_id`) is `id`, newest first.
fn activities(conn: &Connection, column: &str, id: i64) -> rusqlite::Result<Vec<ActivityLine>> {
    conn.prepare_cached(&format!(
        "SELECT a.id, a.kind, a.happened_on, r.name, a.text FROM activities a
         LEFT JOIN reps r ON r.id = a.rep_id WHERE a.{column} = ?1
         ORDER BY a.happened_on DESC, a.id DESC"
    ))?
    .query_map([id], |r| {
        Ok(ActivityLine {
            id: r.get(0)?,
            kind: r.get(1)?,
            happened_on: date(r.get::<_, String>(2)?.as_str()),
            rep: r.get(3)?,
            text: r.get(4)?,
        })
    })?
    .collect()
}

/// Tasks whose `column` (`deal_id` or `customer_id`) is `id`: open first by due date, then the rest.
fn tasks(conn: &Connection, column: &str, id: i64) -> rusqlite::Result<Vec<TaskLine>> {
    conn.prepare_cached(&format!(
        "SELECT t.id, t.title, t.kind, t.due_on, r.name, t.status FROM tasks t
         LEFT JOIN reps r ON r.id = t.rep_id WHERE t.{column} = ?1
         ORDER BY t.status <> 'open', t.due_on IS NULL, t.due_on, t.id"
    ))?
    .query_map([id], |r| {
        Ok(TaskLine {
            id: r.get(0)?,
            title: r.get(1)?,
            kind: r.get(2)?,
            due_on: r.get::<_, Option<String>>(3)?.as_deref().and_then(date),
            rep: r.get(4)?,
            status: r.get(5)?,
        })
    })?
    .collect()
}
