//! Changes to deals: one UPDATE of the deal (so the Won/Lost ⇔ closed_on check holds), a
//! `stage_changes` row when the stage moves, and one `edits` row per field, all sharing a batch;
//! and the replay that puts such a batch back or forward.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::record::{EditRow, Saved, Stamp, WriteError, new_batch};
use super::words;
use crate::db::pipelines;
use crate::domain::{DealChange, Pipelines, Stage};

/// The `edits.entity` of a deal's field.
pub(super) const ENTITY: &str = "deal";

const DEAL_FIELDS: [&str; 6] = [
    "stage",
    "amount_cents",
    "expected_close_on",
    "closed_on",
    "lost_reason",
    "probability_bp",
];

/// A deal's editable fields as text, the way `edits` stores them.
type Fields = [Option<String>; 6];

fn read_fields(tx: &Transaction<'_>, deal_id: i64) -> Result<Fields, WriteError> {
    tx.query_row(
        "SELECT stage, CAST(amount_cents AS TEXT), expected_close_on, closed_on, lost_reason,
                CAST(probability_bp AS TEXT)
         FROM deals WHERE id = ?1",
        [deal_id],
        |r| {
            Ok([
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ])
        },
    )
    .optional()?
    .ok_or(WriteError::Missing(deal_id))
}

fn write_fields(tx: &Transaction<'_>, deal_id: i64, f: &Fields) -> Result<(), WriteError> {
    let int = |v: &Option<String>| -> Result<Option<i64>, WriteError> {
        v.as_deref()
            .map(|s| {
                s.parse::<i64>()
                    .map_err(|_| WriteError::Refused(format!("'{s}' is not a number")))
            })
            .transpose()
    };
    tx.execute(
        "UPDATE deals SET stage = ?2, amount_cents = ?3, expected_close_on = ?4, closed_on = ?5,
                          lost_reason = ?6, probability_bp = ?7
         WHERE id = ?1",
        params![deal_id, f[0], int(&f[1])?, f[2], f[3], f[4], int(&f[5])?],
    )?;
    Ok(())
}

/// The deal's pipeline and the book's stages, to read and write its stage by name.
struct StagesOf<'a> {
    catalogue: &'a Pipelines,
    pipeline_id: i64,
}

impl StagesOf<'_> {
    fn stage(&self, fields: &Fields) -> Result<Stage, WriteError> {
        let name = fields[0].as_deref().unwrap_or_default();
        self.catalogue
            .stage_named(self.pipeline_id, name)
            .ok_or_else(|| {
                WriteError::Refused(format!("'{name}' is not a stage of the deal's pipeline"))
            })
    }
}

/// The fields after `change`, or why it cannot apply.
/// `reopen_at` is the open stage a reopened deal returns to.
fn changed(
    current: &Fields,
    change: &DealChange,
    today: NaiveDate,
    reopen_at: Stage,
    stages: &StagesOf<'_>,
) -> Result<Fields, WriteError> {
    let stage = stages.stage(current)?;
    let mut next = current.clone();
    let today = Some(today.to_string());
    let refuse = |why: &str| Err(WriteError::Refused(why.to_string()));
    match change {
        DealChange::Move { to } => {
            if stage.is_closed() {
                return refuse("a closed deal is reopened, not moved");
            }
            if to.is_closed() || *to == stage {
                return refuse("that is not a move to another open stage");
            }
            if stages.catalogue.pipeline_of(*to) != Some(stages.pipeline_id) {
                return refuse("that stage is not in the deal's pipeline");
            }
            next[0] = Some(stages.catalogue.name(*to).into());
        }
        DealChange::Win => {
            if stage == Stage::Won {
                return refuse("the deal is already Won");
            }
            next[0] = Some("Won".into());
            next[3] = today;
            next[4] = None;
        }
        DealChange::Lose { reason } => {
            if stage == Stage::Lost {
                return refuse("the deal is already Lost");
            }
            next[0] = Some("Lost".into());
            next[3] = today;
            next[4] = Some(reason.clone());
        }
        DealChange::Reopen => {
            if !stage.is_closed() {
                return refuse("the deal is open already");
            }
            next[0] = Some(stages.catalogue.name(reopen_at).into());
            next[3] = None;
            next[4] = None;
        }
        DealChange::Edit {
            amount,
            expected_close_on,
            probability_bp,
        } => {
            if amount.cents() < 0 {
                return refuse("the amount cannot be negative");
            }
            if probability_bp.is_some_and(|p| !(0..=10_000).contains(&p)) {
                return refuse("the probability must be between 0 and 100%");
            }
            next[1] = Some(amount.cents().to_string());
            next[2] = expected_close_on.map(|d| d.to_string());
            next[5] = probability_bp.map(|p| p.to_string());
        }
    }
    if next == *current {
        return refuse("nothing changed");
    }
    Ok(next)
}

