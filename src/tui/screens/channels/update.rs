//! How the Channels screen answers commands, typed amounts and worker replies.

use crate::analytics::channels::default_bounds;
use crate::analytics::monitor::predict;
use crate::db::channels::{PlanPrediction, dollars};
use crate::domain::Money;
use crate::domain::parse_amount;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message};
use crate::tui::keymap::Context;
use crate::tui::screen::Screen;
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::channels::{ChannelsState, Entry, EntryField};
use crate::worker::{ChannelsModel, Job};

/// Asks the worker for the fits the first time the screen is shown.
pub fn ensure_loaded(state: &mut ChannelsState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if ctx.screen == Screen::Channels && !state.requested {
        state.requested = true;
        effects.request(Job::Channels);
    }
    effects
}

/// Asks for the fits again after a change to the database (a saved or undone plan), once the
/// screen has been shown.
pub fn after_write(state: &ChannelsState) -> Effects {
    let mut effects = Effects::none();
    if state.requested {
        effects.request(Job::Channels);
    }
    effects
}

/// Takes the worker's fits.
pub fn take_model(state: &mut ChannelsState, result: Result<ChannelsModel, String>) -> Effects {
    let mut effects = Effects::none();
    match result {
        Ok(model) => state.replace_model(model),
        Err(e) => {
            state.load_error = Some(e.clone());
            effects.say(Message::error(e));
        }
    }
    effects
}

/// Runs a command on the Channels screen.
pub fn run_command(state: &mut ChannelsState, command: Command) -> Effects {
    if state.entry.is_some() {
        return entry_command(state, command);
    }
    let mut effects = Effects::none();
    match command {
        Command::Up => state.move_to(state.selected as isize - 1),
        Command::Down => state.move_to(state.selected as isize + 1),
        Command::Top => state.move_to(0),
        Command::Bottom => state.move_to(isize::MAX),
        Command::EditBudget => return open_entry(state, EntryField::Budget),
        Command::EditLowBound => return open_entry(state, EntryField::Low),
        Command::EditHighBound => return open_entry(state, EntryField::High),
        Command::ResetChannelBounds => {
            if let Some(model) = &state.model {
                state.bounds = default_bounds(&model.fitted);
                state.budget = None;
                state.recompute();
                effects.say(Message::info("budget and bounds back to their defaults"));
            }
        }
        _ => {}
    }
    effects
}

/// A character typed into the entry line.
pub fn type_char(state: &mut ChannelsState, c: char) {
    if let Some(entry) = state.entry.as_mut() {
        entry.text.push(c);
    }
}

fn open_entry(state: &mut ChannelsState, field: EntryField) -> Effects {
    let mut effects = Effects::none();
    let Some(model) = &state.model else {
        effects.say(Message::info("the channel curves are still being fitted"));
        return effects;
    };
    let current = match field {
        EntryField::Budget => state.budget(),
        EntryField::Low | EntryField::High => {
            let Some(channel) = model.fitted.get(state.selected) else {
                return effects;
            };
            if let Err(why) = &channel.fit {
                effects.say(Message::error(format!(
                    "{}: {}",
                    channel.name,
                    why.explain()
                )));
                return effects;
            }
            let b = state.bounds[state.selected];
            if field == EntryField::Low { b.lo } else { b.hi }
        }
    };
    state.entry = Some(Entry {
        field,
        text: Money((current * 100.0).round() as i64).plain(),
    });
    effects
}

fn entry_command(state: &mut ChannelsState, command: Command) -> Effects {
    let mut effects = Effects::none();
    match command {
        Command::Cancel => state.entry = None,
        Command::DeleteChar => {
            if let Some(entry) = state.entry.as_mut() {
                entry.text.pop();
            }
        }
        Command::Accept => {
            let Some(entry) = state.entry.take() else {
                return effects;
            };
            let value = match parse_amount("amount", &entry.text) {
                Ok(money) => dollars(money),
                Err(e) => {
                    effects.say(Message::error(e.to_string()));
                    state.entry = Some(entry);
                    return effects;
                }
            };
            let i = state.selected;
            match entry.field {
                EntryField::Budget => state.budget = Some(value),
                EntryField::Low | EntryField::High => {
                    let mut b = state.bounds[i];
                    if entry.field == EntryField::Low {
                        b.lo = value;
                    } else {
                        b.hi = value;
                    }
                    if b.lo > b.hi {
                        effects.say(Message::error(
                            "the lowest spend cannot be above the highest",
                        ));
                        state.entry = Some(entry);
                        return effects;
                    }
                    state.bounds[i] = b;
                }
            }
            state.recompute();
            effects.say(match &state.plan {
                Some(Err(e)) => Message::error(e.clone()),
                _ => Message::info("allocation updated"),
            });
        }
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    effects
}

/// `:apply`: saves the recommended spends as the plan for the month after the latest history
/// month, as one undoable change.
pub fn apply(state: &ChannelsState) -> Effects {
    let mut effects = Effects::none();
    let (Some(model), Some(Ok(plan))) = (&state.model, &state.plan) else {
        effects.say(Message::error(match &state.plan {
            Some(Err(e)) => format!("nothing to apply: {e}"),
            _ => "nothing to apply: open the Channels screen (6) first".into(),
        }));
        return effects;
    };
    let Some(month) = model.data.plan_month.clone() else {
        effects.say(Message::error(
            "nothing to apply: the channels have no history",
        ));
        return effects;
    };
    let spends: Vec<(i64, Money)> = model
        .data
        .channels
        .iter()
        .zip(plan.recommended_cents())
        .map(|(c, cents)| (c.id, Money(cents)))
        .collect();
    let predictions: Vec<PlanPrediction> = spends
        .iter()
        .zip(&plan.channels)
        .filter_map(|(&(channel_id, spend), row)| {
            let at = predict(row.fit.as_ref()?, dollars(spend));
            let cents = |d: f64| Money((d * 100.0).round() as i64);
            Some(PlanPrediction {
                channel_id,
                spend,
                revenue: cents(at.mid),
                low: cents(at.low),
                high: cents(at.high),
            })
        })
        .collect();
    effects.write(
        Job::ApplyChannelPlan {
            month,
            spends,
            predictions,
        },
        "saving the channel plan…",
    );
    effects
}

impl ScreenUpdate for ChannelsState {
    fn contexts(&self) -> Vec<Context> {
        ChannelsState::contexts(self)
    }

    fn run_command(&mut self, command: Command, _ctx: &Ctx) -> Effects {
        run_command(self, command)
    }

    fn type_char(&mut self, c: char) {
        type_char(self, c)
    }
}
