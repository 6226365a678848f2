//! Turning one mapped row into the columns to write, per kind of record. Pure: references stay
//! names or ids here and are looked up by the writer.

mod kinds;
mod reader;
#[cfg(test)]
mod tests;
mod types;

pub use reader::RowReader;
pub use types::{
    ColumnValue, DEFAULT_MAX_OPEN_TASKS, DealNeeds, KeyValue, PendingRow, RefValue, Rejection,
    placeholder_email, updated_columns,
};
