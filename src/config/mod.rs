//! The config file: `config.toml` in the config folder, or `--config PATH`. Every value has a
//! default; the file overrides them field by field, and an unknown key or a bad value is an error
//! that names the file, the line and the key.

mod display;
mod error;
mod keys;
mod sections;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analytics::assign::AssignWeights;
use crate::analytics::commit::CommitSettings;
use crate::analytics::monitor::models::Margins;
use crate::analytics::scoring::ScoringSettings;
use crate::tui::keymap::{Context, KeyMap};
use crate::tui::theme::ThemeSettings;

pub use display::{DateFormat, DisplaySettings};
pub use error::ConfigError;
pub use keys::{KeyList, KeyOverride, KeysConfig, configured_keymap};
pub use sections::{
    ForecastSettings, Horizon, KpiPeriod, KpiSettings, LostReasons, MAX_LOST_REASON, Origins,
    Percent, PipelineSettings, StageProbabilities, StageStaleDays, StaleDays, ViewSettings,
};

/// Everything the config file can set.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Key bindings per context.
    pub keys: KeysConfig,
    /// The colour theme and changes to its styles.
    pub theme: ThemeSettings,
    /// Stage probabilities and stale days.
    pub pipeline: PipelineSettings,
    /// The KPI period the board opens with.
    pub kpi: KpiSettings,
    /// Weights of the task assignment's cost.
    pub assign: AssignWeights,
    /// Forecast horizon and backtest.
    pub forecast: ForecastSettings,
    /// The scoring models' penalty and minimum training set.
    pub scoring: ScoringSettings,
    /// The Stale view's days.
    pub views: ViewSettings,
    /// How dates show on screen.
    pub display: DisplaySettings,
    /// Thresholds of the default forecast category.
    pub commit: CommitSettings,
    /// Months the scoring models are watched over and the margins of the warning.
    pub monitor: Margins,
}

/// A config read and checked, with the key map it gives (the defaults when there is no file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedConfig {
    /// The settings.
    pub config: Config,
    /// The built-in keys with the file's overrides.
    pub keymap: KeyMap,
    /// The file read, or `None` when there was none and the defaults apply.
    pub file: Option<PathBuf>,
}

/// Reads `explicit` (which must exist), or else the default file when there is one.
pub fn load(explicit: Option<&Path>, default: Option<&Path>) -> Result<LoadedConfig, ConfigError> {
    let file = match (explicit, default) {
        (Some(path), _) => path,
        (None, Some(path)) if path.exists() => path,
        (None, _) => return Ok(LoadedConfig::default()),
    };
    let source = std::fs::read_to_string(file)
        .map_err(|e| ConfigError::whole_file(file, format!("cannot read it: {e}")))?;
    parse(file, &source)
}

/// Checks `source`, the text of `file`.
pub fn parse(file: &Path, source: &str) -> Result<LoadedConfig, ConfigError> {
    let config: Config =
        toml::from_str(source).map_err(|e| ConfigError::from_toml(file, source, &e))?;
    if let Some((field, message)) = config.assign.invalid_field() {
        return Err(ConfigError::at_key(file, source, "assign", field, message));
    }
    if let Some((field, message)) = config.scoring.invalid_field() {
        return Err(ConfigError::at_key(file, source, "scoring", field, message));
    }
    if let Some((field, message)) = config.commit.invalid_field() {
        return Err(ConfigError::at_key(file, source, "commit", field, message));
    }
    if let Some((field, message)) = config.monitor.invalid_field() {
        return Err(ConfigError::at_key(
            file,
            source,
            "monitor",
            field,
            message.to_string(),
        ));
    }
    let keymap = configured_keymap(&config.keys, file, source)?;
    Ok(LoadedConfig {
        config,
        keymap,
        file: Some(file.to_path_buf()),
    })
}

/// The default config with every setting explained, and every key binding listed commented out.
pub fn default_text() -> String {
    let mut text = include_str!("../../assets/config.default.toml").to_string();
    let map = KeyMap::default();
    for context in Context::ALL {
        text.push_str(&format!(
            "\n# [keys.{}]  ({})\n",
            context.name(),
            context.title()
        ));
        for binding in map.bindings_in(context) {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| format!("{:?}", k.config_text()))
                .collect();
            text.push_str(&format!(
                "# {} = [{}]  # {}\n",
                binding.command.name(),
                keys.join(", "),
                binding.help
            ));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_default_reads_back_as_the_defaults() {
        let loaded = parse(Path::new("default.toml"), &default_text());
        assert_eq!(
            loaded.map(|l| (l.config, l.keymap)),
            Ok((Config::default(), KeyMap::default()))
        );
    }

    #[test]
    fn uncommenting_every_key_line_gives_the_built_in_map() {
        let text: String = default_text()
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest) if rest.starts_with("[keys.") => {
                    rest.split("  (").next().unwrap_or(rest).to_string()
                }
                Some(rest) if rest.contains(" = [") => rest.to_string(),
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let loaded = parse(Path::new("default.toml"), &text);
        assert_eq!(loaded.map(|l| l.keymap), Ok(KeyMap::default()));
    }
}
