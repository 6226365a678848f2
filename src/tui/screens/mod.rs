//! One file per screen or popup; each draws from [`crate::tui::App`] and nothing else.

pub mod customer_detail;
pub mod customer_filter;
pub mod customers;
pub mod help;
pub mod placeholder;
