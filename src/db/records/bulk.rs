//! One change to a set of deals — move stage, change owner, set expected close, mark lost, set
//! the forecast category — as one
//! transaction and one undo step, with a summary of what changed and what was skipped and why.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::deal::enter_stage;
use super::{RecordError, Stamp, Written, lookup, write};
use crate::analytics::commit::Category;
use crate::domain::{FieldError, Stage};

/// What to do to every selected deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkChange {
    /// Move open deals to another open stage.
    Move(Stage),
    /// Give the deals to another rep.
    Owner(i64),
    /// Set (or clear) the expected close date of open deals.
    ExpectedClose(Option<NaiveDate>),
    /// Close open deals as Lost today, for a reason.
    Lose(String),
    /// Set the forecast category of open deals (`None`: back to the default from stage and odds).
    Category(Option<Category>),
}

/// What a bulk change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkSummary {
    /// The write: batch and summary in words.
    pub written: Written,
    /// How many deals changed.
    pub changed: usize,
    /// Deals left as they were, with why.
    pub skipped: Vec<(i64, String)>,
}

/// Applies `change` to every deal of `deal_ids` it applies to, as one undoable step; refuses
/// when it applies to none.
pub fn bulk_change(
    conn: &mut Connection,
    deal_ids: &[i64],
    change: &BulkChange,
    stamp: Stamp<'_>,
) -> Result<BulkSummary, RecordError> {
    match change {
        BulkChange::Move(to) if to.is_closed() => {
            return Err(FieldError::new(
                "stage",
                "move to an open stage; mark Won or Lost instead",
            )
            .into());
        }
        BulkChange::Lose(reason) if reason.trim().is_empty() => {
            return Err(FieldError::new("reason", "cannot be empty").into());
        }
        BulkChange::Category(Some(Category::Closed)) => {
            return Err(FieldError::new(
                "category",
                "Closed comes from a Won deal; it cannot be set",
            )
            .into());
        }
        _ => {}
    }
    let mut changed = 0;
    let mut skipped = Vec::new();
    let written = write(conn, stamp, |j| {
        let catalogue = crate::db::pipelines::load(j.tx())?;
        let target = match change {
            BulkChange::Move(to) => Some((
                catalogue.name(*to).to_string(),
                catalogue.pipeline_of(*to).ok_or_else(|| {
                    RecordError::from(FieldError::new("stage", "is not a stage of the book"))
                })?,
            )),
            _ => None,
        };
        let what = match (change, &target) {
            (BulkChange::Move(_), Some((name, _))) => format!("moved to {name}"),
            (BulkChange::Move(_), None) => String::new(),
            (BulkChange::Owner(rep), _) => {
                format!("given to {}", lookup::rep(j.tx(), "owner", *rep)?)
            }
            (BulkChange::ExpectedClose(Some(d)), _) => format!("expected to close {d}"),
            (BulkChange::ExpectedClose(None), _) => "close date cleared".into(),
            (BulkChange::Lose(reason), _) => format!("marked Lost ({})", reason.trim()),
            (BulkChange::Category(Some(c)), _) => format!("set to {c}"),
            (BulkChange::Category(None), _) => "back to the default category".into(),
        };
        let today = stamp.today.to_string();
        let mut stage_of = j
            .tx()
            .prepare_cached("SELECT stage, pipeline_id FROM deals WHERE id = ?1")?;
        for &id in deal_ids {
            let Some((stage, pipeline)) = stage_of
                .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .optional()?
            else {
                skipped.push((id, "no such deal".to_string()));
                continue;
            };
            let closed = stage == "Won" || stage == "Lost";
            let did = match change {
                BulkChange::Owner(rep) => j.set("deals", id, "rep_id", Value::Integer(*rep))?,
                _ if closed => {
                    skipped.push((id, format!("already {stage}")));
                    continue;
                }
                BulkChange::Move(_) => {
                    let Some((name, to_pipeline)) = &target else {
                        continue;
                    };
                    if pipeline != *to_pipeline {
                        skipped.push((id, "in another pipeline".to_string()));
                        continue;
                    }
                    let did = j.set("deals", id, "stage", Value::Text(name.clone()))?;
                    if did {
                        enter_stage(j, id, Some(&stage), name, &today)?;
                    }
                    did
                }
                BulkChange::Category(c) => j.set(
                    "deals",
                    id,
                    "forecast_category",
                    c.map_or(Value::Null, |c| Value::Text(c.as_str().into())),
                )?,
                BulkChange::ExpectedClose(d) => j.set(
                    "deals",
                    id,
                    "expected_close_on",
                    d.map_or(Value::Null, |d| Value::Text(d.to_string())),
                )?,
                BulkChange::Lose(reason) => {
                    // Closed-on first, so the Won/Lost ⇔ closed_on check holds after the stage.
                    j.set(
                        "deals",
                        id,
                        "lost_reason",
                        Value::Text(reason.trim().into()),
                    )?;
                    j.tx().execute(
                        "UPDATE deals SET stage = 'Lost', closed_on = ?2 WHERE id = ?1",
                        rusqlite::params![id, today],
                    )?;
                    j.note("deals", id, "stage", Some(&stage), Some("Lost"))?;
                    j.note("deals", id, "closed_on", None, Some(&today))?;
                    enter_stage(j, id, Some(&stage), "Lost", &today)?;
                    true
                }
            };
            if did {
                changed += 1;
            } else {
                skipped.push((id, "already so".to_string()));
            }
        }
        if changed == 0 {
            return Err(FieldError::new(
                "deals",
                "the change applies to none of the selected deals",
            )
            .into());
        }
        let plural = if changed == 1 { "deal" } else { "deals" };
        let skip = match skipped.len() {
            0 => String::new(),
            n => format!(" ({n} skipped)"),
        };
        Ok((0, format!("{changed} {plural} {what}{skip}")))
    })?;
    Ok(BulkSummary {
        written,
        changed,
        skipped,
    })
}
