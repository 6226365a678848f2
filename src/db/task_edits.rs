//! Changes to tasks and rep absences, each one transaction with its `edits` rows in one batch,
//! and their undo and redo (called by [`super::edits`] for batches that touch no deal).
//!
//! A field change is an `edits` row of entity `task`; a new task is a `task_row` row holding the
//! whole task as JSON (undo deletes it, redo inserts it again); an absence is a `rep_absence`
//! row holding `rep|from|to`.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::assign_plans;
use super::edits::record::{EditRow, Saved, Stamp, WriteError, new_batch};
use crate::domain::{NewTask, TaskChange};

/// The task columns an edit may change; replay refuses any other name.
const TASK_FIELDS: [&str; 9] = [
    "rep_id",
    "status",
    "pinned",
    "title",
    "kind",
    "due_on",
    "est_minutes",
    "priority",
    "done_on",
];

/// A whole task as a `task_row` edit stores it.
#[derive(Debug, Serialize, Deserialize)]
struct TaskRecord {
    title: String,
    kind: String,
    rep_id: i64,
    due_on: Option<String>,
    est_minutes: i64,
    priority: i64,
}

/// One open batch: the transaction, its number, and who and when to stamp.
struct Batch<'a, 'c> {
    tx: &'a Transaction<'c>,
    id: i64,
    at: &'a str,
    actor: &'a str,
}

impl Batch<'_, '_> {
    fn record(
        &self,
        entity: &str,
        entity_id: i64,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), WriteError> {
        let stamp = Stamp {
            at: self.at,
            actor: self.actor,
            batch: self.id,
        };
        stamp.write(self.tx, entity, entity_id, field, &old, &new)?;
        Ok(())
    }

    /// Sets one field of a task, recording it; false when it already had that value.
    fn set(&self, task_id: i64, field: &str, new: Option<String>) -> Result<bool, WriteError> {
        let old = read_field(self.tx, task_id, field)?;
        if old == new {
            return Ok(false);
        }
        write_field(self.tx, task_id, field, new.as_deref())?;
        self.record("task", task_id, field, old.as_deref(), new.as_deref())?;
        Ok(true)
    }
}

fn checked_field(field: &str) -> Result<&str, WriteError> {
    TASK_FIELDS
        .iter()
        .find(|f| **f == field)
        .copied()
        .ok_or_else(|| WriteError::Refused(format!("unknown task field {field}")))
}

fn read_field(
    tx: &Transaction<'_>,
    task_id: i64,
    field: &str,
) -> Result<Option<String>, WriteError> {
    let field = checked_field(field)?;
    tx.query_row(
        &format!("SELECT CAST({field} AS TEXT) FROM tasks WHERE id = ?1"),
        [task_id],
        |r| r.get::<_, Option<String>>(0),
    )
    .optional()?
    .ok_or_else(|| WriteError::Refused(format!("task {task_id} no longer exists")))
}

fn write_field(
    tx: &Transaction<'_>,
    task_id: i64,
    field: &str,
    value: Option<&str>,
) -> Result<(), WriteError> {
    let field = checked_field(field)?;
    let placeholder = match field {
        "title" | "kind" | "status" | "due_on" | "done_on" => "?2",
        _ => "CAST(?2 AS INTEGER)",
    };
    tx.execute(
        &format!("UPDATE tasks SET {field} = {placeholder} WHERE id = ?1"),
        params![task_id, value],
    )?;
    Ok(())
}

