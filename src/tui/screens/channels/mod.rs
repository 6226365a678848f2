//! The Channels screen's state and what its keys do: the fitted channels from the worker, the
//! budget and bounds the manager types, and the allocation, recomputed at once on every change
//! (bisection over a handful of channels takes microseconds; only fitting runs on the worker).

pub mod view;

use crate::analytics::channels::{Bounds, Plan, default_bounds, plan};
use crate::db::channels::dollars;
use crate::domain::Money;
use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::popups::deal_form::parse_amount;
use crate::tui::screen::Screen;
use crate::tui::update::request_write;
use crate::worker::{ChannelsModel, Job};

/// Which number the entry line edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryField {
    /// The monthly budget.
    Budget,
    /// The selected channel's lower bound.
    Low,
    /// The selected channel's upper bound.
    High,
}

impl EntryField {
    /// The prompt before the typed text.
    pub fn prompt(self) -> &'static str {
        match self {
            EntryField::Budget => "monthly budget",
            EntryField::Low => "lowest spend",
            EntryField::High => "highest spend",
        }
    }
}

/// A number being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it will set.
    pub field: EntryField,
    /// The text so far.
    pub text: String,
}

/// Everything the Channels screen draws from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelsState {
    /// The channels and their fits, once the worker has them.
    pub model: Option<ChannelsModel>,
    /// Why they could not be loaded.
    pub load_error: Option<String>,
    /// True once the fit was asked for (the screen asks when first shown).
    pub requested: bool,
    /// Each channel's bounds, in dollars a month.
    pub bounds: Vec<Bounds>,
    /// The budget the manager typed; `None` means what the channels spend now.
    pub budget: Option<f64>,
    /// The allocation for the budget and bounds, or why there is none.
    pub plan: Option<Result<Plan, String>>,
    /// The selected channel's row.
    pub selected: usize,
    /// The number being typed, if any.
    pub entry: Option<Entry>,
}

impl ChannelsState {
    /// The budget in use: the typed one, or the channels' current total.
    pub fn budget(&self) -> f64 {
        self.budget.unwrap_or_else(|| {
            self.model
                .as_ref()
                .map_or(0.0, |m| m.fitted.iter().map(|c| c.current_spend).sum())
        })
    }

    /// Takes newly fitted channels; typed bounds survive when the channels are the same ones,
    /// fitted or not as before.
    pub fn replace_model(&mut self, model: ChannelsModel) {
        let shape = |m: &ChannelsModel| -> Vec<(i64, bool)> {
            m.data
                .channels
                .iter()
                .zip(&m.fitted)
                .map(|(c, f)| (c.id, f.fit.is_ok()))
                .collect()
        };
        let same = self
            .model
            .as_ref()
            .is_some_and(|old| shape(old) == shape(&model));
        if !same {
            self.bounds = default_bounds(&model.fitted);
            self.selected = 0;
        }
        self.model = Some(model);
        self.load_error = None;
        self.recompute();
    }

    /// Splits the budget again for the current bounds.
    pub fn recompute(&mut self) {
        let budget = self.budget();
        self.plan = self
            .model
            .as_ref()
            .map(|m| plan(&m.fitted, &self.bounds, budget).map_err(|e| e.to_string()));
    }

    fn channel_count(&self) -> usize {
        self.model.as_ref().map_or(0, |m| m.fitted.len())
    }

    fn move_to(&mut self, row: isize) {
        let last = self.channel_count().saturating_sub(1) as isize;
        self.selected = row.clamp(0, last.max(0)) as usize;
    }
}

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
    request_write(
        app,
        Job::ApplyChannelPlan { month, spends },
        "saving the channel plan…",
    );
}
