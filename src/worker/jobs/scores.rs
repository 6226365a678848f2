//! The scoring job: win probability and purchase propensity fitted, open deals and customers scored.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::scoring::{ScoringSettings, score_all};
use crate::db::scoring_rows;
use crate::worker::output::Output;

/// Reads the training and scoring rows as of `as_of` and fits both models.
pub(in crate::worker) fn run(
    conn: &Connection,
    as_of: NaiveDate,
    settings: &ScoringSettings,
) -> Output {
    Output::Scores(
        scoring_rows::win_rows(conn, as_of, settings.max_win_rows)
            .and_then(|win| Ok((win, scoring_rows::propensity_rows(conn, as_of)?)))
            .map(|(win, propensity)| Box::new(score_all(&win, &propensity, settings)))
            .map_err(|e| format!("cannot read the rows to score: {e}")),
    )
}
