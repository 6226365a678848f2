//! Reading and checking an import's rows on a thread of their own, while the calling thread
//! writes them: the file's cells are split, decoded and turned into pending rows a batch ahead
//! of the database, in file order. Only a few batches are in flight, so memory stays flat.

use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};

use chrono::NaiveDate;

use super::ImportError;
use super::bound::BoundMapping;
use super::records::{PendingRow, Rejection, RowReader};
use super::source::{RawRow, Source};
use crate::export::formula::unguard_in_place;

/// Rows per batch handed to the writing thread.
const ROWS_PER_BATCH: usize = 512;
/// Batches read ahead of the writer.
const BATCHES_IN_FLIGHT: usize = 4;

/// One data row of the file, checked.
pub(super) struct CheckedRow {
    /// Bytes of the file read once this row was, for progress.
    pub bytes: u64,
    /// The row to write, or why it is refused.
    pub row: Result<PendingRow, Rejection>,
}

/// Reads every row of `source` and checks it against `bound` on another thread, and calls
/// `write` with each one on this thread, in file order. Stops at the first error of either.
pub(super) fn each_row(
    source: &mut Source,
    file: &Path,
    bound: &BoundMapping,
    as_of: NaiveDate,
    mut write: impl FnMut(CheckedRow) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let (sender, receiver) = sync_channel(BATCHES_IN_FLIGHT);
    std::thread::scope(|scope| {
        let reading = scope.spawn(move || read_all(source, file, bound, as_of, &sender));
        let written = receiver.iter().flatten().try_for_each(&mut write);
        // Dropping the receiver stops the reading thread early if writing failed.
        drop(receiver);
        let read = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written.and(read)
    })
}

/// Reads and checks every row, sending them a batch at a time.
fn read_all(
    source: &mut Source,
    file: &Path,
    bound: &BoundMapping,
    as_of: NaiveDate,
    sender: &SyncSender<Vec<CheckedRow>>,
) -> Result<(), ImportError> {
    let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
    while let Some(raw) = source.next_row(file)? {
        batch.push(CheckedRow {
            bytes: source.bytes_read(),
            row: check(raw, bound, as_of),
        });
        if batch.len() == ROWS_PER_BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH));
            if sender.send(full).is_err() {
                return Ok(());
            }
        }
    }
    // A send fails only when the writer has stopped, and then its error is what matters.
    let _ = sender.send(batch);
    Ok(())
}

/// The pending row of `raw`, or why it is refused.
fn check(raw: RawRow, bound: &BoundMapping, as_of: NaiveDate) -> Result<PendingRow, Rejection> {
    let reject = |reason: String| Rejection {
        line: raw.line,
        column: String::new(),
        reason,
    };
    let mut cells = match raw.cells {
        Ok(cells) if cells.len() == bound.width => cells,
        Ok(cells) => {
            return Err(reject(format!(
                "has {} cells where the header has {}",
                cells.len(),
                bound.width
            )));
        }
        Err(reason) => return Err(reject(reason)),
    };
    if bound.mapping.reads_our_exports() {
        cells.iter_mut().for_each(unguard_in_place);
    }
    RowReader::new(bound, &cells, raw.line, as_of).pending()
}
