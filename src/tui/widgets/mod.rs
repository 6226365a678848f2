//! Widgets and drawing helpers shared by several screens and popups.

pub mod form;
pub mod popup;
pub mod table;
pub mod text;
