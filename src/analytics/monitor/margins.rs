//! The config file's `[monitor]` section for the models watched.

use serde::{Deserialize, Serialize};

/// Months watched when nobody sets another number.
pub const DEFAULT_MONTHS: usize = 6;

/// The config file's `[monitor]` section: months watched, and how much worse than held out
/// the last month may be before the desk warns.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Margins {
    /// Months scored, the last one compared.
    pub months: usize,
    /// The last month's AUC may be this much below the held-out AUC.
    pub auc_margin: f64,
    /// The last month's Brier score may be this much above the held-out Brier score.
    pub brier_margin: f64,
}

impl Default for Margins {
    fn default() -> Self {
        Margins {
            months: DEFAULT_MONTHS,
            auc_margin: 0.05,
            brier_margin: 0.03,
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
        None
    }
}
