//! Widgets and drawing helpers shared by several screens and popups.

pub mod text;
