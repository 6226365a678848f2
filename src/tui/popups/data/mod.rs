//! The `:data` view: what needs care in the book, check by check with its count, the first rows
//! of each (Enter opens one) and the likely duplicate customers (`m` merges a pair). The checks
//! run as a worker job; this holds their result and the cursor.

pub mod erase;
pub mod keys;
pub mod update;
pub mod view;

use crate::db::quality::{QualityReport, RowKind};
use crate::tui::effects::RecordRef;

/// How many rows of each check the view lists.
pub const ROWS_SHOWN: usize = 20;

/// One line of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The heading of a group of checks.
    Group(&'static str),
    /// A check with its count: the index into the report's checks.
    Check(usize),
    /// A row a check found, which Enter opens: the check's index, the row's place in it, and
    /// the record.
    Row(usize, usize, RecordRef),
    /// A likely duplicate pair: the index into the report's duplicates.
    Pair(usize),
}

/// The view's state: the checks' result and the line under the cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct DataView {
    /// What the checks found.
    pub report: QualityReport,
    /// The line under the cursor.
    pub cursor: usize,
}

impl DataView {
    /// The view of `report`, the cursor on its first line.
    pub fn new(report: QualityReport) -> DataView {
        DataView { report, cursor: 0 }
    }

    /// Every line, in order: group headings, checks, and under each its first rows (the
    /// duplicates check lists its pairs).
    pub fn lines(&self) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut group = "";
        for (i, check) in self.report.checks.iter().enumerate() {
            if check.group != group {
                group = check.group;
                lines.push(Line::Group(group));
            }
            lines.push(Line::Check(i));
            if check.key == "duplicate_customers" {
                let pairs = self.report.duplicates.len().min(ROWS_SHOWN);
                lines.extend((0..pairs).map(Line::Pair));
                continue;
            }
            let open = |id: &i64| match check.rows {
                RowKind::Customer => Some(RecordRef::Customer(*id)),
                RowKind::Deal => Some(RecordRef::Deal(*id)),
                RowKind::ChannelMonth => None,
            };
            lines.extend(
                check
                    .ids
                    .iter()
                    .take(ROWS_SHOWN)
                    .enumerate()
                    .filter_map(|(k, id)| open(id).map(|r| Line::Row(i, k, r))),
            );
        }
        lines
    }
}
