//! How the Tiers screen answers commands, data changes and worker replies.

use crate::analytics::value::TiersOverview;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message};
use crate::tui::keymap::Context;
use crate::tui::screen::Screen;
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::tiers::TiersState;
use crate::worker::Job;

/// Asks the worker for the values when they are `shown` (the Tiers screen or a customer's
/// detail) and out of date; a computation already running becomes stale and its reply is dropped.
pub fn fit_if_needed(tiers: &mut TiersState, shown: bool, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if shown && tiers.needs_fit {
        tiers.needs_fit = false;
        effects.request(Job::Tiers { as_of: ctx.as_of });
    }
    effects
}

/// Runs a command given on the Tiers screen: move between tiers and segments, or drill into
/// one on the Customers screen.
pub fn run_command(tiers: &mut TiersState, command: Command) -> Effects {
    let mut effects = Effects::none();
    match command {
        Command::Down => tiers.move_by(1),
        Command::Up => tiers.move_by(-1),
        Command::DrillDown => {
            if let Some(only) = tiers.selected_customers() {
                effects.say(Message::info(format!(
                    "{}: {} customers (a shows all again)",
                    only.label,
                    only.ids.len()
                )));
                effects.push(Effect::ShowOnly(only));
                effects.push(Effect::Open(Screen::Customers));
            }
        }
        _ => {}
    }
    effects
}

/// Marks the values out of date after a change to the deals (they are recomputed when shown).
pub fn data_changed(tiers: &mut TiersState) {
    tiers.needs_fit = true;
}

/// Takes a computed overview from the worker.
pub fn take_tiers(tiers: &mut TiersState, overview: TiersOverview) {
    tiers.overview = Some(overview);
}

impl ScreenUpdate for TiersState {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Tiers, Context::Global]
    }

    fn run_command(&mut self, command: Command, _ctx: &Ctx) -> Effects {
        run_command(self, command)
    }
}
