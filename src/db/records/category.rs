//! A manager's forecast category on one or many open deals, as one transaction and one undo
//! step; the history reads `Category Pipeline → Commit`. Setting `None` goes back to the default
//! (the history reads `Category Commit cleared`).

use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::{BulkSummary, RecordError, Stamp, write};
use crate::analytics::commit::Category;
use crate::domain::FieldError;

/// Sets (or with `None` clears) the category override of every open deal of `deal_ids`; closed
/// and unknown deals are skipped with why. Refused when it changes none.
pub fn set_category(
    conn: &mut rusqlite::Connection,
    deal_ids: &[i64],
    category: Option<Category>,
    stamp: Stamp<'_>,
) -> Result<BulkSummary, RecordError> {
    if category == Some(Category::Closed) {
        return Err(
            FieldError::new("category", "Closed comes from a Won deal; it cannot be set").into(),
        );
    }
    let mut changed = 0;
    let mut skipped = Vec::new();
    let written = write(conn, stamp, |j| {
        let mut stage_of = j
            .tx()
            .prepare_cached("SELECT stage, title, forecast_category FROM deals WHERE id = ?1")?;
        let mut last = None;
        for &id in deal_ids {
            let Some((stage, title, old)) = stage_of
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ))
                })
                .optional()?
            else {
                skipped.push((id, "no such deal".to_string()));
                continue;
            };
            if stage == "Won" || stage == "Lost" {
                skipped.push((id, format!("already {stage}")));
                continue;
            }
            let new = category.map_or(Value::Null, |c| Value::Text(c.as_str().into()));
            if j.set("deals", id, "forecast_category", new)? {
                changed += 1;
                last = Some((title, old));
            } else {
                skipped.push((id, "already so".to_string()));
            }
        }
        if changed == 0 {
            return Err(FieldError::new(
                "deals",
                "the category change applies to none of the selected deals",
            )
            .into());
        }
        if let (1, Some((title, old))) = (changed, &last) {
            let new = category.map(Category::as_str);
            let words = match (old.as_deref(), new) {
                (None, Some(n)) => format!("Category set to {n}"),
                (Some(o), None) => format!("Category {o} cleared"),
                (o, n) => format!(
                    "Category {} → {}",
                    o.unwrap_or("default"),
                    n.unwrap_or("default")
                ),
            };
            return Ok((0, format!("'{title}': {words}")));
        }
        let plural = if changed == 1 { "deal" } else { "deals" };
        let what = category.map_or("back to its default category".to_string(), |c| {
            format!("set to {c}")
        });
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
