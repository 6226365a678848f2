//! Each job's run: one module per job or per small family of jobs, each turning a job's fields
//! into its [`Output`](super::output::Output). The loop and the dispatch live elsewhere.

pub(super) mod board;
pub(super) mod call;
pub(super) mod channels;
pub(super) mod customers;
pub(super) mod find_list;
pub(super) mod forecast;
pub(super) mod quality;
pub(super) mod record_reads;
pub(super) mod records;
pub(super) mod scores;
pub(super) mod tasks;
pub(super) mod tiers;
pub(super) mod writes;
