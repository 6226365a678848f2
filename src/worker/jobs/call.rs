//! The call view's job: the win model fitted, this quarter's call made, stored once a day when
//! the desk may write, and its history, waterfall and track record read.

use rusqlite::Connection;

use crate::analytics::commit::CallPeriod;
use crate::db::commit::{
    LiveCall, Stored, deal_titles, history, live_call, store, track_record, waterfall_since,
};
use crate::db::read_only;
use crate::worker::call_sheet::{CallAsk, CallSheet};
use crate::worker::output::Output;

/// Makes, maybe stores, and reads around this quarter's call.
pub(in crate::worker) fn run(conn: &Connection, ask: &CallAsk) -> Output {
    Output::Call(sheet(conn, ask).map(Box::new))
}

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
                Stored::Written => "stored today".to_string(),
                Stored::AlreadyStored => "already stored today".to_string(),
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
