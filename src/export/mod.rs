//! CSV exports: whole kinds of record for `salesdesk export`, and the current view of a screen
//! for `:export`. Money is written in whole currency with two decimals, dates as ISO text, NULL as
//! an empty cell; the file appears only once complete. Text cells a spreadsheet would run as a
//! formula are guarded with a leading `'` unless [`Cells::Raw`] is asked for (see [`formula`]).

mod file;
pub mod formula;
mod job;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::board::BoardFilter;
use crate::db::export;
use crate::domain::RecordKind;
pub use file::CsvFile;
pub use job::{ExportJob, Exported};

/// Why an export failed; each message names the file and is meant for the manager.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// No temporary file could be made beside the target.
    #[error(transparent)]
    Folder(#[from] crate::files::FolderError),
    /// Writing the rows failed (disk full, device gone).
    #[error("cannot write {path}: {error}")]
    Write {
        /// The file asked for.
        path: PathBuf,
        /// The system's words.
        error: std::io::Error,
    },
    /// The finished file could not replace the target (e.g. the target is a folder).
    #[error("cannot save {path}: {error}")]
    Save {
        /// The file asked for.
        path: PathBuf,
        /// The system's words.
        error: std::io::Error,
    },
    /// Reading the database failed.
    #[error("cannot read the database: {0}")]
    Database(#[from] rusqlite::Error),
}

/// How text cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cells {
    /// Cells a spreadsheet would read as a formula get a leading `'` ([`formula::guard`]).
    #[default]
    Safe,
    /// Every cell exactly as stored (`salesdesk export --raw`).
    Raw,
}

/// A screen's rows as text, ready to be written: what `:export` on the customers screen sends to
/// the worker, so the file is written off the UI thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// What the rows are, for the summary (`customers`).
    pub noun: &'static str,
    /// Column headers.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// Writes every record of `kind` to a CSV file at `path`; returns how many rows it wrote.
pub fn export_kind(
    conn: &Connection,
    kind: RecordKind,
    path: &Path,
    cells: Cells,
) -> Result<u64, ExportError> {
    let mut file = CsvFile::create(path, kind.columns().iter().map(|c| c.name), cells)?;
    let rows = export::for_each_row(conn, kind, |cells| file.write_cells(cells))?;
    file.finish()?;
    Ok(rows)
}

/// Writes the deals the board shows under `filter` and `period`, with the columns of the deals
/// export; returns how many rows it wrote.
pub fn export_board(
    conn: &Connection,
    filter: &BoardFilter,
    period: (NaiveDate, NaiveDate),
    path: &Path,
) -> Result<u64, ExportError> {
    let columns = RecordKind::Deals.columns().iter().map(|c| c.name);
    let mut file = CsvFile::create(path, columns, Cells::Safe)?;
    let rows = export::for_each_board_deal(conn, filter, period, |cells| file.write_cells(cells))?;
    file.finish()?;
    Ok(rows)
}

/// Writes `table` to a CSV file at `path`; returns how many rows it wrote.
pub fn export_table(table: &Table, path: &Path) -> Result<u64, ExportError> {
    let mut file = CsvFile::create(path, &table.header, Cells::Safe)?;
    for row in &table.rows {
        file.write_texts(row)?;
    }
    file.finish()?;
    Ok(table.rows.len() as u64)
}
