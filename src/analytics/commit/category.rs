//! Forecast categories: every open deal is Pipeline, Best case, Commit or Omitted; a Won deal is
//! Closed. The default comes from the deal's stage and win probability (thresholds in
//! [`CommitSettings`]); a manager's override wins over the default.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::settings::CommitSettings;
use crate::domain::{Pipelines, Stage};

/// Where a deal sits in the manager's call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Left out of the call (too unlikely, or the manager says so).
    Omitted,
    /// Open and possible, not counted on.
    Pipeline,
    /// Could land this period if things go well.
    #[serde(rename = "Best case")]
    BestCase,
    /// The manager counts on it this period.
    Commit,
    /// Won.
    Closed,
}

/// A category name that is not one a deal can be set to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a forecast category (Pipeline, Best case, Commit, Omitted)")]
pub struct ParseCategoryError(pub String);

impl Category {
    /// The categories a manager can set on an open deal, lowest first.
    pub const SETTABLE: [Category; 4] = [
        Category::Omitted,
        Category::Pipeline,
        Category::BestCase,
        Category::Commit,
    ];

    /// The name as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Omitted => "Omitted",
            Category::Pipeline => "Pipeline",
            Category::BestCase => "Best case",
            Category::Commit => "Commit",
            Category::Closed => "Closed",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = ParseCategoryError;

    /// Case-insensitive; `best-case`, `bestcase` and `best_case` read as Best case.
    fn from_str(s: &str) -> Result<Category, ParseCategoryError> {
        let key: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        Category::SETTABLE
            .into_iter()
            .find(|c| c.as_str().replace(' ', "").to_lowercase() == key)
            .ok_or_else(|| ParseCategoryError(s.to_string()))
    }
}

/// A deal's category and whether a manager set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Categorised {
    /// The category in force.
    pub category: Category,
    /// True when it is a manager's override rather than the default.
    pub overridden: bool,
}

/// The category a deal gets by default: Closed when Won; for an open deal Commit from the commit
/// stage of its pipeline on (see [`CommitSettings::thresholds`]) with at least the commit
/// probability, Best case likewise, Omitted under the omit probability, Pipeline otherwise.
/// `None` for a Lost deal.
pub fn default_category(
    stage: Stage,
    win: f64,
    settings: &CommitSettings,
    catalogue: &Pipelines,
) -> Option<Category> {
    let pct = win * 100.0;
    let (commit, best_case) = settings
        .thresholds(catalogue, stage)
        .unwrap_or((Stage::Won, Stage::Won));
    match stage {
        Stage::Won => Some(Category::Closed),
        Stage::Lost => None,
        _ if stage >= commit && pct >= f64::from(settings.commit_percent) => Some(Category::Commit),
        _ if stage >= best_case && pct >= f64::from(settings.best_case_percent) => {
            Some(Category::BestCase)
        }
        _ if pct < f64::from(settings.omit_below_percent) => Some(Category::Omitted),
        _ => Some(Category::Pipeline),
    }
}

/// The category in force: the override of an open deal, else the default.
pub fn categorise(
    stage: Stage,
    win: f64,
    overridden: Option<Category>,
    settings: &CommitSettings,
    catalogue: &Pipelines,
) -> Option<Categorised> {
    match (stage.is_closed(), overridden) {
        (false, Some(category)) => Some(Categorised {
            category,
            overridden: true,
        }),
        _ => default_category(stage, win, settings, catalogue).map(|category| Categorised {
            category,
            overridden: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_stage_and_probability() {
        let s = CommitSettings::default();
        let book = Pipelines::default();
        let d = |stage, p| default_category(stage, p, &s, &book);
        assert_eq!(d(Stage::Open(3), 0.8), Some(Category::Commit));
        assert_eq!(d(Stage::Open(2), 0.8), Some(Category::BestCase));
        assert_eq!(d(Stage::Open(1), 0.8), Some(Category::Pipeline));
        assert_eq!(d(Stage::Open(3), 0.5), Some(Category::BestCase));
        assert_eq!(d(Stage::Open(0), 0.02), Some(Category::Omitted));
        assert_eq!(d(Stage::Won, 0.0), Some(Category::Closed));
        assert_eq!(d(Stage::Lost, 0.9), None);
    }

    #[test]
    fn overrides_win_on_open_deals_only_and_names_parse_loosely() {
        let s = CommitSettings::default();
        let book = Pipelines::default();
        let c = categorise(Stage::Open(0), 0.1, Some(Category::Commit), &s, &book);
        assert_eq!(
            c.map(|c| (c.category, c.overridden)),
            Some((Category::Commit, true))
        );
        let won = categorise(Stage::Won, 0.1, Some(Category::Commit), &s, &book);
        assert_eq!(won.map(|c| c.category), Some(Category::Closed));
        assert_eq!("best-case".parse(), Ok(Category::BestCase));
        assert_eq!("COMMIT".parse(), Ok(Category::Commit));
        assert!("closed".parse::<Category>().is_err());
    }
}
