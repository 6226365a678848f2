//! The call as the desk and `salesdesk report commit` make it: the win model fitted on the book as
//! it stood on the day, and the band calibrated on the same call — model refitted and all —
//! replayed as of the same day of the earlier periods (`band_scale_with`). Here because it reads
//! the deals as of each of those days.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::facts::load_book;
use crate::analytics::commit::{
    BandScale, Call, CallPeriod, CommitBook, CommitDeal, CommitSettings, Histories,
    band_scale_with, call_with, own_or_stage_rate, with_win_model,
};
use crate::analytics::scoring::{ScoringSettings, fit_and_score};
use crate::db::scoring_rows::win_rows;

/// A call with the book it was made from and where its win probabilities came from.
pub struct LiveCall {
    /// The call.
    pub call: Call,
    /// The book, the win model's scores in it.
    pub book: CommitBook,
    /// Where the win probabilities came from, in words.
    pub win_probabilities: String,
}

/// Puts the win model fitted on the deals as they stood on `day` into `book`; says where the
/// probabilities came from.
fn fit_into(
    conn: &Connection,
    book: &mut CommitBook,
    day: NaiveDate,
    scoring: &ScoringSettings,
) -> Result<String, String> {
    let rows = win_rows(conn, day, scoring.max_win_rows)
        .map_err(|e| format!("cannot read the deals for the win model as of {day}: {e}"))?;
    Ok(with_win_model(book, &fit_and_score(&rows, scoring)))
}

/// The band's stretch for a call of `period` as of `as_of` on `book` (read, not yet scored; its
/// win probabilities are as they were when this returns).
pub fn live_band(
    conn: &Connection,
    book: &mut CommitBook,
    h: &Histories,
    period: CallPeriod,
    as_of: NaiveDate,
    (scoring, commit): (&ScoringSettings, &CommitSettings),
) -> Result<BandScale, String> {
    band_scale_with(book, h, period, as_of, commit, &mut |day, then| {
        fit_into(conn, then, day, scoring).map(|_| ())
    })
}

/// The call for `period` as of `as_of`, its band calibrated.
pub fn live_call(
    conn: &Connection,
    period: CallPeriod,
    as_of: NaiveDate,
    (scoring, commit): (&ScoringSettings, &CommitSettings),
) -> Result<LiveCall, String> {
    let mut book = load_book(conn).map_err(|e| format!("cannot read the deals: {e}"))?;
    let h = Histories::new(&book);
    let band = live_band(conn, &mut book, &h, period, as_of, (scoring, commit))?;
    let win_probabilities = fit_into(conn, &mut book, as_of, scoring)?;
    let win = |_: usize, d: &CommitDeal, stage| own_or_stage_rate(&book, d, stage);
    let call = call_with(&book, &h, period, as_of, commit, &win, band);
    Ok(LiveCall {
        call,
        book,
        win_probabilities,
    })
}
