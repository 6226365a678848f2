//! How the Forecast screen answers commands, data changes and worker replies.

use crate::analytics::forecast::{DEFAULT_STEPS, ForecastOptions, ForecastSet, MAX_HORIZON};
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effects, Message};
use crate::tui::screen::Screen;
use crate::tui::screens::forecast::ForecastState;
use crate::worker::Job;

/// Runs a command given on the Forecast screen.
pub fn run_command(forecast: &mut ForecastState, command: Command) -> Effects {
    let mut effects = Effects::none();
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
            effects.say(Message::info(format!(
                "the horizon is at most {MAX_HORIZON} months"
            )));
        }
        Command::ShorterHorizon => {
            effects.say(Message::info("the horizon is at least 1 month"));
        }
        _ => {}
    }
    effects
}

/// Asks the worker for a fit when the Forecast screen is shown and its numbers are out of date;
/// a fit already running becomes stale and its reply is dropped.
pub fn fit_if_needed(forecast: &mut ForecastState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if ctx.screen == Screen::Forecast && forecast.needs_fit {
        forecast.needs_fit = false;
        effects.request(Job::Forecast {
            as_of: ctx.as_of,
            options: ForecastOptions {
                horizon: forecast.horizon,
                origins: ctx.config.forecast.backtest_origins.0,
                steps: DEFAULT_STEPS,
            },
        });
    }
    effects
}

/// Marks the forecast out of date after a change to the deals (it refits when shown).
pub fn data_changed(forecast: &mut ForecastState) {
    forecast.needs_fit = true;
}

/// Takes a fitted set from the worker, keeping the selection where it still exists.
pub fn take_forecast(forecast: &mut ForecastState, set: ForecastSet) {
    forecast.set = Some(set);
    let count = forecast.groups().len();
    forecast.selected = forecast.selected.min(count.saturating_sub(1));
}
