//! Reads what the pipeline KPIs need, with one plain scan per table (no per-row subqueries), so
//! a million deals load in about a second.

use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::{Type, ValueRef};
use rusqlite::{Connection, Row};

use super::pipelines::{history_stage, stage_column};
use super::side_reader::read_beside;
use crate::analytics::pipeline::{
    DealFacts, PipelineFacts, ProductFacts, QuotaFacts, RepFacts, StageChangeFacts,
};
use crate::domain::{Money, Pipelines};

/// Loads every deal, stage change, quota, rep, product and stage setting.
///
/// A stage name or quarter label the analytics do not know is an error naming the column,
/// rather than a deal silently left out.
///
/// The stage changes are read beside the deals ([`read_beside`]): the two scans are most of
/// the time at a million deals.
pub fn load_facts(conn: &Connection) -> rusqlite::Result<PipelineFacts> {
    let pipelines = super::pipelines::load(conn)?;
    let catalogue = &pipelines;
    let (deals, stage_changes) = read_beside(
        conn,
        |conn| deals(conn, catalogue),
        |other| stage_changes(other, catalogue),
    );
    let (deals, stage_changes) = (deals?, stage_changes?);
    let quotas = quotas(conn)?;
    let reps = reps(conn)?;
    let products = conn
        .prepare("SELECT id, name FROM products ORDER BY id")?
        .query_map([], |r| {
            Ok(ProductFacts {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PipelineFacts {
        deals,
        stage_changes,
        quotas,
        reps,
        products,
        pipelines,
        only: None,
    })
}

/// Every deal, by id.
fn deals(conn: &Connection, catalogue: &Pipelines) -> rusqlite::Result<Vec<DealFacts>> {
    conn.prepare(
        "SELECT id, rep_id, product_id, amount_cents, stage, created_on, closed_on,
                    probability_bp, pipeline_id
             FROM deals ORDER BY id",
    )?
    .query_map([], |r| {
        let pipeline_id = r.get(8)?;
        Ok(DealFacts {
            id: r.get(0)?,
            pipeline_id,
            rep_id: r.get(1)?,
            product_id: r.get(2)?,
            amount: Money(r.get(3)?),
            stage: stage_column(r, 4, catalogue, pipeline_id)?,
            created_on: date(r, 5)?,
            closed_on: optional_date(r, 6)?,
            probability_bp: r.get(7)?,
        })
    })?
    .collect()
}

/// Every stage change, oldest first, without those into a stage since removed. With one
/// pipeline the names are read as its stages; with several, each with its deal's pipeline.
pub(crate) fn stage_changes(
    conn: &Connection,
    catalogue: &Pipelines,
) -> rusqlite::Result<Vec<StageChangeFacts>> {
    let (sql, only) = match catalogue.pipelines() {
        [one] => (
            "SELECT deal_id, to_stage, changed_on, from_stage IS NULL FROM stage_changes ORDER BY id",
            Some(one.id),
        ),
        _ => (
            "SELECT sc.deal_id, sc.to_stage, sc.changed_on, sc.from_stage IS NULL, d.pipeline_id
             FROM stage_changes sc JOIN deals d ON d.id = sc.deal_id ORDER BY sc.id",
            None,
        ),
    };
    let mut changes = Vec::new();
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let pipeline_id = match only {
            Some(id) => id,
            None => r.get(4)?,
        };
        if let Some(to) = history_stage(r, 1, catalogue, pipeline_id)? {
            changes.push(StageChangeFacts {
                deal_id: r.get(0)?,
                to,
                changed_on: date(r, 2)?,
                opened: r.get(3)?,
            });
        }
    }
    Ok(changes)
}

/// Every rep's quota per quarter.
pub(crate) fn quotas(conn: &Connection) -> rusqlite::Result<Vec<QuotaFacts>> {
    conn.prepare("SELECT rep_id, quarter, amount_cents FROM quotas ORDER BY rep_id, quarter")?
        .query_map([], |r| {
            Ok(QuotaFacts {
                rep_id: r.get(0)?,
                quarter: parsed(r, 1)?,
                amount: Money(r.get(2)?),
            })
        })?
        .collect()
}

/// Every rep with their team.
pub(crate) fn reps(conn: &Connection) -> rusqlite::Result<Vec<RepFacts>> {
    conn.prepare("SELECT id, name, team FROM reps ORDER BY id")?
        .query_map([], |r| {
            Ok(RepFacts {
                id: r.get(0)?,
                name: r.get(1)?,
                team: r.get(2)?,
            })
        })?
        .collect()
}

/// Column `idx` as text parsed with `FromStr`; a bad value is a conversion error of that column.
pub(crate) fn parsed<T>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text = row.get_ref(idx)?.as_str()?;
    text.parse()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// Column `idx` as a date. Plain `YYYY-MM-DD` (what salesdesk writes) is read by a fast path,
/// since chrono's format-driven parse is half the load time of a million deals; anything else
/// goes to rusqlite's own chrono conversion, for the same answer or error as `row.get`.
fn date(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    if let ValueRef::Text(bytes) = row.get_ref(idx)?
        && let Some(day) = plain_iso_date(bytes)
    {
        return Ok(day);
    }
    row.get(idx)
}

/// [`date`] for a nullable column.
fn optional_date(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        _ => date(row, idx).map(Some),
    }
}

/// `YYYY-MM-DD` exactly, as a valid date; `None` for any other text: millions of dates are
/// read per analysis and chrono's general parser took a tenth of the time.
pub(crate) fn plain_iso_date(bytes: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *bytes else {
        return None;
    };
    let mut digits = [0u32; 8];
    for (slot, byte) in digits.iter_mut().zip([y0, y1, y2, y3, m0, m1, d0, d1]) {
        *slot = u32::from(byte.checked_sub(b'0').filter(|d| *d <= 9)?);
    }
    let [a, b, c, d, e, f, g, h] = digits;
    let year = i32::try_from(a * 1000 + b * 100 + c * 10 + d).ok()?;
    NaiveDate::from_ymd_opt(year, e * 10 + f, g * 10 + h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_valid_dates_take_the_fast_path() {
        assert_eq!(
            plain_iso_date(b"2026-11-26"),
            NaiveDate::from_ymd_opt(2026, 11, 26)
        );
        assert_eq!(
            plain_iso_date(b"2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for other in [
            &b"2025-02-29"[..],
            b"2026-13-01",
            b"2026-1-01",
            b"2026/11/26",
            b"",
            b"2026-11-26T10:00",
        ] {
            assert_eq!(
                plain_iso_date(other),
                None,
                "{}",
                String::from_utf8_lossy(other)
            );
        }
    }

    #[test]
    fn dates_read_like_rusqlite_and_bad_ones_are_errors() {
        let conn = Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let read = |sql: &str| conn.query_row(sql, [], |r| optional_date(r, 0));
        assert_eq!(
            read("SELECT '2026-11-26'").ok(),
            Some(NaiveDate::from_ymd_opt(2026, 11, 26))
        );
        assert_eq!(read("SELECT NULL").ok(), Some(None));
        for bad in ["'soon'", "'2025-02-29'", "'2026-11-26 10:30:00'"] {
            let ours = read(&format!("SELECT {bad}")).map_err(|e| e.to_string());
            let theirs = conn
                .query_row(&format!("SELECT {bad}"), [], |r| r.get::<_, NaiveDate>(0))
                .map_err(|e| e.to_string());
            assert!(ours.is_err(), "{bad}");
            assert_eq!(ours, theirs.map(Some), "{bad}");
        }
    }
}
