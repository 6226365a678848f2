//! Writes batches of deal rows (deals, stage changes, activities, tasks) with multi-row INSERTs.

use rusqlite::Transaction;

use super::bulk::{Bulk, int, owned, text, text_or_null};
use super::calendar::Calendar;
use super::rows::Batch;

/// Rows written per table by a [`Writer`].
pub(super) struct Written {
    pub deals: u64,
    pub stage_changes: u64,
    pub activities: u64,
    pub tasks: u64,
}

/// One bulk inserter per table.
pub(super) struct Writer<'t, 'a> {
    cal: &'a Calendar,
    deals: Bulk<'t, 'a>,
    stage_changes: Bulk<'t, 'a>,
    activities: Bulk<'t, 'a>,
    tasks: Bulk<'t, 'a>,
}

impl<'t, 'a> Writer<'t, 'a> {
    /// Prepares the statements.
    pub fn new(tx: &'t Transaction<'t>, cal: &'a Calendar) -> Result<Self, rusqlite::Error> {
        let deal_columns = [
            "id",
            "customer_id",
            "rep_id",
            "product_id",
            "title",
            "amount_cents",
            "stage",
            "created_on",
            "expected_close_on",
            "closed_on",
            "lost_reason",
        ];
        let task_columns = [
            "title",
            "kind",
            "customer_id",
            "deal_id",
            "rep_id",
            "due_on",
            "est_minutes",
            "priority",
            "status",
            "pinned",
            "done_on",
        ];
        Ok(Writer {
            cal,
            deals: Bulk::new(tx, "deals", &deal_columns)?,
            stage_changes: Bulk::new(
                tx,
                "stage_changes",
                &["deal_id", "from_stage", "to_stage", "changed_on"],
            )?,
            activities: Bulk::new(
                tx,
                "activities",
                &["customer_id", "deal_id", "rep_id", "kind", "happened_on"],
            )?,
            tasks: Bulk::new(tx, "tasks", &task_columns)?,
        })
    }

    /// Writes (or buffers) every row of `batch`.
    pub fn write(&mut self, batch: Batch) -> Result<(), rusqlite::Error> {
        let cal = self.cal;
        for row in batch.deals {
            let d = row.deal;
            self.deals.push([
                int(row.id),
                int(d.customer as i64 + 1),
                int(d.rep as i64 + 1),
                int(d.product as i64 + 1),
                owned(row.title),
                int(d.cents),
                text(super::stage_name(d.stage)),
                text(cal.iso(d.created)),
                text(cal.iso(d.expected)),
                text_or_null(d.stage.is_closed().then(|| cal.iso(d.end))),
                text_or_null(d.lost.map(|(_, reason)| reason)),
            ])?;
        }
        for s in batch.stage_changes {
            self.stage_changes.push([
                int(s.deal),
                text(super::stage_name(s.from)),
                text(super::stage_name(s.to)),
                text(cal.iso(s.on)),
            ])?;
        }
        for a in batch.activities {
            self.activities.push([
                int(a.customer),
                int(a.deal),
                int(a.rep),
                text(a.kind),
                text(cal.iso(a.on)),
            ])?;
        }
        for t in batch.tasks {
            self.tasks.push([
                owned(t.title),
                text(t.kind),
                int(t.customer),
                int(t.deal),
                int(t.rep),
                text(cal.iso(t.due)),
                int(i64::from(t.minutes)),
                int(i64::from(t.priority)),
                text(t.status),
                int(i64::from(t.pinned)),
                text_or_null(t.done.map(|d| cal.iso(d))),
            ])?;
        }
        Ok(())
    }

    /// Writes what is still buffered; returns the rows written per table.
    pub fn finish(self) -> Result<Written, rusqlite::Error> {
        Ok(Written {
            deals: self.deals.finish()?,
            stage_changes: self.stage_changes.finish()?,
            activities: self.activities.finish()?,
            tasks: self.tasks.finish()?,
        })
    }
}
