//! The `[commit]` section of the config file: the thresholds of the default forecast category.

use serde::{Deserialize, Serialize};

use crate::domain::Stage;

/// How a deal's default category is chosen (see `category::default_category`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct CommitSettings {
    /// Commit from this win probability in percent (default 70)…
    pub commit_percent: u8,
    /// …and from this stage on (default Negotiation).
    #[serde(with = "stage_name")]
    pub commit_stage: Stage,
    /// Best case from this win probability in percent (default 40)…
    pub best_case_percent: u8,
    /// …and from this stage on (default Proposal).
    #[serde(with = "stage_name")]
    pub best_case_stage: Stage,
    /// Omitted under this win probability in percent (default 5).
    pub omit_below_percent: u8,
}

impl Default for CommitSettings {
    fn default() -> Self {
        CommitSettings {
            commit_percent: 70,
            commit_stage: Stage::Negotiation,
            best_case_percent: 40,
            best_case_stage: Stage::Proposal,
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
            ("commit_stage", self.commit_stage),
            ("best_case_stage", self.best_case_stage),
        ] {
            if stage.is_closed() {
                return Some((name, format!("{stage} is not an open stage")));
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

/// A stage as its name in the config file.
mod stage_name {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::domain::Stage;

    pub fn serialize<S: Serializer>(stage: &Stage, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(stage.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_section_keeps_defaults_and_bad_values_are_named() {
        let s: Result<CommitSettings, _> =
            serde_json::from_str(r#"{"commit_percent": 80, "best_case_stage": "Qualified"}"#);
        let s = s.unwrap_or_default();
        assert_eq!(
            (s.commit_percent, s.best_case_stage),
            (80, Stage::Qualified)
        );
        assert_eq!(s.invalid_field(), None);
        assert!(serde_json::from_str::<CommitSettings>(r#"{"commit_stage": "Soon"}"#).is_err());
        let won = CommitSettings {
            commit_stage: Stage::Won,
            ..CommitSettings::default()
        };
        assert_eq!(won.invalid_field().map(|f| f.0), Some("commit_stage"));
        let high = CommitSettings {
            best_case_percent: 90,
            ..CommitSettings::default()
        };
        assert_eq!(high.invalid_field().map(|f| f.0), Some("best_case_percent"));
    }
}
