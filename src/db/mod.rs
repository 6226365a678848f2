//! SQLite storage: opening and migrating the file, and every query the app runs.

pub mod customers;
pub mod demo;
mod open;
pub mod schema;

pub use open::{OpenError, OpenedDb, open};
