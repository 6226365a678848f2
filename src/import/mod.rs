//! Importing records from CSV exports of other CRMs and spreadsheets, driven by a mapping file.
//!
//! An import is one transaction: it writes every good row, or (with rejected rows and no
//! `--skip-bad`, or with `--dry-run`) nothing at all. Rows are streamed, so memory stays flat.

mod bound;
pub mod cells;
pub mod encoding;
mod error;
mod fields;
mod job;
mod line_ends;
mod mapping;
mod parse;
pub mod records;
mod report;
mod run;
mod source;
mod stages;

pub use crate::domain::{RecordKind, kind_names};
pub use bound::BoundMapping;
pub use encoding::TextEncoding;
pub use error::ImportError;
pub use fields::{MatchKey, Reference};
pub use job::{ImportJob, MappingSource};
pub use mapping::{AmountFallback, Mapping};
pub use records::{ColumnValue, KeyValue, PendingRow, RefValue, Rejection, placeholder_email};
pub use report::{ImportReport, LISTED_REJECTIONS, Outcome};
pub use run::{ImportOptions, Progress, import_file};
pub use source::Delimiter;
pub use stages::{PlannedStage, StagePlan};

/// What a row matching an existing record does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OnConflict {
    /// Update the record's mapped fields.
    Update,
    /// Leave the record as it is.
    Skip,
    /// Reject the row (and so, without --skip-bad, the whole import).
    #[default]
    Fail,
}
