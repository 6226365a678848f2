//! SQLite storage: opening and migrating the file, and every query the app runs.

pub mod board;
pub mod customers;
pub mod demo;
pub mod edits;
mod open;
pub mod pipeline_facts;
pub mod schema;
pub mod task_edits;
pub mod tasks;

pub use open::{OpenError, OpenedDb, open};
