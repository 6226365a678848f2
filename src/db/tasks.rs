//! Reads open tasks and reps for the tasks screen and the assignment plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::assign::{AssignInput, Rep, Task};

/// Every open task and every rep with their absences; with `skill`, also each rep's win rate per
/// product family (a scan of closed deals, so the screen's own loads skip it).
pub fn load_input(
    conn: &Connection,
    as_of: NaiveDate,
    skill: bool,
) -> rusqlite::Result<AssignInput> {
    let tasks = conn
        .prepare(
            "SELECT t.id, t.title, t.kind, c.name, c.region, c.owner_rep_id, d.title, p.family,
                    t.rep_id, t.due_on, t.est_minutes, t.priority, t.pinned, t.deal_id, t.customer_id
             FROM tasks t
             LEFT JOIN customers c ON c.id = t.customer_id
             LEFT JOIN deals d ON d.id = t.deal_id
             LEFT JOIN products p ON p.id = d.product_id
             WHERE t.status = 'open'
             ORDER BY t.due_on IS NULL, t.due_on, t.id",
        )?
        .query_map([], |r| {
            Ok(Task {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
                customer: r.get(3)?,
                customer_region: r.get(4)?,
                owner_rep_id: r.get(5)?,
                deal: r.get(6)?,
                family: r.get(7)?,
                rep_id: r.get(8)?,
                due_on: r.get(9)?,
                est_minutes: r.get(10)?,
                priority: r.get(11)?,
                pinned: r.get::<_, i64>(12)? != 0,
                deal_id: r.get(13)?,
                customer_id: r.get(14)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut reps = conn
        .prepare(
            "SELECT id, name, team, region, max_open_tasks, active FROM reps ORDER BY name, id",
        )?
        .query_map([], |r| {
            Ok(Rep {
                id: r.get(0)?,
                name: r.get(1)?,
                team: r.get(2)?,
                region: r.get(3)?,
                max_open_tasks: r.get(4)?,
                active: r.get::<_, i64>(5)? != 0,
                absences: Vec::new(),
                win_rates: BTreeMap::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let index: BTreeMap<i64, usize> = reps.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut absences =
        conn.prepare("SELECT rep_id, from_on, to_on FROM rep_absences ORDER BY rep_id, from_on")?;
    let mut rows = absences.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
            reps[i].absences.push((r.get(1)?, r.get(2)?));
        }
    }
    if skill {
        // One sequential scan of the deals: through the stage index SQLite would fetch every
        // closed deal's row by id, 3.5 s instead of 1 s at a million deals.
        let mut rates = conn.prepare(
            "SELECT d.rep_id, p.family, SUM(d.stage = 'Won'), COUNT(*)
             FROM deals d NOT INDEXED JOIN products p ON p.id = d.product_id
             WHERE d.stage IN ('Won', 'Lost') AND d.rep_id IS NOT NULL
             GROUP BY d.rep_id, p.family",
        )?;
        let mut rows = rates.query([])?;
        while let Some(r) = rows.next()? {
            let (won, closed): (i64, i64) = (r.get(2)?, r.get(3)?);
            if let Some(&i) = index.get(&r.get::<_, i64>(0)?)
                && closed > 0
            {
                reps[i]
                    .win_rates
                    .insert(r.get(1)?, won as f64 / closed as f64);
            }
        }
    }
    Ok(AssignInput { tasks, reps, as_of })
}
