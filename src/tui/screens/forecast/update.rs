//! How the Forecast screen answers commands, typed text, data changes and worker replies.

use ratatui::layout::Rect;

use crate::analytics::forecast::{DEFAULT_STEPS, ForecastOptions, ForecastSet, MAX_HORIZON};
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effects, Message};
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::screen::Screen;
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::forecast::picker::{choices, matches, opened_at};
use crate::tui::screens::forecast::{ForecastState, call, picker_view, view};
use crate::worker::Job;

/// Runs a command given on the Forecast screen (or in its picker, when open).
pub fn run_command(forecast: &mut ForecastState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if forecast.picker.is_some() {
        picker_command(forecast, command, ctx);
        return effects;
    }
    let body = layout::main_areas(Rect::new(0, 0, ctx.size.0, ctx.size.1))[1];
    if command == Command::ToggleCall {
        forecast.call.shown = !forecast.call.shown;
        return effects;
    }
    if forecast.call.shown {
        call::update::run_command(
            &mut forecast.call,
            command,
            call::view::table_page(body),
            &mut effects,
        );
        return effects;
    }
    let page = view::table_page(body).saturating_sub(1).max(1);
    match command {
        Command::CycleBreakdown => {
            forecast.cycle_breakdown();
            forecast.table_scroll = 0;
        }
        Command::Down => {
            forecast.move_by(1);
            forecast.table_scroll = 0;
        }
        Command::Up => {
            forecast.move_by(-1);
            forecast.table_scroll = 0;
        }
        Command::PickGroup => open_picker(forecast, &mut effects),
        Command::PageDown => {
            let last = view::table_max_scroll(forecast, body);
            forecast.table_scroll = forecast.table_scroll.saturating_add(page).min(last);
        }
        Command::PageUp => {
            forecast.table_scroll = forecast.table_scroll.saturating_sub(page);
        }
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

/// Opens the picker on the group shown, once there is a forecast to pick from.
fn open_picker(forecast: &mut ForecastState, effects: &mut Effects) {
    let Some(set) = &forecast.set else {
        effects.say(Message::info("the forecast is still being fitted"));
        return;
    };
    let all = choices(&set.series);
    forecast.picker = Some(opened_at(&all, (forecast.breakdown, forecast.selected)));
}

/// A command while the picker is open: move, pick, back out or delete a character.
fn picker_command(forecast: &mut ForecastState, command: Command, ctx: &Ctx) {
    let Some(set) = &forecast.set else {
        forecast.picker = None;
        return;
    };
    let all = choices(&set.series);
    let Some(picker) = forecast.picker.as_mut() else {
        return;
    };
    let count = matches(picker, &all).len();
    let page = picker_view::visible_rows(ctx.size.1) as isize;
    match command {
        Command::Down => picker.move_by(1, count),
        Command::Up => picker.move_by(-1, count),
        Command::PageDown => picker.move_by(page, count),
        Command::PageUp => picker.move_by(-page, count),
        Command::DeleteChar => picker.delete_char(),
        Command::Cancel => forecast.picker = None,
        Command::Accept => {
            let chosen = matches(picker, &all)
                .get(picker.cursor)
                .map(|c| (c.breakdown, c.position));
            if let Some((breakdown, position)) = chosen {
                forecast.breakdown = breakdown;
                forecast.selected = position;
                forecast.table_scroll = 0;
                forecast.picker = None;
            }
        }
        _ => {}
    }
}

/// A character typed into the open picker.
pub fn type_char(forecast: &mut ForecastState, c: char) {
    if let Some(picker) = forecast.picker.as_mut() {
        picker.type_char(c);
    }
}

/// Asks the worker for a fit when the Forecast screen is shown and its numbers are out of date;
/// a fit already running becomes stale and its reply is dropped.
pub fn fit_if_needed(forecast: &mut ForecastState, ctx: &Ctx) -> Effects {
    let mut effects = call::update::fit_if_needed(&mut forecast.call, ctx);
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
    forecast.call.needs_fit = true;
}

/// Takes a fitted set from the worker, keeping the selection where it still exists; an open
/// picker starts over, since its groups may have changed.
pub fn take_forecast(forecast: &mut ForecastState, set: ForecastSet) {
    forecast.set = Some(set);
    let count = forecast.groups().len();
    forecast.selected = forecast.selected.min(count.saturating_sub(1));
    if let Some(picker) = forecast.picker.as_mut() {
        picker.cursor = 0;
    }
}

impl ScreenUpdate for ForecastState {
    fn contexts(&self) -> Vec<Context> {
        ForecastState::contexts(self)
    }

    fn run_command(&mut self, command: Command, ctx: &Ctx) -> Effects {
        run_command(self, command, ctx)
    }

    fn type_char(&mut self, c: char) {
        type_char(self, c)
    }
}