fn open_task(tx: &Transaction<'_>, task_id: i64) -> Result<String, WriteError> {
    let row: Option<(String, String)> = tx
        .query_row(
            "SELECT title, status FROM tasks WHERE id = ?1",
            [task_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Err(WriteError::Refused(format!(
            "task {task_id} no longer exists"
        ))),
        Some((title, status)) if status != "open" => Err(WriteError::Refused(format!(
            "“{title}” is {status} already"
        ))),
        Some((title, _)) => Ok(title),
    }
}

fn active_rep(tx: &Transaction<'_>, rep_id: i64) -> Result<String, WriteError> {
    let row: Option<(String, i64)> = tx
        .query_row(
            "SELECT name, active FROM reps WHERE id = ?1",
            [rep_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Err(WriteError::Refused(format!("rep {rep_id} does not exist"))),
        Some((name, 0)) => Err(WriteError::Refused(format!("{name} is inactive"))),
        Some((name, _)) => Ok(name),
    }
}

fn check_new(task: &NewTask) -> Result<(), WriteError> {
    let refuse = |why: &str| Err(WriteError::Refused(why.to_string()));
    if task.title.trim().is_empty() {
        return refuse("a task needs a title");
    }
    if !(1..=3).contains(&task.priority) {
        return refuse("priority is 1 (most urgent) to 3");
    }
    if task.est_minutes < 0 {
        return refuse("the estimate cannot be negative");
    }
    Ok(())
}

/// Applies `change` in one transaction; every row it touches shares one batch of edits.
/// `today` is the desk's as-of day: a task marked done records it as its done-on day, and an
/// accepted plan is stored with it as its day of acceptance, its predictions made as of it.
pub fn apply(
    conn: &mut Connection,
    change: &TaskChange,
    today: NaiveDate,
    at: &str,
    actor: &str,
) -> Result<Saved, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let id = new_batch(&tx)?;
    let batch = Batch {
        tx: &tx,
        id,
        at,
        actor,
    };
    let summary = match change {
        TaskChange::Reassign { moves } | TaskChange::AcceptPlan { moves, .. } => {
            let mut changed = 0;
            let mut last = String::new();
            for &(task_id, rep_id) in moves {
                open_task(&tx, task_id)?;
                last = active_rep(&tx, rep_id)?;
                if batch.set(task_id, "rep_id", Some(rep_id.to_string()))? {
                    changed += 1;
                }
            }
            if changed == 0 {
                return Err(WriteError::Refused("nothing changed".into()));
            }
            match change {
                TaskChange::AcceptPlan {
                    minutes_per_day, ..
                } => {
                    assign_plans::store(&tx, id, today, *minutes_per_day)?;
                    format!("plan accepted: {changed} tasks moved")
                }
                _ if changed == 1 => format!("1 task reassigned to {last}"),
                _ => format!("{changed} tasks reassigned to {last}"),
            }
        }
        TaskChange::Done { task_id } => {
            let title = open_task(&tx, *task_id)?;
            batch.set(*task_id, "status", Some("done".into()))?;
            batch.set(*task_id, "done_on", Some(today.to_string()))?;
            format!("“{title}” done")
        }
        TaskChange::TogglePin { task_id } => {
            let title = open_task(&tx, *task_id)?;
            let pinned = read_field(&tx, *task_id, "pinned")?.as_deref() == Some("1");
            let next = if pinned { "0" } else { "1" };
            batch.set(*task_id, "pinned", Some(next.into()))?;
            format!(
                "“{title}” {}",
                if pinned {
                    "unpinned"
                } else {
                    "pinned to its rep"
                }
            )
        }
        TaskChange::Absence { rep_id, from, to } => {
            if from > to {
                return Err(WriteError::Refused(
                    "the absence ends before it starts".into(),
                ));
            }
            let name: String = tx
                .query_row("SELECT name FROM reps WHERE id = ?1", [rep_id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| WriteError::Refused(format!("rep {rep_id} does not exist")))?;
            tx.execute(
                "INSERT INTO rep_absences (rep_id, from_on, to_on) VALUES (?1, ?2, ?3)",
                params![rep_id, from, to],
            )?;
            let value = format!("{rep_id}|{from}|{to}");
            batch.record(
                "rep_absence",
                tx.last_insert_rowid(),
                "row",
                None,
                Some(&value),
            )?;
            format!("{name} absent {from} to {to}")
        }
        TaskChange::Add(task) => {
            check_new(task)?;
            active_rep(&tx, task.rep_id)?;
            let record = TaskRecord {
                title: task.title.trim().to_string(),
                kind: task.kind.clone(),
                rep_id: task.rep_id,
                due_on: task.due_on.map(|d| d.to_string()),
                est_minutes: task.est_minutes,
                priority: task.priority,
            };
            let task_id = insert_task(&tx, None, &record)?;
            let json = serde_json::to_string(&record)
                .map_err(|e| WriteError::Refused(format!("cannot record the task: {e}")))?;
            batch.record("task_row", task_id, "row", None, Some(&json))?;
            format!("added “{}”", record.title)
        }
        TaskChange::Edit { task_id, fields } => {
            check_new(fields)?;
            open_task(&tx, *task_id)?;
            let values = [
                ("title", Some(fields.title.trim().to_string())),
                ("kind", Some(fields.kind.clone())),
                ("due_on", fields.due_on.map(|d| d.to_string())),
                ("est_minutes", Some(fields.est_minutes.to_string())),
                ("priority", Some(fields.priority.to_string())),
            ];
            let mut changed = false;
            for (field, value) in values {
                changed |= batch.set(*task_id, field, value)?;
            }
            if !changed {
                return Err(WriteError::Refused("nothing changed".into()));
            }
            format!("“{}” edited", fields.title.trim())
        }
    };
    tx.commit()?;
    Ok(Saved {
        batch: id,
        deal_id: None,
        summary,
    })
}

fn insert_task(tx: &Transaction<'_>, id: Option<i64>, t: &TaskRecord) -> Result<i64, WriteError> {
    tx.execute(
        "INSERT INTO tasks (id, title, kind, rep_id, due_on, est_minutes, priority)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            t.title,
            t.kind,
            t.rep_id,
            t.due_on,
            t.est_minutes,
            t.priority
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Puts a batch of task and absence edits back (`back`) or forward again; returns the summary.
pub(super) fn replay(
    tx: &Transaction<'_>,
    rows: &[EditRow],
    back: bool,
) -> Result<String, WriteError> {
    let ordered: Vec<&EditRow> = if back {
        rows.iter().rev().collect()
    } else {
        rows.iter().collect()
    };
    let mut tasks = std::collections::BTreeSet::new();
    let mut what = None;
    for row in ordered {
        let value = if back { &row.old } else { &row.new };
        match row.entity.as_str() {
            "task" => {
                write_field(tx, row.entity_id, &row.field, value.as_deref())?;
                tasks.insert(row.entity_id);
            }
            "rep_absence" if back => {
                tx.execute("DELETE FROM rep_absences WHERE id = ?1", [row.entity_id])?;
                what = Some("an absence".to_string());
            }
            "rep_absence" => {
                let text = row.new.as_deref().unwrap_or_default();
                let parts: Vec<&str> = text.splitn(3, '|').collect();
                let [rep, from, to] = parts[..] else {
                    return Err(WriteError::Refused(format!("bad absence record '{text}'")));
                };
                tx.execute(
                    "INSERT INTO rep_absences (id, rep_id, from_on, to_on) VALUES (?1, ?2, ?3, ?4)",
                    params![row.entity_id, rep, from, to],
                )?;
                what = Some("an absence".to_string());
            }
            "task_row" if back => {
                tx.execute("DELETE FROM tasks WHERE id = ?1", [row.entity_id])?;
                what = Some("a new task".to_string());
            }
            "task_row" => {
                let text = row.new.as_deref().unwrap_or_default();
                let record: TaskRecord = serde_json::from_str(text)
                    .map_err(|e| WriteError::Refused(format!("bad task record: {e}")))?;
                insert_task(tx, Some(row.entity_id), &record)?;
                what = Some("a new task".to_string());
            }
            other => {
                return Err(WriteError::Refused(format!(
                    "cannot replay an edit of {other}"
                )));
            }
        }
    }
    let verb = if back { "undone" } else { "redone" };
    Ok(match what {
        Some(what) => format!("{verb}: {what}"),
        None if tasks.len() == 1 => format!("{verb}: a change to 1 task"),
        None => format!("{verb}: changes to {} tasks", tasks.len()),
    })
}
