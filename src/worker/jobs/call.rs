//! The call view's job: the win model fitted, this quarter's call made, stored once a day when
//! the desk may write, and its history, waterfall and track record read.

use rusqlite::Connection;

use crate::analytics::commit::CallPeriod;
use crate::db::commit::{
    LiveCall, Stored, deal_titles, history, live_call, store, stored_calls_mark, stored_on,
    track_record, waterfall_since,
};
use crate::db::read_only;
use crate::worker::call_sheet::{CallAsk, CallSheet};
use crate::worker::kept::Keep;

/// Makes, maybe stores, and reads around this quarter's call. The view is kept with the book's
/// data version and its stored calls: once today's call is stored, an unchanged book answers
/// from the store. Today's call, when due, is made and stored first; what is kept then is the
/// view a fresh computation would now give (the call already stored today).
pub(in crate::worker) fn run(
    conn: &Connection,
    ask: &CallAsk,
    keep: &mut Keep,
) -> Result<Box<CallSheet>, String> {
    let unread = |e: rusqlite::Error| format!("cannot read the stored calls: {e}");
    let period = CallPeriod::quarter_of(ask.as_of).to_string();
    let due = ask.store
        && read_only::reason(conn).is_none()
        && !stored_on(conn, &period, ask.as_of).map_err(unread)?;
    if due && let Some(at) = Keep::version(conn) {
        let made = sheet(conn, ask)?;
        keep.depends_on(&stored_calls_mark(conn).map_err(unread)?);
        if made.stored == STORED_TODAY {
            let fresh_now = CallSheet {
                stored: ALREADY_STORED.to_string(),
                ..made.clone()
            };
            keep.store(conn, &at, &fresh_now);
        }
        return Ok(Box::new(made));
    }
    keep.depends_on(&stored_calls_mark(conn).map_err(unread)?);
    keep.or(conn, || sheet(conn, ask).map(Box::new))
}

/// What the view says when it stored today's call.
const STORED_TODAY: &str = "stored today";
/// What the view says when today's call was stored already.
const ALREADY_STORED: &str = "already stored today";

fn sheet(conn: &Connection, ask: &CallAsk) -> Result<CallSheet, String> {
    let LiveCall {
        call: mut made,
        book,
        win_probabilities,
    } = live_call(
        conn,
        CallPeriod::quarter_of(ask.as_of),
        ask.as_of,
        (&ask.scoring, &ask.commit),
    )?;
    let stored = match (read_only::reason(conn), ask.store) {
        (Some(why), _) => format!("not stored: {why}"),
        (None, false) => "not stored: only a call as of today is stored".to_string(),
        (None, true) => {
            match store(conn, &made).map_err(|e| format!("cannot store the call: {e}"))? {
                Stored::Written => STORED_TODAY.to_string(),
                Stored::AlreadyStored => ALREADY_STORED.to_string(),
            }
        }
    };
    let history = history(conn, &made.period).map_err(|e| e.to_string())?;
    let since = ask.since.or_else(|| history.first().map(|p| p.taken_on));
    let waterfall = match since {
        Some(day) => waterfall_since(conn, &made, &book, day).map_err(|e| e.to_string())?,
        None => None,
    };
    let track = track_record(conn, &book, ask.as_of).map_err(|e| e.to_string())?;
    let ids: Vec<i64> = made.movers.iter().map(|m| m.id).collect();
    let titles = deal_titles(conn, &ids).map_err(|e| format!("cannot read the movers: {e}"))?;
    made.deals = Vec::new();
    Ok(CallSheet {
        call: made,
        win_probabilities,
        stored,
        history,
        waterfall,
        track,
        titles,
    })
}
