//! The terminal interface: state, actions, the one `update`, drawing, and the event loop.

pub mod action;
pub mod app;
pub mod channels;
pub mod customers;
pub mod deal_form;
pub mod draw;
pub mod event_loop;
pub mod export_chart;
pub mod export_view;
pub mod forecast;
pub mod forecast_update;
pub mod headless;
pub mod import_view;
pub mod jobs;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod mouse;
pub mod palette;
pub mod pipeline;
pub mod pipeline_update;
pub mod scores;
pub mod scores_update;
pub mod screen;
pub mod screens;
pub mod task_form;
pub mod tasks;
pub mod tasks_update;
pub mod terminal;
pub mod theme;
pub mod tiers;
pub mod tiers_update;
pub mod update;

pub use app::App;
pub use update::update;
