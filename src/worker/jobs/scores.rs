//! The scoring jobs: win probability and purchase propensity fitted, open deals and customers
//! scored; and both models scored month by month on what happened next.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::monitor::models::{Margins, watch_models};
use crate::analytics::scoring::{Model, Score, ScoringSet, ScoringSettings, score_all};
use crate::db::{model_watch, scoring_rows};
use crate::worker::output::Output;
use crate::worker::steps::Steps;

/// Reads the training and scoring rows as of `as_of` and fits both models.
pub(in crate::worker) fn fit(
    conn: &Connection,
    as_of: NaiveDate,
    settings: &ScoringSettings,
    steps: &mut Steps,
) -> Result<Box<ScoringSet>, String> {
    let unread = |e: rusqlite::Error| format!("cannot read the rows to score: {e}");
    steps.expect(3);
    steps.begin("reading the deals")?;
    let win = scoring_rows::win_rows(conn, as_of, settings.max_win_rows).map_err(unread)?;
    steps.begin("reading the customers")?;
    let propensity = scoring_rows::propensity_rows(conn, as_of).map_err(unread)?;
    steps.begin("fitting both models")?;
    Ok(Box::new(score_all(&win, &propensity, settings)))
}

/// Scores the deals `ids` open on `as_of` with `model` (no refit); a deal no longer open gets
/// `None`.
pub(in crate::worker) fn rescore(
    conn: &Connection,
    as_of: NaiveDate,
    ids: &[i64],
    model: &Model,
) -> Result<Vec<(i64, Option<Score>)>, String> {
    let rows = scoring_rows::open_deal_rows(conn, as_of, ids)
        .map_err(|e| format!("cannot read the changed deals to score: {e}"))?;
    let scored: HashMap<i64, Score> = rows
        .ids
        .into_iter()
        .zip(model.score(&rows.current))
        .collect();
    Ok(ids
        .iter()
        .map(|&id| (id, scored.get(&id).cloned()))
        .collect())
}

/// Scores both models on each of the last months, fitted at its start, against today's held-out
/// figures.
pub(in crate::worker) fn watch(
    conn: &Connection,
    as_of: NaiveDate,
    settings: &ScoringSettings,
    margins: &Margins,
) -> Output {
    Output::ModelWatch(
        model_watch::watch_rows(conn, as_of, margins.months, settings.max_win_rows)
            .map(|rows| Box::new(watch_models(&rows, settings, margins)))
            .map_err(|e| format!("cannot read the rows to watch the models: {e}")),
    )
}