/// Applies `change` to a deal in one transaction, with its stage change and edit rows.
pub fn apply(
    conn: &mut Connection,
    deal_id: i64,
    change: &DealChange,
    today: NaiveDate,
    at: &str,
    actor: &str,
) -> Result<Saved, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = read_fields(&tx, deal_id)?;
    let catalogue = pipelines::load(&tx)?;
    let pipeline_id: i64 = tx.query_row(
        "SELECT pipeline_id FROM deals WHERE id = ?1",
        [deal_id],
        |r| r.get(0),
    )?;
    let stages = StagesOf {
        catalogue: &catalogue,
        pipeline_id,
    };
    let reopen_at = closed_from(&tx, deal_id, &stages)?;
    let next = changed(&current, change, today, reopen_at, &stages)?;
    write_fields(&tx, deal_id, &next)?;
    let batch = new_batch(&tx)?;
    let stamp = Stamp { at, actor, batch };
    for ((field, old), new) in DEAL_FIELDS.iter().zip(&current).zip(&next) {
        if old != new {
            stamp.write(&tx, ENTITY, deal_id, field, old, new)?;
        }
    }
    if current[0] != next[0] {
        tx.execute(
            "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on) VALUES (?1, ?2, ?3, ?4)",
            params![deal_id, current[0], next[0], today],
        )?;
        let row = tx.last_insert_rowid();
        let value = format!(
            "{}|{}|{}",
            current[0].as_deref().unwrap_or_default(),
            next[0].as_deref().unwrap_or_default(),
            today
        );
        stamp.write(&tx, "stage_change", row, "row", &None::<String>, &value)?;
    }
    let title: String = tx.query_row("SELECT title FROM deals WHERE id = ?1", [deal_id], |r| {
        r.get(0)
    })?;
    tx.commit()?;
    Ok(Saved {
        batch,
        deal_id: Some(deal_id),
        summary: format!("{}: {}", title, describe(change, &next)),
    })
}

/// The open stage the deal last closed from (its last move from an open stage to Won or Lost);
/// its pipeline's last open stage when the history does not say.
fn closed_from(
    tx: &Transaction<'_>,
    deal_id: i64,
    stages: &StagesOf<'_>,
) -> Result<Stage, WriteError> {
    let from: Option<String> = tx
        .query_row(
            "SELECT from_stage FROM stage_changes
             WHERE deal_id = ?1 AND to_stage IN ('Won', 'Lost')
               AND from_stage IS NOT NULL AND from_stage NOT IN ('Won', 'Lost')
             ORDER BY id DESC LIMIT 1",
            [deal_id],
            |r| r.get(0),
        )
        .optional()?;
    from.and_then(|s| stages.catalogue.stage_in_history(stages.pipeline_id, &s))
        .filter(|s| !s.is_closed())
        .or_else(|| stages.catalogue.last_open(stages.pipeline_id))
        .ok_or_else(|| WriteError::Refused("the deal's pipeline has no open stage".into()))
}

fn describe(change: &DealChange, next: &Fields) -> String {
    match change {
        DealChange::Move { .. } => format!("moved to {}", next[0].as_deref().unwrap_or_default()),
        DealChange::Win => "marked Won".into(),
        DealChange::Lose { reason } => format!("marked Lost ({reason})"),
        DealChange::Reopen => format!("reopened at {}", next[0].as_deref().unwrap_or_default()),
        DealChange::Edit { .. } => "edited".into(),
    }
}

/// Puts a batch of deal edits (and its stage change) back (`back`) or forward again; returns the
/// status-line summary.
pub(super) fn replay(
    tx: &Transaction<'_>,
    rows: &[EditRow],
    back: bool,
) -> Result<String, WriteError> {
    let deal_id = rows
        .iter()
        .find(|r| r.entity == ENTITY)
        .map(|r| r.entity_id)
        .ok_or_else(|| WriteError::Refused("the edit batch has no deal".into()))?;
    let mut fields = read_fields(tx, deal_id)?;
    for row in rows.iter().filter(|r| r.entity == ENTITY) {
        let i = DEAL_FIELDS
            .iter()
            .position(|f| *f == row.field)
            .ok_or_else(|| WriteError::Refused(format!("unknown field {}", row.field)))?;
        fields[i] = if back {
            row.old.clone()
        } else {
            row.new.clone()
        };
    }
    write_fields(tx, deal_id, &fields)?;
    for row in rows.iter().filter(|r| r.entity == "stage_change") {
        if back {
            tx.execute("DELETE FROM stage_changes WHERE id = ?1", [row.entity_id])?;
        } else {
            let value = row.new.as_deref().unwrap_or_default();
            let parts: Vec<&str> = value.splitn(3, '|').collect();
            let [from, to, on] = parts[..] else {
                return Err(WriteError::Refused(format!(
                    "bad stage change record '{value}'"
                )));
            };
            tx.execute(
                "INSERT INTO stage_changes (id, deal_id, from_stage, to_stage, changed_on)
                 VALUES (?1, ?2, NULLIF(?3, ''), ?4, ?5)",
                params![row.entity_id, deal_id, from, to, on],
            )?;
        }
    }
    let title: String = tx.query_row("SELECT title FROM deals WHERE id = ?1", [deal_id], |r| {
        r.get(0)
    })?;
    let verb = if back { "undone" } else { "redone" };
    let changes: Vec<String> = rows
        .iter()
        .filter(|r| r.entity == ENTITY && r.field != "closed_on")
        .filter_map(|r| {
            let (label, old, new) = words::change(
                ENTITY,
                &r.field,
                r.old.as_deref(),
                r.new.as_deref(),
                &|_, _| None,
            )?;
            Some(words::sentence(&title, ENTITY, &label, &old, &new))
        })
        .collect();
    Ok(format!("{verb}: {title}: {}", changes.join(", ")))
}
