//! Logging what happened with a customer or a deal: a call, an email, a meeting or a note.

use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::Value;

use super::{RecordError, Stamp, Written, lookup, write};
use crate::domain::FieldError;

/// The kinds of activity a manager logs.
pub const ACTIVITY_KINDS: [&str; 4] = ["call", "email", "meeting", "note"];

/// An activity as the form or the command line gives it; on a deal, its customer is the deal's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    /// The customer, when not logged on a deal.
    pub customer_id: Option<i64>,
    /// The deal, if logged on one.
    pub deal_id: Option<i64>,
    /// Who did it, if known.
    pub rep_id: Option<i64>,
    /// One of [`ACTIVITY_KINDS`].
    pub kind: String,
    /// When it happened.
    pub happened_on: NaiveDate,
    /// What was said or done.
    pub text: String,
}

/// Logs an activity as one undoable step.
pub fn log_activity(
    conn: &mut Connection,
    new: &NewActivity,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    let kind = new.kind.trim().to_ascii_lowercase();
    if !ACTIVITY_KINDS.contains(&kind.as_str()) {
        return Err(FieldError::new(
            "kind",
            format!(
                "'{}' is not one of {}",
                new.kind.trim(),
                ACTIVITY_KINDS.join(", ")
            ),
        )
        .into());
    }
    write(conn, stamp, |j| {
        let (customer_id, on_what) = match (new.deal_id, new.customer_id) {
            (Some(deal), _) => {
                let (title, customer, _, _) = lookup::deal(j.tx(), "deal", deal)?;
                (customer.or(new.customer_id), title)
            }
            (None, Some(customer)) => (
                Some(customer),
                lookup::customer(j.tx(), "customer", customer)?,
            ),
            (None, None) => {
                return Err(FieldError::new("customer", "give a customer or a deal").into());
            }
        };
        if let Some(rep) = new.rep_id {
            lookup::rep(j.tx(), "rep", rep)?;
        }
        let id = j.insert(
            "activities",
            &[
                (
                    "customer_id",
                    customer_id.map_or(Value::Null, Value::Integer),
                ),
                ("deal_id", new.deal_id.map_or(Value::Null, Value::Integer)),
                ("rep_id", new.rep_id.map_or(Value::Null, Value::Integer)),
                ("kind", Value::Text(kind.clone())),
                ("happened_on", Value::Text(new.happened_on.to_string())),
                ("text", Value::Text(new.text.trim().to_string())),
            ],
        )?;
        let mut word = kind.clone();
        word[..1].make_ascii_uppercase();
        Ok((
            id,
            format!("{word} logged on {on_what} ({})", new.happened_on),
        ))
    })
}
