//! The optimal assignment plan as a diff of moves: its keys and its view.

pub mod keys;
pub mod view;
