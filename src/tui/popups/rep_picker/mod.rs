//! The rep picker of a reassignment (type to filter): its keys and its view.

pub mod keys;
pub mod view;
