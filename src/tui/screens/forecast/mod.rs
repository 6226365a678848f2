//! The Forecast screen's state: which breakdown and group is shown, the horizon, the group
//! picker, how far the side table is scrolled, and the last forecast set the worker fitted.

pub mod axes;
pub mod call;
pub mod keys;
pub mod notes;
pub mod picker;
pub mod picker_view;
pub mod plot;
pub mod rows;
pub mod table;
pub mod update;
pub mod view;

use crate::analytics::forecast::{Breakdown, DEFAULT_HORIZON, ForecastSet, SeriesForecast};
use crate::tui::keymap::Context;
use call::CallState;
use picker::GroupPicker;

/// What the Forecast screen shows and what it has.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastState {
    /// Total, per rep, per product or per team.
    pub breakdown: Breakdown,
    /// Which group of the breakdown is shown (its position among them).
    pub selected: usize,
    /// Months forecast.
    pub horizon: usize,
    /// The newest fitted set; kept on screen while a refit runs.
    pub set: Option<ForecastSet>,
    /// True when the data or the horizon changed since the last fit was asked for.
    pub needs_fit: bool,
    /// The group picker, while open.
    pub picker: Option<GroupPicker>,
    /// Lines the side table is scrolled down by (the view clamps it to what there is).
    pub table_scroll: u16,
    /// The quarter's call, shown instead of the forecast with `c`.
    pub call: CallState,
}

impl Default for ForecastState {
    fn default() -> Self {
        ForecastState::with_horizon(DEFAULT_HORIZON)
    }
}

impl ForecastState {
    /// A screen that will fit `horizon` months ahead when first shown.
    pub fn with_horizon(horizon: usize) -> ForecastState {
        ForecastState {
            breakdown: Breakdown::Total,
            selected: 0,
            horizon,
            set: None,
            needs_fit: true,
            picker: None,
            table_scroll: 0,
            call: CallState {
                needs_fit: true,
                ..CallState::default()
            },
        }
    }

    /// The key-map contexts that apply on the Forecast screen now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.picker.is_some() {
            vec![Context::ForecastPicker]
        } else if self.call.shown {
            vec![Context::ForecastCall, Context::Global]
        } else {
            vec![Context::Forecast, Context::Global]
        }
    }

    /// The groups of the current breakdown.
    pub fn groups(&self) -> Vec<&SeriesForecast> {
        self.set
            .as_ref()
            .map(|set| set.of(self.breakdown).collect())
            .unwrap_or_default()
    }

    /// The group on show, if the set has arrived and has it.
    pub fn shown(&self) -> Option<&SeriesForecast> {
        self.set
            .as_ref()
            .and_then(|set| set.of(self.breakdown).nth(self.selected))
    }

    /// Switches to the next breakdown, on its first group.
    pub fn cycle_breakdown(&mut self) {
        self.breakdown = self.breakdown.next();
        self.selected = 0;
    }

    /// Moves to the group `by` places on, wrapping around.
    pub fn move_by(&mut self, by: isize) {
        let count = self.groups().len();
        if count == 0 {
            return;
        }
        let at = self.selected.min(count - 1) as isize + by;
        self.selected = at.rem_euclid(count as isize) as usize;
    }
}
