//! One file per screen or popup; each draws from [`crate::tui::App`] and nothing else.

pub mod board_popups;
pub mod channels;
pub mod customer_detail;
pub mod customer_filter;
pub mod customers;
pub mod deal_score;
pub mod forecast;
pub mod forecast_table;
pub mod help;
pub mod history;
pub mod import_report;
pub mod kpi_strip;
pub mod palette;
pub mod pipeline;
pub mod task_popups;
pub mod tasks;
pub mod tiers;
