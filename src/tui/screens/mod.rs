//! One folder per screen: its state (`mod.rs`, implementing `ScreenUpdate`), its keys, its update
//! and its view. This file routes a command, a typed character, the key contexts and the drawing
//! to the screen on show (from the one list in `tui/screen.rs`; `App::on_show` gives its key contexts), and runs the checks after every
//! update.

pub mod channels;
pub mod customers;
pub mod forecast;
pub mod pipeline;
pub mod tasks;
pub mod tiers;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::effects::ctx;
use crate::tui::layout;
use crate::tui::screen::{Screen, screen_list};
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::customers::Detail;

/// The routers from [`screen_list!`]: each screen's command, typed character and drawing go to
/// the screen on show.
macro_rules! route {
    ($($variant:ident $module:ident $title:literal $digit:literal $doc:literal;)*) => {
        /// Runs a command that no popup, overlay or global key took, on the screen on show.
        pub fn run_command(app: &mut App, command: Command) {
            let effects = match app.screen {
                $(Screen::$variant => {
                    ScreenUpdate::run_command(&mut app.$module, command, &ctx!(app))
                })*
            };
            app.apply(effects);
        }

        /// A character typed while the screen on show (or its popup) has a text field.
        pub fn type_char(app: &mut App, c: char) {
            match app.screen {
                $(Screen::$variant => ScreenUpdate::type_char(&mut app.$module, c),)*
            }
        }

        /// Draws the screen on show into `area`.
        pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
            match app.screen {
                $(Screen::$variant => $module::view::draw(app, frame, area),)*
            }
        }
    };
}
screen_list!(route);

/// After every update: details follow the selection, what is shown and out of date is asked
/// for, and selections stay on screen.
pub fn after_update(app: &mut App) {
    let effects = customers::update::follow_selection_with_detail(&mut app.customers);
    app.apply(effects);
    let effects = forecast::update::fit_if_needed(&mut app.forecast, &ctx!(app));
    app.apply(effects);
    let tiers_shown = app.screen == Screen::Tiers
        || (app.screen == Screen::Customers && app.customers.detail != Detail::Closed);
    let effects = tiers::update::fit_if_needed(&mut app.tiers, tiers_shown, &ctx!(app));
    app.apply(effects);
    crate::tui::scores::update::fit_if_needed(app);
    let rows = layout::customer_table_rows(app.size, app.customers.detail != Detail::Closed);
    app.customers.scroll_into_view(rows);
    app.pipeline
        .scroll_into_view(layout::board_card_rows(app.size));
    let effects = pipeline::list::update::after_update(&mut app.pipeline, &ctx!(app));
    app.apply(effects);
    if !app.pipeline.list.shown {
        let effects = pipeline::more::load_ahead(&mut app.pipeline);
        app.apply(effects);
    }
    let effects = tasks::update::ensure_loaded(&mut app.tasks, &ctx!(app));
    app.apply(effects);
    app.tasks.scroll_into_view(tasks::list_rows(app.size));
    let effects = channels::update::ensure_loaded(&mut app.channels, &ctx!(app));
    app.apply(effects);
}
