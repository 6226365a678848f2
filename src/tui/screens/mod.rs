//! One folder per screen: its state (`mod.rs`), its keys, its update and its view. This file is
//! where the screens are listed: it routes a command, a typed character, the checks after every
//! update, and the drawing to the screen on show.

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
use crate::tui::screen::Screen;
use crate::tui::screens::customers::Detail;

/// Runs a command that no popup, overlay or global key took, on the screen on show.
pub fn run_command(app: &mut App, command: Command) {
    let effects = match app.screen {
        Screen::Pipeline => pipeline::update::run_command(&mut app.pipeline, command, &ctx!(app)),
        Screen::Forecast => forecast::update::run_command(&mut app.forecast, command, &ctx!(app)),
        Screen::Tasks => tasks::update::run_command(&mut app.tasks, command, &ctx!(app)),
        Screen::Channels => channels::update::run_command(&mut app.channels, command),
        Screen::Tiers => tiers::update::run_command(&mut app.tiers, command),
        Screen::Customers => {
            customers::update::run_command(&mut app.customers, command, &ctx!(app))
        }
    };
    app.apply(effects);
}

/// A character typed while the screen on show (or its popup) has a text field.
pub fn type_char(app: &mut App, c: char) {
    match app.screen {
        Screen::Pipeline => {
            if let Some(form) = app.pipeline.form.as_mut() {
                form.type_char(c);
            } else if let Some(picker) = app.pipeline.lost_picker.as_mut() {
                picker.type_char(c);
            } else {
                pipeline::list::update::type_char(&mut app.pipeline.list, c);
            }
        }
        Screen::Tasks => tasks::update::type_char(&mut app.tasks, c),
        Screen::Channels => channels::update::type_char(&mut app.channels, c),
        Screen::Forecast => forecast::update::type_char(&mut app.forecast, c),
        _ => customers::update::type_char(&mut app.customers, c),
    }
}

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

/// Draws the screen on show into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    match app.screen {
        Screen::Customers => customers::view::draw(app, frame, area),
        Screen::Pipeline => pipeline::view::draw(app, frame, area),
        Screen::Forecast => forecast::view::draw(app, frame, area),
        Screen::Tasks => tasks::view::draw(app, frame, area),
        Screen::Channels => channels::view::draw(app, frame, area),
        Screen::Tiers => tiers::view::draw(app, frame, area),
    }
}
