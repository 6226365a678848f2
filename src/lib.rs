//! salesdesk: an offline, keyboard-driven terminal desk app for sales managers.

pub mod analytics;
pub mod chart;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod export;
pub mod files;
pub mod import;
pub mod tui;
pub mod worker;
