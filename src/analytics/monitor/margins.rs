//! The config file's `[monitor]` section: the models watched and the assignment plans checked.

use serde::{Deserialize, Serialize};

use super::assign::{DEFAULT_MINUTES_PER_DAY, DEFAULT_WINDOW_DAYS};

/// Months watched when nobody sets another number.
pub const DEFAULT_MONTHS: usize = 6;

/// The config file's `[monitor]` section: months watched, and how much worse than held out
/// the last month may be before the desk warns; the days counted before and after an accepted
/// assignment plan, and the minutes of task work a rep's working day holds in its prediction.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Margins {
    /// Months scored, the last one compared.
    pub months: usize,
    /// The last month's AUC may be this much below the held-out AUC.
    pub auc_margin: f64,
    /// The last month's Brier score may be this much above the held-out Brier score.
    pub brier_margin: f64,
    /// Days before and after an accepted assignment plan whose due tasks are counted.
    pub plan_window_days: i64,
    /// Minutes of task work a rep does on a working day, for a plan's on-time prediction.
    pub plan_minutes_per_day: i64,
}

impl Default for Margins {
    fn default() -> Self {
        Margins {
            months: DEFAULT_MONTHS,
            auc_margin: 0.05,
            brier_margin: 0.03,
            plan_window_days: DEFAULT_WINDOW_DAYS,
            plan_minutes_per_day: DEFAULT_MINUTES_PER_DAY,
        }
    }
}

impl Margins {
    /// The first field that does not make sense, with why; the config file names it.
    pub fn invalid_field(&self) -> Option<(&'static str, &'static str)> {
        if !(1..=36).contains(&self.months) {
            return Some(("months", "must be between 1 and 36"));
        }
        let margin = |m: f64| m.is_finite() && (0.0..=1.0).contains(&m);
        if !margin(self.auc_margin) {
            return Some(("auc_margin", "must be between 0 and 1"));
        }
        if !margin(self.brier_margin) {
            return Some(("brier_margin", "must be between 0 and 1"));
        }
        if !(1..=366).contains(&self.plan_window_days) {
            return Some(("plan_window_days", "must be between 1 and 366"));
        }
        if !(1..=1440).contains(&self.plan_minutes_per_day) {
            return Some(("plan_minutes_per_day", "must be between 1 and 1440"));
        }
        None
    }
}
