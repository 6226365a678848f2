//! Accepted assignment plans and what they predicted (migration 015), and the tasks with due
//! dates the plan monitor counts.
//!
//! A plan is stored in the transaction that accepts it, keyed by its edit batch. Undoing that
//! batch does not delete the plan: it marks it undone (a redo marks it live again), so the
//! stored prediction always agrees with the edits and a redo needs nothing it no longer has.
//! The monitor reads only live plans.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

use super::tasks::load_input;
use crate::analytics::assign::Task;
use crate::analytics::monitor::assign::{
    DueTask, PlanFacts, PlanForecast, RepLoad, StoredPlan, TaskForecast, predict,
};

/// Stores what the plan accepted in `batch` predicts, from the open tasks as they are after its
/// moves, as of `today` at `minutes_per_day` minutes of work a rep's working day.
pub(crate) fn store(
    tx: &Transaction<'_>,
    batch: i64,
    today: NaiveDate,
    minutes_per_day: i64,
) -> rusqlite::Result<()> {
    let input = load_input(tx, today, false)?;
    let forecast = predict(&input.tasks, &input.reps, today, minutes_per_day);
    insert(tx, Some(batch), today, minutes_per_day, &forecast)
}

/// Stores, for the demo book, a plan as if accepted on `day` (before today) without moving
/// anything: its predictions are made from the tasks open then, that is the tasks open now and
/// those done on or after `day`, with their reps as they are now. It has no edit batch.
pub(crate) fn store_past(
    tx: &Transaction<'_>,
    day: NaiveDate,
    minutes_per_day: i64,
) -> rusqlite::Result<()> {
    let mut input = load_input(tx, day, false)?;
    let mut done_since = tx.prepare(
        "SELECT id, rep_id, due_on, est_minutes, priority FROM tasks
         WHERE status = 'done' AND done_on >= ?1 ORDER BY id",
    )?;
    let rows = done_since.query_map([day.to_string()], |r| {
        Ok(Task::bare(
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    for task in rows {
        input.tasks.push(task?);
    }
    let forecast = predict(&input.tasks, &input.reps, day, minutes_per_day);
    insert(tx, None, day, minutes_per_day, &forecast)
}

fn insert(
    tx: &Transaction<'_>,
    batch: Option<i64>,
    today: NaiveDate,
    minutes_per_day: i64,
    forecast: &PlanForecast,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO assign_plans (batch, accepted_on, minutes_per_day) VALUES (?1, ?2, ?3)",
        params![batch, today.to_string(), minutes_per_day],
    )?;
    let plan_id = tx.last_insert_rowid();
    let mut rep = tx.prepare(
        "INSERT INTO assign_plan_reps (plan_id, rep_id, open_tasks, load_minutes)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in &forecast.reps {
        rep.execute(params![plan_id, r.rep_id, r.open_tasks, r.load_minutes])?;
    }
    let mut task = tx.prepare(
        "INSERT INTO assign_plan_tasks (plan_id, task_id, rep_id, due_on, on_time)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for t in &forecast.tasks {
        task.execute(params![
            plan_id,
            t.task_id,
            t.rep_id,
            t.due_on.to_string(),
            t.on_time
        ])?;
    }
    Ok(())
}

/// Marks the plan accepted in `batch`, if any, undone or live again.
pub(crate) fn mark_undone(tx: &Transaction<'_>, batch: i64, undone: bool) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE assign_plans SET undone = ?2 WHERE batch = ?1",
        params![batch, undone],
    )?;
    Ok(())
}

/// Every live plan oldest first with its predictions, every task with a due date and a rep,
/// and the reps' names. Cancelled tasks are left out, and so are tasks marked done before the
/// desk recorded the day (no `done_on`): whether they were on time is not known.
pub fn plan_facts(conn: &Connection) -> rusqlite::Result<PlanFacts> {
    let mut plans: Vec<StoredPlan> = conn
        .prepare("SELECT id, accepted_on FROM assign_plans WHERE undone = 0 ORDER BY id")?
        .query_map([], |r| {
            Ok(StoredPlan {
                id: r.get(0)?,
                accepted_on: r.get(1)?,
                forecast: PlanForecast::default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: BTreeMap<i64, usize> = plans.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut reps = conn.prepare(
        "SELECT r.plan_id, r.rep_id, r.open_tasks, r.load_minutes FROM assign_plan_reps r
         JOIN assign_plans p ON p.id = r.plan_id WHERE p.undone = 0 ORDER BY r.plan_id, r.rep_id",
    )?;
    let mut rows = reps.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
            plans[i].forecast.reps.push(RepLoad {
                rep_id: r.get(1)?,
                open_tasks: r.get(2)?,
                load_minutes: r.get(3)?,
            });
        }
    }
    let mut tasks = conn.prepare(
        "SELECT t.plan_id, t.task_id, t.rep_id, t.due_on, t.on_time FROM assign_plan_tasks t
         JOIN assign_plans p ON p.id = t.plan_id WHERE p.undone = 0 ORDER BY t.plan_id, t.task_id",
    )?;
    let mut rows = tasks.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
            plans[i].forecast.tasks.push(TaskForecast {
                task_id: r.get(1)?,
                rep_id: r.get(2)?,
                due_on: r.get(3)?,
                on_time: r.get(4)?,
            });
        }
    }
    let due = if plans.is_empty() {
        Vec::new()
    } else {
        conn.prepare(
            "SELECT rep_id, due_on, done_on FROM tasks
             WHERE due_on IS NOT NULL AND rep_id IS NOT NULL AND status != 'cancelled'
               AND NOT (status = 'done' AND done_on IS NULL)",
        )?
        .query_map([], |r| {
            Ok(DueTask {
                rep_id: r.get(0)?,
                due_on: r.get(1)?,
                done_on: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let names = conn
        .prepare("SELECT id, name FROM reps")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PlanFacts {
        plans,
        tasks: due,
        names,
    })
}
