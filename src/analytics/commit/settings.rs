//! The `[commit]` section of the config file: the thresholds of the default forecast category.

use serde::{Deserialize, Serialize};

use crate::domain::{Pipelines, Stage};

/// How a deal's default category is chosen (see `category::default_category`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct CommitSettings {
    /// Commit from this win probability in percent (default 70)…
    pub commit_percent: u8,
    /// …and from the stage of this name on (default Negotiation); in a pipeline without it,
    /// from the pipeline's last open stage.
    pub commit_stage: String,
    /// Best case from this win probability in percent (default 40)…
    pub best_case_percent: u8,
    /// …and from the stage of this name on (default Proposal); in a pipeline without it, from
    /// the stage before the last.
    pub best_case_stage: String,
    /// Omitted under this win probability in percent (default 5).
    pub omit_below_percent: u8,
}

impl Default for CommitSettings {
    fn default() -> Self {
        CommitSettings {
            commit_percent: 70,
            commit_stage: "Negotiation".into(),
            best_case_percent: 40,
            best_case_stage: "Proposal".into(),
            omit_below_percent: 5,
        }
    }
}

impl CommitSettings {
    /// The first field that does not make sense, with why; the config file names it.
    pub fn invalid_field(&self) -> Option<(&'static str, String)> {
        for (name, value) in [
            ("commit_percent", self.commit_percent),
            ("best_case_percent", self.best_case_percent),
            ("omit_below_percent", self.omit_below_percent),
        ] {
            if value > 100 {
                return Some((name, format!("{value} is not a percent from 0 to 100")));
            }
        }
        for (name, stage) in [
            ("commit_stage", &self.commit_stage),
            ("best_case_stage", &self.best_case_stage),
        ] {
            if Stage::closed_named(stage).is_some() || stage.trim().is_empty() {
                return Some((name, format!("'{stage}' is not an open stage")));
            }
        }
        if self.best_case_percent > self.commit_percent {
            return Some((
                "best_case_percent",
                "must not be above commit_percent".to_string(),
            ));
        }
        if self.omit_below_percent > self.best_case_percent {
            return Some((
                "omit_below_percent",
                "must not be above best_case_percent".to_string(),
            ));
        }
        None
    }
}

impl CommitSettings {
    /// The stages from which an open deal of `stage`'s pipeline may be Commit and Best case:
    /// the stages named in the settings when the pipeline has them, else its last open stage
    /// and the one before it. `None` for Won, Lost or a stage not in the catalogue.
    pub fn thresholds(&self, catalogue: &Pipelines, stage: Stage) -> Option<(Stage, Stage)> {
        let pipeline = catalogue.pipeline_of(stage)?;
        let last = catalogue.last_open(pipeline)?;
        let named = |name: &str| {
            catalogue
                .stage_named(pipeline, name)
                .filter(|s| !s.is_closed())
        };
        let commit = named(&self.commit_stage).unwrap_or(last);
        let best_case = named(&self.best_case_stage)
            .unwrap_or_else(|| catalogue.previous_open(last).unwrap_or(last));
        Some((commit, best_case))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::StageDef;

    #[test]
    fn a_partial_section_keeps_defaults_and_bad_values_are_named() {
        let s: Result<CommitSettings, _> =
            serde_json::from_str(r#"{"commit_percent": 80, "best_case_stage": "Qualified"}"#);
        let s = s.unwrap_or_default();
        assert_eq!(
            (s.commit_percent, s.best_case_stage.as_str()),
            (80, "Qualified")
        );
        assert_eq!(s.invalid_field(), None);
        let won = CommitSettings {
            commit_stage: "Won".into(),
            ..CommitSettings::default()
        };
        assert_eq!(won.invalid_field().map(|f| f.0), Some("commit_stage"));
        let high = CommitSettings {
            best_case_percent: 90,
            ..CommitSettings::default()
        };
        assert_eq!(high.invalid_field().map(|f| f.0), Some("best_case_percent"));
    }

    #[test]
    fn thresholds_follow_names_or_fall_back_to_the_last_stages() {
        let stage = |id, pipeline_id, name: &str| StageDef {
            id,
            pipeline_id,
            name: name.into(),
            probability_bp: 0,
            stale_days: 1,
            former_names: Vec::new(),
        };
        let book = Pipelines::new(
            vec![(1, "New".into()), (2, "Maven".into())],
            vec![
                stage(1, 1, "Lead"),
                stage(2, 1, "Proposal"),
                stage(3, 1, "Negotiation"),
                stage(4, 1, "Contract"),
                stage(5, 2, "Prospecting"),
                stage(6, 2, "Engaging"),
            ],
        );
        let s = CommitSettings::default();
        assert_eq!(
            s.thresholds(&book, Stage::open(0)),
            Some((Stage::open(2), Stage::open(1)))
        );
        assert_eq!(
            s.thresholds(&book, Stage::open(5)),
            Some((Stage::open(5), Stage::open(4)))
        );
        assert_eq!(s.thresholds(&book, Stage::Won), None);
    }
}
