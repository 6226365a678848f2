//! Multi-row INSERTs for the tables that get millions of rows: one statement writes
//! [`ROWS_PER_STATEMENT`] rows, which is several times faster than one statement per row.

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{CachedStatement, Transaction, params_from_iter};

/// Rows per INSERT statement.
const ROWS_PER_STATEMENT: usize = 64;

/// Buffers rows of one table and writes them a full statement at a time.
pub(super) struct Bulk<'t, 'a> {
    tx: &'t Transaction<'t>,
    head: String,
    row: String,
    columns: usize,
    full: CachedStatement<'t>,
    pending: Vec<ToSqlOutput<'a>>,
    /// Rows written or buffered so far.
    pub rows: u64,
}

impl<'t, 'a> Bulk<'t, 'a> {
    /// Prepares the full statement for `table (columns…)`.
    pub fn new(
        tx: &'t Transaction<'t>,
        table: &str,
        columns: &[&str],
    ) -> Result<Self, rusqlite::Error> {
        let head = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let row = format!("({})", vec!["?"; columns.len()].join(", "));
        let full = tx.prepare_cached(&statement(&head, &row, ROWS_PER_STATEMENT))?;
        Ok(Bulk {
            tx,
            head,
            row,
            columns: columns.len(),
            full,
            pending: Vec::with_capacity(ROWS_PER_STATEMENT * columns.len()),
            rows: 0,
        })
    }

    /// Adds one row (values in column order); writes the batch when it is full.
    pub fn push<const N: usize>(&mut self, values: [ToSqlOutput<'a>; N]) -> rusqlite::Result<()> {
        debug_assert_eq!(N, self.columns);
        self.pending.extend(values);
        self.rows += 1;
        if self.pending.len() >= ROWS_PER_STATEMENT * self.columns {
            self.full
                .execute(params_from_iter(self.pending.drain(..)))?;
        }
        Ok(())
    }

    /// Writes the rows still buffered; returns how many rows were written in all.
    pub fn finish(mut self) -> rusqlite::Result<u64> {
        if !self.pending.is_empty() {
            let rows = self.pending.len() / self.columns;
            let mut rest = self.tx.prepare(&statement(&self.head, &self.row, rows))?;
            rest.execute(params_from_iter(self.pending.drain(..)))?;
        }
        Ok(self.rows)
    }
}

fn statement(head: &str, row: &str, rows: usize) -> String {
    format!("{head}{}", vec![row; rows].join(", "))
}

/// An integer value.
pub(super) fn int(v: i64) -> ToSqlOutput<'static> {
    ToSqlOutput::Borrowed(ValueRef::Integer(v))
}

/// A borrowed text value.
pub(super) fn text(v: &str) -> ToSqlOutput<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(v.as_bytes()))
}

/// An owned text value.
pub(super) fn owned(v: String) -> ToSqlOutput<'static> {
    ToSqlOutput::Owned(Value::Text(v))
}

/// A text value or NULL.
pub(super) fn text_or_null(v: Option<&str>) -> ToSqlOutput<'_> {
    v.map_or(ToSqlOutput::Borrowed(ValueRef::Null), text)
}
