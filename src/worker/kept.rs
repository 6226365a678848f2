//! The analyses the book keeps: a heavy job whose result is stored for this exact version of the
//! book is answered from the store; otherwise it is computed, and stored if the book did not
//! change while it ran.

use rusqlite::{Connection, MAIN_DB};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::request::{Job, JobKind};
use crate::db::cache::{self, DataVersion};

/// One job's way through the store: what it is stored under, and when its answer was computed
/// if the store had it.
pub(super) struct Keep {
    /// The store's name for the kind, `None` for a job whose result is not kept.
    kind: Option<&'static str>,
    /// The job as written out: a result is reused only for the same ask.
    params: String,
    /// When the stored answer was computed; `None` when computed now.
    pub computed_at: Option<String>,
}

impl Keep {
    /// How `job` goes through the store (it does not when its kind is not kept).
    pub fn new(job: &Job) -> Keep {
        let kind = match job.kind() {
            JobKind::Scores => Some("scores"),
            JobKind::Kpis => Some("kpis"),
            JobKind::Tiers => Some("tiers"),
            JobKind::Forecast => Some("forecast"),
            JobKind::BoardTotals => Some("totals"),
            JobKind::CustomerIndex => Some("customers"),
            JobKind::Call => Some("call"),
            _ => None,
        };
        Keep {
            kind,
            params: kind.map(|_| format!("{job:?}")).unwrap_or_default(),
            computed_at: None,
        }
    }

    /// Adds what else the result depends on beside the book's data version (the stored calls,
    /// for the call view) to what it is kept under.
    pub fn depends_on(&mut self, mark: &str) {
        if self.kind.is_some() {
            self.params.push_str(" · ");
            self.params.push_str(mark);
        }
    }

    /// The book's data version now, to compute a result at and then [`Keep::store`] it.
    pub fn version(conn: &Connection) -> Option<DataVersion> {
        cache::data_version(conn).ok()
    }

    /// Stores `result`, computed at version `at`, unless the book moved on since.
    pub fn store<T: Serialize>(&self, conn: &Connection, at: &DataVersion, result: &T) {
        if let Some(kind) = self.kind {
            store(conn, kind, &self.params, at, result);
        }
    }

    /// The stored result at the book's current version, or `compute`'s, which is then stored
    /// (errors are not).
    pub fn or<T: Serialize + DeserializeOwned>(
        &mut self,
        conn: &Connection,
        compute: impl FnOnce() -> Result<T, String>,
    ) -> Result<T, String> {
        let Some(kind) = self.kind else {
            return compute();
        };
        let Ok(before) = cache::data_version(conn) else {
            return compute();
        };
        if let Some(hit) = cache::get::<T>(conn, kind, &self.params, &before) {
            self.computed_at = Some(hit.computed_at);
            return Ok(hit.value);
        }
        let value = compute();
        if let Ok(result) = &value {
            store(conn, kind, &self.params, &before, result);
        }
        value
    }
}

/// Stores `result` unless the book moved on while it was computed (then it belongs to no
/// version) or cannot be written.
fn store<T: Serialize>(conn: &Connection, kind: &str, params: &str, at: &DataVersion, result: &T) {
    if conn.is_readonly(MAIN_DB).unwrap_or(true) {
        return;
    }
    match cache::data_version(conn) {
        Ok(now) if now == *at => {}
        _ => return,
    }
    let started = std::time::Instant::now();
    match cache::put(conn, kind, params, at, result) {
        Ok(_) => tracing::debug!(kind, ms = started.elapsed().as_millis(), "result kept"),
        Err(e) => tracing::info!(kind, "result not kept: {e}"),
    }
}
