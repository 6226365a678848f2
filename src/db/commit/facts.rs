//! Reads the call's book: deals with expected close, category override and stage rate, their
//! stage changes, reps and quotas — one plain scan per table.

use std::str::FromStr;

use rusqlite::types::Type;
use rusqlite::{Connection, Row};

use crate::analytics::commit::{Category, CommitBook, CommitDeal};
use crate::analytics::pipeline::{QuotaFacts, RepFacts, StageChangeFacts};
use crate::domain::{Money, Stage};

/// Loads the book. A deal's win probability is its own one when it has one; the caller puts the
/// model's scores in when the model is trusted; otherwise its stage's default applies. A stage,
/// category or quarter the analytics do not know is an error naming the column.
pub fn load_book(conn: &Connection) -> rusqlite::Result<CommitBook> {
    let mut defaults = [0.0f64; 4];
    for row in conn
        .prepare("SELECT stage, probability_bp FROM stage_settings")?
        .query_map([], |r| Ok((parsed::<Stage>(r, 0)?, r.get::<_, i64>(1)?)))?
    {
        let (stage, bp) = row?;
        if let Some(i) = Stage::OPEN.iter().position(|s| *s == stage) {
            defaults[i] = bp as f64 / 10_000.0;
        }
    }
    let deals = conn
        .prepare(
            "SELECT id, rep_id, amount_cents, stage, created_on, closed_on, expected_close_on,
                    forecast_category, probability_bp
             FROM deals ORDER BY id",
        )?
        .query_map([], |r| {
            let stage: Stage = parsed(r, 3)?;
            let own: Option<i64> = r.get(8)?;
            let category: Option<String> = r.get(7)?;
            Ok(CommitDeal {
                id: r.get(0)?,
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
    let stage_changes = conn
        .prepare("SELECT deal_id, to_stage, changed_on FROM stage_changes ORDER BY id")?
        .query_map([], |r| {
            Ok(StageChangeFacts {
                deal_id: r.get(0)?,
                to: parsed(r, 1)?,
                changed_on: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let reps = conn
        .prepare("SELECT id, name, team FROM reps ORDER BY id")?
        .query_map([], |r| {
            Ok(RepFacts {
                id: r.get(0)?,
                name: r.get(1)?,
                team: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let quotas = conn
        .prepare("SELECT rep_id, quarter, amount_cents FROM quotas ORDER BY rep_id, quarter")?
        .query_map([], |r| {
            Ok(QuotaFacts {
                rep_id: r.get(0)?,
                quarter: parsed(r, 1)?,
                amount: Money(r.get(2)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CommitBook {
        deals,
        stage_changes,
        reps,
        quotas,
        stage_probabilities: defaults,
    })
}

/// Column `idx` as text parsed with `FromStr`; a bad value is a conversion error of that column.
fn parsed<T>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text = row.get_ref(idx)?.as_str()?;
    text.parse()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}
