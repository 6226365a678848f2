//! A rep's quota for a quarter, set or changed as one undoable step.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::{RecordError, Stamp, Written, lookup, write};
use crate::domain::{FieldError, Money, Quarter};

/// Sets rep `rep_id`'s quota for `quarter` to `amount`; returns the quota row's id.
pub fn set_quota(
    conn: &mut Connection,
    rep_id: i64,
    quarter: Quarter,
    amount: Money,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    if amount.cents() < 0 {
        return Err(FieldError::new("quota", "cannot be negative").into());
    }
    write(conn, stamp, |j| {
        let rep = lookup::rep(j.tx(), "rep", rep_id)?;
        let existing: Option<(i64, i64)> = j
            .tx()
            .query_row(
                "SELECT rowid, amount_cents FROM quotas WHERE rep_id = ?1 AND quarter = ?2",
                rusqlite::params![rep_id, quarter.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match existing {
            Some((id, old)) => {
                if !j.set("quotas", id, "amount_cents", Value::Integer(amount.cents()))? {
                    return Err(FieldError::new("quota", "nothing changed").into());
                }
                Ok((
                    id,
                    format!(
                        "Quota {rep} {quarter} {} → {}",
                        Money(old).whole(),
                        amount.whole()
                    ),
                ))
            }
            None => {
                let id = j.insert(
                    "quotas",
                    &[
                        ("rep_id", Value::Integer(rep_id)),
                        ("quarter", Value::Text(quarter.to_string())),
                        ("amount_cents", Value::Integer(amount.cents())),
                    ],
                )?;
                Ok((
                    id,
                    format!("Quota {rep} {quarter} set to {}", amount.whole()),
                ))
            }
        }
    })
}
