//! The lost-reason picker that marking a deal Lost opens: its keys and its view.

pub mod keys;
pub mod view;
