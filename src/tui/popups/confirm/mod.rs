//! The yes/no question asked before changing the stage of a closed deal: its keys and its view.

pub mod keys;
pub mod view;
