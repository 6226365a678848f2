//! Widgets and drawing helpers shared by several screens and popups.

pub mod columns;
pub mod form;
pub mod picker;
pub mod popup;
pub mod table;
pub mod text;
