//! The knobs of the scoring fits, kept in one struct so the config file's `[scoring]` section
//! can set them; the defaults are the documented ones.

use serde::{Deserialize, Serialize};

/// λ when nobody sets another.
pub const DEFAULT_LAMBDA: f64 = 1.0;
/// Scores are shown only with at least this many examples of each outcome, as the big CRMs do.
pub const MIN_EACH_OUTCOME: usize = 40;
/// The most win-probability training rows fitted; a larger row-per-stage set is thinned by a
/// deterministic uniform sample (see `docs/report-scoring.md`).
pub const DEFAULT_MAX_WIN_ROWS: usize = 600_000;

/// How the scoring models are fitted.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringSettings {
    /// The L2 penalty λ ≥ 0 (the intercept is not penalised).
    pub lambda: f64,
    /// The fewest positive examples (Won deals; customers who bought) a model is fitted with.
    pub min_won: usize,
    /// The fewest negative examples (Lost deals; customers who did not buy).
    pub min_lost: usize,
    /// The most win-probability training rows (deal × stage) the fit uses.
    pub max_win_rows: usize,
}

impl Default for ScoringSettings {
    fn default() -> Self {
        ScoringSettings {
            lambda: DEFAULT_LAMBDA,
            min_won: MIN_EACH_OUTCOME,
            min_lost: MIN_EACH_OUTCOME,
            max_win_rows: DEFAULT_MAX_WIN_ROWS,
        }
    }
}

impl ScoringSettings {
    /// The first field that does not make sense, with why; the config file names it.
    pub fn invalid_field(&self) -> Option<(&'static str, String)> {
        if !self.lambda.is_finite() || self.lambda < 0.0 {
            return Some((
                "lambda",
                format!("λ must be a number ≥ 0, not {}", self.lambda),
            ));
        }
        for (name, value) in [
            ("min_won", self.min_won),
            ("min_lost", self.min_lost),
            ("max_win_rows", self.max_win_rows),
        ] {
            if value == 0 {
                return Some((name, format!("{name} must be at least 1")));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_section_keeps_the_other_defaults_and_unknown_keys_are_refused() {
        let s: ScoringSettings = serde_json::from_str(r#"{"lambda": 0.5}"#).unwrap();
        assert_eq!(
            s,
            ScoringSettings {
                lambda: 0.5,
                ..ScoringSettings::default()
            }
        );
        assert_eq!(ScoringSettings::default().min_won, 40);
        assert!(serde_json::from_str::<ScoringSettings>(r#"{"lamda": 0.5}"#).is_err());
    }
}
