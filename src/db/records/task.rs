//! Follow-up tasks on a deal or a customer: the kinds in use to pick from, a prefilled draft, and
//! the task created as one undoable step.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use rusqlite::types::Value;

use super::{RecordError, Stamp, Written, lookup, write};
use crate::domain::{FieldError, TASK_KINDS, required};

/// A task as the form or the command line gives it, linked to a customer and maybe a deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskInput {
    /// What to do (required).
    pub title: String,
    /// One of [`task_kinds`].
    pub kind: String,
    /// The customer it is for.
    pub customer_id: Option<i64>,
    /// The deal it is for.
    pub deal_id: Option<i64>,
    /// Who holds it.
    pub rep_id: i64,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Estimated minutes of work.
    pub est_minutes: i64,
    /// 1 (most urgent) to 3.
    pub priority: i64,
}

/// The task kinds to pick from: those in use, most used first, then the standard ones not yet used.
pub fn task_kinds(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut kinds: Vec<String> = conn
        .prepare_cached("SELECT kind FROM tasks GROUP BY kind ORDER BY COUNT(*) DESC, kind")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for k in TASK_KINDS {
        if !kinds.iter().any(|have| have == k) {
            kinds.push(k.to_string());
        }
    }
    Ok(kinds)
}

/// A follow-up draft for deal `deal_id` (or, without one, customer `customer_id`): titled after
/// it, held by its owner, kind `follow-up`, due in three days.
pub fn follow_up(
    conn: &Connection,
    deal_id: Option<i64>,
    customer_id: Option<i64>,
    today: NaiveDate,
) -> Result<TaskInput, RecordError> {
    let (title, customer, owner) = match (deal_id, customer_id) {
        (Some(d), _) => conn.query_row(
            "SELECT d.title, d.customer_id, COALESCE(d.rep_id, c.owner_rep_id)
             FROM deals d LEFT JOIN customers c ON c.id = d.customer_id WHERE d.id = ?1",
            [d],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
        ),
        (None, Some(c)) => conn.query_row(
            "SELECT name, id, owner_rep_id FROM customers WHERE id = ?1",
            [c],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
        ),
        (None, None) => return Err(FieldError::new("customer", "give a customer or a deal").into()),
    }
    .map_err(|_| {
        FieldError::new(
            if deal_id.is_some() {
                "deal"
            } else {
                "customer"
            },
            "not found",
        )
    })?;
    let owner: Option<i64> = owner;
    Ok(TaskInput {
        title: format!("Follow up: {title}"),
        kind: "follow-up".into(),
        customer_id: customer,
        deal_id,
        rep_id: owner
            .ok_or_else(|| FieldError::new("rep", "the record has no owner; pick a rep"))?,
        due_on: today.checked_add_days(Days::new(3)),
        est_minutes: 30,
        priority: 2,
    })
}

/// Creates a task as one undoable step.
pub fn create_task(
    conn: &mut Connection,
    t: &TaskInput,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    let title = required("title", &t.title)?;
    let kinds = task_kinds(conn)?;
    if !kinds.contains(&t.kind) {
        return Err(FieldError::new(
            "kind",
            format!("'{}' is not one of {}", t.kind, kinds.join(", ")),
        )
        .into());
    }
    if !(1..=3).contains(&t.priority) {
        return Err(FieldError::new("priority", "must be 1, 2 or 3").into());
    }
    if t.est_minutes < 0 {
        return Err(FieldError::new("estimate", "cannot be negative").into());
    }
    write(conn, stamp, |j| {
        let rep = lookup::rep(j.tx(), "rep", t.rep_id)?;
        if let Some(c) = t.customer_id {
            lookup::customer(j.tx(), "customer", c)?;
        }
        if let Some(d) = t.deal_id {
            lookup::deal(j.tx(), "deal", d)?;
        }
        let opt = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
        let id = j.insert(
            "tasks",
            &[
                ("title", Value::Text(title.clone())),
                ("kind", Value::Text(t.kind.clone())),
                ("customer_id", opt(t.customer_id)),
                ("deal_id", opt(t.deal_id)),
                ("rep_id", Value::Integer(t.rep_id)),
                (
                    "due_on",
                    t.due_on.map_or(Value::Null, |d| Value::Text(d.to_string())),
                ),
                ("est_minutes", Value::Integer(t.est_minutes)),
                ("priority", Value::Integer(t.priority)),
            ],
        )?;
        Ok((id, format!("New task '{title}' for {rep}")))
    })
}
