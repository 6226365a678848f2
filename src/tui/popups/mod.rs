//! The popups and overlays: forms, the command palette, history, help, import and export.

pub mod confirm;
pub mod data;
pub mod deal_form;
pub mod export;
pub mod filter;
pub mod find;
pub mod help;
pub mod history;
pub mod import;
pub mod lost_reason;
pub mod model;
pub mod palette;
pub mod plan;
pub mod record;
pub mod record_form;
pub mod rep_picker;
pub mod stages;
pub mod task_form;
