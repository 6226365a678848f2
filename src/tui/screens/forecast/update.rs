//! How the Forecast screen answers commands and worker replies; [`crate::tui::update`] calls in.

use crate::analytics::forecast::{DEFAULT_STEPS, ForecastOptions, ForecastSet, MAX_HORIZON};
use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::screen::Screen;
use crate::worker::Job;

/// Runs a command given on the Forecast screen.
pub fn run_command(app: &mut App, command: Command) {
    let forecast = &mut app.forecast;
    match command {
        Command::CycleBreakdown => forecast.cycle_breakdown(),
        Command::Down => forecast.move_by(1),
        Command::Up => forecast.move_by(-1),
        Command::LongerHorizon if forecast.horizon < MAX_HORIZON => {
            forecast.horizon += 1;
            forecast.needs_fit = true;
        }
        Command::ShorterHorizon if forecast.horizon > 1 => {
            forecast.horizon -= 1;
            forecast.needs_fit = true;
        }
        Command::LongerHorizon => {
            app.message = Message::info(format!("the horizon is at most {MAX_HORIZON} months"));
        }
        Command::ShorterHorizon => {
            app.message = Message::info("the horizon is at least 1 month");
        }
        _ => {}
    }
}

/// Asks the worker for a fit when the Forecast screen is shown and its numbers are out of date;
/// a fit already running becomes stale and its reply is dropped.
pub fn fit_if_needed(app: &mut App) {
    if app.screen == Screen::Forecast && app.forecast.needs_fit {
        app.forecast.needs_fit = false;
        app.jobs.request(Job::Forecast {
            as_of: app.as_of,
            options: ForecastOptions {
                horizon: app.forecast.horizon,
                origins: app.config.forecast.backtest_origins.0,
                steps: DEFAULT_STEPS,
            },
        });
    }
}

/// Marks the forecast out of date after a change to the deals (it refits when shown).
pub fn data_changed(app: &mut App) {
    app.forecast.needs_fit = true;
}

/// Takes a fitted set from the worker, keeping the selection where it still exists.
pub fn take_forecast(app: &mut App, set: ForecastSet) {
    app.forecast.set = Some(set);
    let count = app.forecast.groups().len();
    app.forecast.selected = app.forecast.selected.min(count.saturating_sub(1));
}
