//! How the Channels screen answers commands, typed amounts and worker replies.

use crate::analytics::channels::default_bounds;
use crate::db::channels::dollars;
use crate::domain::Money;
use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::popups::deal_form::parse_amount;
use crate::tui::screen::Screen;
use crate::tui::screens::channels::{Entry, EntryField};
use crate::worker::{ChannelsModel, Job};

/// Asks the worker for the fits the first time the screen is shown.
pub fn ensure_loaded(app: &mut App) {
    if app.screen == Screen::Channels && !app.channels.requested {
        app.channels.requested = true;
        app.jobs.request(Job::Channels);
    }
}

/// Asks for the fits again after a change to the database (a saved or undone plan), once the
/// screen has been shown.
pub fn after_write(app: &mut App) {
    if app.channels.requested {
        app.jobs.request(Job::Channels);
    }
}

/// Takes the worker's fits.
pub fn take_model(app: &mut App, result: Result<ChannelsModel, String>) {
    match result {
        Ok(model) => app.channels.replace_model(model),
        Err(e) => {
            app.channels.load_error = Some(e.clone());
            app.message = Message::error(e);
        }
    }
}

/// Runs a command on the Channels screen.
pub fn run_command(app: &mut App, command: Command) {
    if app.channels.entry.is_some() {
        entry_command(app, command);
        return;
    }
    let state = &mut app.channels;
    match command {
        Command::Up => state.move_to(state.selected as isize - 1),
        Command::Down => state.move_to(state.selected as isize + 1),
        Command::Top => state.move_to(0),
        Command::Bottom => state.move_to(isize::MAX),
        Command::EditBudget => open_entry(app, EntryField::Budget),
        Command::EditLowBound => open_entry(app, EntryField::Low),
        Command::EditHighBound => open_entry(app, EntryField::High),
        Command::ResetChannelBounds => {
            if let Some(model) = &state.model {
                state.bounds = default_bounds(&model.fitted);
                state.budget = None;
                state.recompute();
                app.message = Message::info("budget and bounds back to their defaults");
            }
        }
        _ => {}
    }
}

/// A character typed into the entry line.
pub fn type_char(app: &mut App, c: char) {
    if let Some(entry) = app.channels.entry.as_mut() {
        entry.text.push(c);
    }
}

fn open_entry(app: &mut App, field: EntryField) {
    let state = &mut app.channels;
    let Some(model) = &state.model else {
        app.message = Message::info("the channel curves are still being fitted");
        return;
    };
    let current = match field {
        EntryField::Budget => state.budget(),
        EntryField::Low | EntryField::High => {
            let Some(channel) = model.fitted.get(state.selected) else {
                return;
            };
            if let Err(why) = &channel.fit {
                app.message = Message::error(format!("{}: {}", channel.name, why.explain()));
                return;
            }
            let b = state.bounds[state.selected];
            if field == EntryField::Low { b.lo } else { b.hi }
        }
    };
    state.entry = Some(Entry {
        field,
        text: Money((current * 100.0).round() as i64).plain(),
    });
}

fn entry_command(app: &mut App, command: Command) {
    let state = &mut app.channels;
    match command {
        Command::Cancel => state.entry = None,
        Command::DeleteChar => {
            if let Some(entry) = state.entry.as_mut() {
                entry.text.pop();
            }
        }
        Command::Accept => {
            let Some(entry) = state.entry.take() else {
                return;
            };
            let value = match parse_amount(&entry.text) {
                Ok(money) => dollars(money),
                Err(e) => {
                    app.message = Message::error(e);
                    state.entry = Some(entry);
                    return;
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
                        app.message =
                            Message::error("the lowest spend cannot be above the highest");
                        state.entry = Some(entry);
                        return;
                    }
                    state.bounds[i] = b;
                }
            }
            state.recompute();
            app.message = match &state.plan {
                Some(Err(e)) => Message::error(e.clone()),
                _ => Message::info("allocation updated"),
            };
        }
        Command::Quit => app.quit = true,
        _ => {}
    }
}

/// `:apply`: saves the recommended spends as the plan for the month after the latest history
/// month, as one undoable change.
pub fn apply(app: &mut App) {
    let state = &app.channels;
    let (Some(model), Some(Ok(plan))) = (&state.model, &state.plan) else {
        app.message = Message::error(match &state.plan {
            Some(Err(e)) => format!("nothing to apply: {e}"),
            _ => "nothing to apply: open the Channels screen (6) first".into(),
        });
        return;
    };
    let Some(month) = model.data.plan_month.clone() else {
        app.message = Message::error("nothing to apply: the channels have no history");
        return;
    };
    let spends: Vec<(i64, Money)> = model
        .data
        .channels
        .iter()
        .zip(plan.recommended_cents())
        .map(|(c, cents)| (c.id, Money(cents)))
        .collect();
    app.request_write(
        Job::ApplyChannelPlan { month, spends },
        "saving the channel plan…",
    );
}
