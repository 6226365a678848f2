//! The call stored once a day per period (`salesdesk report commit` and the desk store it); a
//! stored day is never rewritten. Reads: the call's line over the period and the waterfall of
//! its open pipeline since a stored day.

use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::analytics::commit::{
    Call, CallPeriod, CallPoint, Category, CommitBook, PastCall, SnapshotDeal, Waterfall,
    snapshot_deals, waterfall,
};
use crate::domain::Stage;

/// Why a snapshot could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// SQLite refused.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// A stored snapshot's JSON is not what this version writes.
    #[error("the call stored for {period} on {day} is damaged: {why}")]
    Damaged {
        /// Its period.
        period: String,
        /// Its day.
        day: String,
        /// What is wrong.
        why: String,
    },
}

/// What [`store`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// The call was stored for its as-of day.
    Written,
    /// A call was already stored for that period and day; it was left as it was.
    AlreadyStored,
}

/// True when a call of `period` was stored on `day`.
pub fn stored_on(conn: &Connection, period: &str, day: NaiveDate) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM commit_snapshots WHERE period = ?1 AND taken_on = ?2)",
        params![period, day.to_string()],
        |r| r.get(0),
    )
}

/// What the stored calls are, in a word: their count and newest row. Stored calls are not
/// edits, so a kept call view names this beside the book's data version.
pub fn stored_calls_mark(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row(
        "SELECT count(*) || '/' || COALESCE(max(rowid), 0) FROM commit_snapshots",
        [],
        |r| r.get(0),
    )
}

/// Stores `call` for its period and as-of day unless one is stored already (never rewritten).
pub fn store(conn: &Connection, call: &Call) -> Result<Stored, SnapshotError> {
    let t = &call.total;
    let groups = json!({ "total": t, "teams": call.teams, "reps": call.reps }).to_string();
    let deals: Vec<Value> = snapshot_deals(call)
        .iter()
        .map(|d| {
            json!([
                d.id,
                d.rep_id,
                d.amount_cents,
                d.category.as_str(),
                d.expected_close_on.map(|e| e.to_string()),
                d.land
            ])
        })
        .collect();
    let written = conn.execute(
        "INSERT OR IGNORE INTO commit_snapshots
             (period, taken_on, closed_cents, commit_cents, best_case_cents, p10_cents, p50_cents,
              p90_cents, quota_cents, p_hit, groups, deals)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            call.period,
            call.as_of.to_string(),
            t.closed.cents(),
            t.commit.cents(),
            t.best_case.cents(),
            t.spread.p10.cents(),
            t.spread.p50.cents(),
            t.spread.p90.cents(),
            t.quota.map(|q| q.cents()),
            t.p_hit,
            groups,
            Value::Array(deals).to_string(),
        ],
    )?;
    Ok(if written == 1 {
        Stored::Written
    } else {
        Stored::AlreadyStored
    })
}

/// Every stored call of `period`, oldest first: how the call moved over the period.
pub fn history(conn: &Connection, period: &str) -> Result<Vec<CallPoint>, SnapshotError> {
    let rows = conn
        .prepare(
            "SELECT taken_on, closed_cents, commit_cents, best_case_cents, p10_cents, p50_cents,
                    p90_cents, quota_cents, p_hit
             FROM commit_snapshots WHERE period = ?1 ORDER BY taken_on",
        )?
        .query_map([period], |r| {
            Ok(CallPoint {
                taken_on: r.get(0)?,
                closed_cents: r.get(1)?,
                commit_cents: r.get(2)?,
                best_case_cents: r.get(3)?,
                p10_cents: r.get(4)?,
                p50_cents: r.get(5)?,
                p90_cents: r.get(6)?,
                quota_cents: r.get(7)?,
                p_hit: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The track record: every period with stored calls that ended before `today`, its first and
/// last call against what was won in it, oldest first.
pub fn track_record(
    conn: &Connection,
    book: &CommitBook,
    today: NaiveDate,
) -> Result<Vec<PastCall>, SnapshotError> {
    let periods: Vec<String> = conn
        .prepare("SELECT DISTINCT period FROM commit_snapshots ORDER BY period")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for label in periods {
        let Ok(period) = label.parse::<CallPeriod>() else {
            continue;
        };
        let days = period.days();
        if days.to >= today {
            continue;
        }
        let actual = book
            .deals
            .iter()
            .filter(|d| d.stage == Stage::Won && d.closed_on.is_some_and(|c| days.contains(c)))
            .map(|d| d.amount.cents())
            .sum();
        out.extend(PastCall::new(&label, &history(conn, &label)?, actual));
    }
    Ok(out)
}

/// The waterfall of `now`'s open pipeline since the last call of its period stored on or before
/// `since`; `None` when there is none.
pub fn waterfall_since(
    conn: &Connection,
    now: &Call,
    book: &CommitBook,
    since: NaiveDate,
) -> Result<Option<Waterfall>, SnapshotError> {
    let stored: Option<(NaiveDate, String)> = conn
        .query_row(
            "SELECT taken_on, deals FROM commit_snapshots
             WHERE period = ?1 AND taken_on <= ?2 ORDER BY taken_on DESC LIMIT 1",
            params![now.period, since.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((day, text)) = stored else {
        return Ok(None);
    };
    let damaged = |why: String| SnapshotError::Damaged {
        period: now.period.clone(),
        day: day.to_string(),
        why,
    };
    let rows: Vec<Value> = serde_json::from_str(&text).map_err(|e| damaged(e.to_string()))?;
    let then = rows
        .iter()
        .map(|row| deal_of(row).ok_or_else(|| damaged(format!("bad deal row {row}"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(waterfall(day, &then, &snapshot_deals(now), book)))
}

/// A stored deal row `[id, rep_id, amount_cents, category, expected_close_on, land]`.
fn deal_of(row: &Value) -> Option<SnapshotDeal> {
    let cells = row.as_array()?;
    let [id, rep, cents, category, expected, land] = cells.as_slice() else {
        return None;
    };
    let expected_close_on = match expected {
        Value::Null => None,
        v => Some(NaiveDate::from_str(v.as_str()?).ok()?),
    };
    Some(SnapshotDeal {
        id: id.as_i64()?,
        rep_id: rep.as_i64(),
        amount_cents: cents.as_i64()?,
        category: category.as_str()?.parse::<Category>().ok()?,
        expected_close_on,
        land: land.as_f64()?,
    })
}
