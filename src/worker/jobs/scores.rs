//! The scoring jobs: win probability and purchase propensity fitted, open deals and customers
//! scored; and both models scored month by month on what happened next.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::monitor::models::{Margins, watch_models};
use crate::analytics::scoring::{ScoringSet, ScoringSettings, score_all};
use crate::db::{model_watch, scoring_rows};
use crate::worker::output::Output;

/// Reads the training and scoring rows as of `as_of` and fits both models.
pub(in crate::worker) fn fit(
    conn: &Connection,
    as_of: NaiveDate,
    settings: &ScoringSettings,
) -> Result<Box<ScoringSet>, String> {
    scoring_rows::win_rows(conn, as_of, settings.max_win_rows)
        .and_then(|win| Ok((win, scoring_rows::propensity_rows(conn, as_of)?)))
        .map(|(win, propensity)| Box::new(score_all(&win, &propensity, settings)))
        .map_err(|e| format!("cannot read the rows to score: {e}"))
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
