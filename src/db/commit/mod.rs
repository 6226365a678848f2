//! The quarter call's storage: reading its book, and the call stored once a day per period.

mod facts;
mod live;
mod snapshots;

pub use facts::{deal_titles, load_book};
pub use live::{LiveCall, live_band, live_call};
pub use snapshots::{
    SnapshotError, Stored, history, store, stored_calls_mark, stored_on, track_record,
    waterfall_since,
};
