//! The quarter call's storage: reading its book, and the call stored once a day per period.

mod facts;
mod snapshots;

pub use facts::{deal_titles, load_book};
pub use snapshots::{SnapshotError, Stored, history, store, track_record, waterfall_since};
