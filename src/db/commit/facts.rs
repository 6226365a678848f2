//! Reads the call's book: deals with expected close, category override and stage rate, their
//! stage changes, reps and quotas — one plain scan per table.

use std::str::FromStr;

use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension};

use crate::analytics::commit::{Category, CommitBook, CommitDeal};
use crate::db::pipeline_facts;
use crate::db::pipelines::stage_column;
use crate::domain::Money;

/// Loads the book. A deal's win probability is its own one when it has one; the caller puts the
/// model's scores in when the model is trusted; otherwise its stage's default applies. A stage,
/// category or quarter the analytics do not know is an error naming the column.
pub fn load_book(conn: &Connection) -> rusqlite::Result<CommitBook> {
    let pipelines = crate::db::pipelines::load(conn)?;
    let deals = conn
        .prepare(
            "SELECT id, rep_id, amount_cents, stage, created_on, closed_on, expected_close_on,
                    forecast_category, probability_bp, pipeline_id
             FROM deals ORDER BY id",
        )?
        .query_map([], |r| {
            let pipeline_id = r.get(9)?;
            let stage = stage_column(r, 3, &pipelines, pipeline_id)?;
            let own: Option<i64> = r.get(8)?;
            let category: Option<String> = r.get(7)?;
            Ok(CommitDeal {
                id: r.get(0)?,
                pipeline_id,
                rep_id: r.get(1)?,
                amount: Money(r.get(2)?),
                stage,
                created_on: r.get(4)?,
                closed_on: r.get(5)?,
                expected_close_on: r.get(6)?,
                category: category
                    .map(|c| {
                        Category::from_str(&c).map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(7, Type::Text, Box::new(e))
                        })
                    })
                    .transpose()?,
                win_probability: own.map(|bp| bp as f64 / 10_000.0),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let stage_changes = pipeline_facts::stage_changes(conn, &pipelines)?;
    let reps = pipeline_facts::reps(conn)?;
    let quotas = pipeline_facts::quotas(conn)?;
    Ok(CommitBook {
        deals,
        stage_changes,
        reps,
        quotas,
        pipelines,
    })
}

/// The titles of the deals of `ids` that exist, in the order asked.
pub fn deal_titles(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut title = conn.prepare_cached("SELECT title FROM deals WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        if let Some(t) = title
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()?
        {
            out.push((id, t));
        }
    }
    Ok(out)
}
