//! The terminal interface: the app shell that routes keys and effects, one folder per screen and
//! per popup, drawing, and the event loop.

pub mod action;
pub mod app;
pub mod draw;
pub mod effects;
pub mod event_loop;
pub mod headless;
pub mod jobs;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod mouse;
pub mod popups;
mod replies;
pub mod scores;
pub mod screen;
pub mod screen_update;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod widgets;

pub use app::App;
pub use update::update;
