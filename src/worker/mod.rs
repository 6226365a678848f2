//! The background thread: it owns the database connection, runs jobs, and sends owned results back.
//!
//! The latest request of each kind wins: requests still waiting when a newer one of the same kind
//! arrives are dropped unrun, and every reply carries its generation so the app can drop stale ones.
//! The loop is in `queue`, the dispatch in `execute`, and each job's run in its own module of `jobs`.

mod call_sheet;
mod execute;
mod job_kind;
mod jobs;
mod kept;
mod output;
mod queue;
mod record_write;
mod request;
mod steps;

pub use crate::db::form_choices::Choice;
pub use call_sheet::{CallAsk, CallSheet};
pub use execute::{execute, execute_reporting};
pub use jobs::find_list::FIND_PER_KIND;
pub use jobs::writes::HISTORY_LINES;
pub use output::{
    BoardKpis, ChannelsModel, DealListPage, DealScores, Found, FoundHit, JobStep, MoreCards,
    Output, Reply, Written,
};
pub use queue::{Worker, Workers};
pub use record_write::{FormAsk, FormData, RecordRefusal, RecordWrite};
pub use request::{BulkTarget, Job, JobKind, Request};
pub use steps::{Newest, SUPERSEDED, Steps};
