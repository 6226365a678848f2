//! How the Tiers screen follows data changes and worker replies; [`crate::tui::update`] calls in.

use crate::analytics::value::TiersOverview;
use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::screen::Screen;
use crate::tui::screens::customers::Detail;
use crate::worker::Job;

/// Asks the worker for the values when the Tiers screen or a customer's detail is shown and
/// they are out of date; a computation already running becomes stale and its reply is dropped.
pub fn fit_if_needed(app: &mut App) {
    let shown = app.screen == Screen::Tiers
        || (app.screen == Screen::Customers && app.customers.detail != Detail::Closed);
    if shown && app.tiers.needs_fit {
        app.tiers.needs_fit = false;
        app.jobs.request(Job::Tiers { as_of: app.as_of });
    }
}

/// Runs a command given on the Tiers screen: move between tiers and segments, or drill into
/// one on the Customers screen.
pub fn run_command(app: &mut App, command: Command) {
    match command {
        Command::Down => app.tiers.move_by(1),
        Command::Up => app.tiers.move_by(-1),
        Command::DrillDown => {
            if let Some(only) = app.tiers.selected_customers() {
                app.message = Message::info(format!(
                    "{}: {} customers (a shows all again)",
                    only.label,
                    only.ids.len()
                ));
                app.customers.show_only(Some(only));
                app.screen = Screen::Customers;
            }
        }
        _ => {}
    }
}

/// Marks the values out of date after a change to the deals (they are recomputed when shown).
pub fn data_changed(app: &mut App) {
    app.tiers.needs_fit = true;
}

/// Takes a computed overview from the worker.
pub fn take_tiers(app: &mut App, overview: TiersOverview) {
    app.tiers.overview = Some(overview);
}
