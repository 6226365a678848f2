//! The SQL side of the held list: reading open deals' keys (all, or a few by id) and noting,
//! through temporary triggers on this connection, which deals each write touched, so that the
//! held keys are brought up to date deal by deal instead of read again.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use rusqlite::{Connection, OptionalExtension};

use super::list_filter::{DealKeys, day_number};

/// The columns of one open deal's keys, last touch included, from `deals d` and its joins.
static KEYS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT d.id, d.title, c.name, r.name, r.team, d.rep_id, d.product_id, d.stage,
        d.amount_cents, d.expected_close_on, d.created_on,
        MAX(d.created_on,
            COALESCE((SELECT MAX(a.happened_on) FROM activities a WHERE a.deal_id = d.id), ''),
            COALESCE((SELECT MAX(s.changed_on) FROM stage_changes s WHERE s.deal_id = d.id), '')),
        d.pipeline_id, {}
    FROM deals d LEFT JOIN customers c ON c.id = d.customer_id LEFT JOIN reps r ON r.id = d.rep_id
    WHERE d.closed_on IS NULL",
        super::pipeline_list::STAGE_RANK
    )
});

/// The day number of a stored day (its first ten characters, `YYYY-MM-DD`).
fn day_of(text: &str) -> Option<i32> {
    text.get(..10).and_then(super::date).map(day_number)
}

/// One copy of each name the deals share (customers, owners, teams, stages).
#[derive(Default)]
struct Names(HashMap<String, Arc<str>>);

impl Names {
    fn get(&mut self, name: String) -> Arc<str> {
        self.0
            .entry(name)
            .or_insert_with_key(|n| Arc::from(n.as_str()))
            .clone()
    }

    fn column(&mut self, r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Option<Arc<str>>> {
        Ok(r.get::<_, Option<String>>(at)?.map(|n| self.get(n)))
    }
}

fn keys_row(r: &rusqlite::Row<'_>, names: &mut Names) -> rusqlite::Result<DealKeys> {
    let created: String = r.get(10)?;
    let touch: String = r.get(11)?;
    Ok(DealKeys {
        id: r.get(0)?,
        title: r.get::<_, String>(1)?.into_boxed_str(),
        customer: names.column(r, 2)?,
        owner: names.column(r, 3)?,
        team: names.column(r, 4)?,
        rep_id: r.get(5)?,
        product_id: r.get(6)?,
        stage: names.get(r.get(7)?),
        amount_cents: r.get(8)?,
        close: r.get::<_, Option<String>>(9)?.as_deref().and_then(day_of),
        created: day_of(&created).unwrap_or(i32::MIN),
        touch: day_of(&touch).unwrap_or(i32::MIN),
        pipeline_id: r.get(12)?,
        stage_rank: r.get::<_, Option<u32>>(13)?.unwrap_or(u32::MAX),
    })
}

/// Every open deal's keys, by id.
pub(super) fn all_keys(conn: &Connection) -> rusqlite::Result<Vec<DealKeys>> {
    let mut names = Names::default();
    conn.prepare_cached(&format!("{} ORDER BY d.id", *KEYS))?
        .query_map([], |r| keys_row(r, &mut names))?
        .collect()
}

/// The keys of those of `ids` that are open deals.
pub(super) fn keys_of(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<DealKeys>> {
    let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut names = Names::default();
    conn.prepare_cached(&format!(
        "{} AND d.id IN (SELECT value FROM json_each(?1)) ORDER BY d.id",
        *KEYS
    ))?
    .query_map([json], |r| keys_row(r, &mut names))?
    .collect()
}

/// The temporary table of touched deals and the triggers that fill it: a deal's own row, its
/// activities and stage changes, and its customer's and owner's names and team.
const TRACK: &str = "
CREATE TEMP TABLE IF NOT EXISTS list_touched (deal_id INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS list_holder (token INTEGER NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS list_deal_in AFTER INSERT ON main.deals
BEGIN INSERT INTO list_touched VALUES (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_deal_up AFTER UPDATE ON main.deals
BEGIN INSERT INTO list_touched VALUES (OLD.id), (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_deal_out AFTER DELETE ON main.deals
BEGIN INSERT INTO list_touched VALUES (OLD.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_activity_in AFTER INSERT ON main.activities
WHEN NEW.deal_id IS NOT NULL BEGIN INSERT INTO list_touched VALUES (NEW.deal_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_activity_up AFTER UPDATE ON main.activities
BEGIN INSERT INTO list_touched SELECT value FROM json_each(json_array(OLD.deal_id, NEW.deal_id))
      WHERE value IS NOT NULL; END;
CREATE TEMP TRIGGER IF NOT EXISTS list_activity_out AFTER DELETE ON main.activities
WHEN OLD.deal_id IS NOT NULL BEGIN INSERT INTO list_touched VALUES (OLD.deal_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_stage_in AFTER INSERT ON main.stage_changes
BEGIN INSERT INTO list_touched VALUES (NEW.deal_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_stage_up AFTER UPDATE ON main.stage_changes
BEGIN INSERT INTO list_touched VALUES (OLD.deal_id), (NEW.deal_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_stage_out AFTER DELETE ON main.stage_changes
BEGIN INSERT INTO list_touched VALUES (OLD.deal_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_customer_up AFTER UPDATE OF name ON main.customers
BEGIN INSERT INTO list_touched SELECT id FROM main.deals WHERE customer_id IN (OLD.id, NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_customer_out AFTER DELETE ON main.customers
BEGIN INSERT INTO list_touched SELECT id FROM main.deals WHERE customer_id = OLD.id; END;
CREATE TEMP TRIGGER IF NOT EXISTS list_rep_up AFTER UPDATE OF name, team ON main.reps
BEGIN INSERT INTO list_touched SELECT id FROM main.deals WHERE rep_id IN (OLD.id, NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS list_rep_out AFTER DELETE ON main.reps
BEGIN INSERT INTO list_touched SELECT id FROM main.deals WHERE rep_id = OLD.id; END;
";

/// Tokens telling one held list from another.
static NEXT_TOKEN: AtomicI64 = AtomicI64::new(1);

/// Starts noting the deals each write on `conn` touches, for a list about to be read whole;
/// returns the list's token, or `None` when this connection cannot keep temporary tables.
pub(super) fn start_tracking(conn: &Connection) -> Option<i64> {
    let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
    conn.execute_batch(TRACK)
        .and_then(|()| {
            conn.execute_batch("DELETE FROM temp.list_touched; DELETE FROM temp.list_holder;")
        })
        .and_then(|_| conn.execute("INSERT INTO temp.list_holder VALUES (?1)", [token]))
        .ok()
        .map(|_| token)
}

/// The deals touched on `conn` since the last call, when `token`'s list is the one noted there;
/// `None` when another list (or connection) took over the notes.
pub(super) fn take_touched(conn: &Connection, token: i64) -> rusqlite::Result<Option<Vec<i64>>> {
    let holder: Option<i64> = conn
        .query_row("SELECT token FROM temp.list_holder", [], |r| r.get(0))
        .optional()
        .unwrap_or(None);
    if holder != Some(token) {
        return Ok(None);
    }
    let ids = conn
        .prepare_cached("SELECT DISTINCT deal_id FROM temp.list_touched ORDER BY deal_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    if !ids.is_empty() {
        conn.execute("DELETE FROM temp.list_touched", [])?;
    }
    Ok(Some(ids))
}

/// The version other connections' commits move (this connection's own writes are noted).
pub(super) fn others_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}
