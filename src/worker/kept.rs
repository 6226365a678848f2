//! The analyses the book keeps: a heavy job whose result is stored for this exact version of the
//! book is answered from the store; otherwise it is computed, and stored if the book did not
//! change while it ran.

use rusqlite::{Connection, MAIN_DB};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::jobs::{board, customers, forecast, scores, tiers};
use super::output::Output;
use super::request::Job;
use crate::db::cache::{self, DataVersion};

/// Answers a job whose result the book keeps (from the store when it holds this version's, else
/// computed and kept), with when the stored result was computed; `None` for every other job.
/// The parameters are the job as written out, so a result is reused only for the same ask.
pub(super) fn answer(conn: &Connection, job: &Job) -> Option<(Option<String>, Output)> {
    let params = format!("{job:?}");
    match job {
        Job::Scores { as_of, settings } => {
            let answer = through_cache(conn, "scores", &params, || {
                scores::fit(conn, *as_of, settings)
            });
            Some((answer.computed_at, Output::Scores(answer.value)))
        }
        Job::Kpis {
            kind,
            as_of,
            pipeline,
        } => {
            let answer = through_cache(conn, "kpis", &params, || {
                board::kpis(conn, *kind, *as_of, *pipeline)
            });
            Some((answer.computed_at, Output::Kpis(answer.value)))
        }
        Job::BoardTotals { filter, period } => {
            let answer = through_cache(conn, "totals", &params, || {
                board::totals(conn, filter, *period)
            });
            Some((answer.computed_at, Output::BoardTotals(answer.value)))
        }
        Job::CustomerIndex { as_of } => {
            let answer = through_cache(conn, "customers", &params, || {
                customers::index(conn, *as_of)
            });
            Some((answer.computed_at, Output::CustomerIndex(answer.value)))
        }
        Job::Tiers { as_of } => {
            let answer = through_cache(conn, "tiers", &params, || tiers::run(conn, *as_of));
            Some((answer.computed_at, Output::Tiers(answer.value)))
        }
        Job::Forecast { as_of, options } => {
            let answer = through_cache(conn, "forecast", &params, || {
                forecast::run(conn, *as_of, *options)
            });
            Some((answer.computed_at, Output::Forecast(answer.value)))
        }
        _ => None,
    }
}

/// A result and, when it came from the store, when it was computed.
struct Answer<T> {
    /// The result.
    value: Result<T, String>,
    /// When the stored result was computed; `None` when computed now.
    computed_at: Option<String>,
}

/// The stored result of `kind` with `params` at the book's current version, or `compute`'s,
/// which is then stored (errors are not).
fn through_cache<T: Serialize + DeserializeOwned>(
    conn: &Connection,
    kind: &str,
    params: &str,
    compute: impl FnOnce() -> Result<T, String>,
) -> Answer<T> {
    let Ok(before) = cache::data_version(conn) else {
        return Answer {
            value: compute(),
            computed_at: None,
        };
    };
    if let Some(hit) = cache::get::<T>(conn, kind, params, &before) {
        return Answer {
            value: Ok(hit.value),
            computed_at: Some(hit.computed_at),
        };
    }
    let value = compute();
    if let Ok(result) = &value {
        store(conn, kind, params, &before, result);
    }
    Answer {
        value,
        computed_at: None,
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
    if let Err(e) = cache::put(conn, kind, params, at, result) {
        tracing::info!(kind, "result not kept: {e}");
    }
}
