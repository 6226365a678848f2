//! What `salesdesk report commit` prints: the call with where its win probabilities came from,
//! whether it was stored, and the stored calls of the period.

use clap::ValueEnum;
use serde::Serialize;

use crate::analytics::commit::{Call, CallPoint};

/// Which group rows the text report lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per rep.
    Rep,
    /// One row per team.
    Team,
}

/// The report: the call, where its win probabilities came from, whether it was stored, and the
/// stored calls of the period.
#[derive(Debug, Serialize)]
pub struct CommitReport {
    /// The call.
    #[serde(flatten)]
    pub call: Call,
    /// Where the deals' win probabilities come from, in words.
    pub win_probabilities: String,
    /// `written`, `already stored today`, or why the call was not stored.
    pub stored: String,
    /// The stored calls of the period, oldest first.
    pub history: Vec<CallPoint>,
    /// The group rows the text lists.
    #[serde(skip)]
    pub by: Option<By>,
}
