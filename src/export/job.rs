//! `:export` and `:export chart` as background work: the worker writes the file (and draws the
//! chart), so the desk never waits on the disk.

use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Table, export_board, export_table};
use crate::chart::Chart;
use crate::db::board::BoardFilter;

/// A screen's view to write to a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportJob {
    /// Rows the screen already holds (the customers table as searched, filtered and sorted).
    Table {
        /// The file to write.
        path: PathBuf,
        /// The rows.
        table: Table,
    },
    /// The deals on the board under its filter, read from the database.
    Board {
        /// The file to write.
        path: PathBuf,
        /// Which deals.
        filter: BoardFilter,
        /// The Won/Lost column's period.
        period: (NaiveDate, NaiveDate),
    },
    /// The chart the Forecast or Tiers screen shows, drawn to an SVG file.
    Chart {
        /// The file to write.
        path: PathBuf,
        /// What to draw.
        chart: Chart,
    },
}

/// A finished export, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file written.
    pub path: PathBuf,
    /// How many rows it holds, besides the header; 1 for a chart.
    pub rows: u64,
    /// What the rows are (`customers`, `deals`), or the chart (`forecast chart`).
    pub noun: &'static str,
}

impl ExportJob {
    /// Writes the file; the error is worded for the status line.
    pub fn run(&self, conn: &Connection) -> Result<Exported, String> {
        let (path, written, noun) = match self {
            ExportJob::Table { path, table } => (path, export_table(table, path), table.noun),
            ExportJob::Board {
                path,
                filter,
                period,
            } => (path, export_board(conn, filter, *period, path), "deals"),
            ExportJob::Chart { path, chart } => {
                let drawn = chart.write(path).map_err(|e| e.to_string());
                return drawn.map(|()| Exported {
                    path: path.clone(),
                    rows: 1,
                    noun: chart.noun(),
                });
            }
        };
        written
            .map(|rows| Exported {
                path: path.clone(),
                rows,
                noun,
            })
            .map_err(|e| e.to_string())
    }
}
