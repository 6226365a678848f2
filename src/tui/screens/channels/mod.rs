//! The Channels screen's state and what its keys do: the fitted channels from the worker, the
//! budget and bounds the manager types, and the allocation, recomputed at once on every change
//! (bisection over a handful of channels takes microseconds; only fitting runs on the worker).

pub mod keys;
mod monitor;
mod table;
pub mod update;
pub mod view;

use crate::analytics::channels::{Bounds, Plan, default_bounds, plan};
use crate::tui::keymap::binding::Context;
use crate::worker::ChannelsModel;

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
    /// The key-map contexts that apply on the Channels screen now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.entry.is_some() {
            return vec![Context::ChannelEntry];
        }
        vec![Context::Channels, Context::Global]
    }

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
