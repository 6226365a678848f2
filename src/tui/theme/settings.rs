//! The `[theme]` section of the config file: which built-in theme, and a change to any of its
//! styles, field by field.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::spec::StyleSpec;

/// A built-in theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// For dark terminals (the default).
    #[default]
    Dark,
    /// For light terminals.
    Light,
    /// Bold white and bright colours on black.
    HighContrast,
}

impl ThemeName {
    /// Every built-in theme, in the order the help lists them.
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The name as written in the config file and after `:theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A theme name that is not one of the built-in ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a theme; use dark, light or high-contrast")]
pub struct UnknownTheme(pub String);

impl FromStr for ThemeName {
    type Err = UnknownTheme;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ThemeName::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| UnknownTheme(text.to_string()))
    }
}

/// The theme as configured: a built-in theme and changes to any of its styles. Each style
/// field is named as in [`super::Theme`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeSettings {
    /// The built-in theme the changes apply to.
    pub name: ThemeName,
    /// Changes to [`super::Theme::background`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<StyleSpec>,
    /// Changes to [`super::Theme::text`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<StyleSpec>,
    /// Changes to [`super::Theme::muted`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub muted: Option<StyleSpec>,
    /// Changes to [`super::Theme::accent`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent: Option<StyleSpec>,
    /// Changes to [`super::Theme::header`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<StyleSpec>,
    /// Changes to [`super::Theme::selected`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected: Option<StyleSpec>,
    /// Changes to [`super::Theme::border`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub border: Option<StyleSpec>,
    /// Changes to [`super::Theme::status`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StyleSpec>,
    /// Changes to [`super::Theme::error`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<StyleSpec>,
    /// Changes to [`super::Theme::warning`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<StyleSpec>,
    /// Changes to [`super::Theme::card_heading`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card_heading: Option<StyleSpec>,
    /// Changes to [`super::Theme::chart_history`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_history: Option<StyleSpec>,
    /// Changes to [`super::Theme::chart_fit`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_fit: Option<StyleSpec>,
    /// Changes to [`super::Theme::chart_forecast`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_forecast: Option<StyleSpec>,
    /// Changes to [`super::Theme::chart_band80`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_band80: Option<StyleSpec>,
    /// Changes to [`super::Theme::chart_band95`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_band95: Option<StyleSpec>,
    /// Changes to [`super::Theme::chart_pipeline`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_pipeline: Option<StyleSpec>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_in_any_case_and_bad_ones_list_the_choices() {
        for name in ThemeName::ALL {
            assert_eq!(name.as_str().parse(), Ok(name));
            assert_eq!(name.as_str().to_uppercase().parse(), Ok(name));
        }
        let err = "solarized".parse::<ThemeName>().unwrap_err().to_string();
        assert_eq!(
            err,
            "\"solarized\" is not a theme; use dark, light or high-contrast"
        );
    }

    #[test]
    fn names_are_kebab_case_in_the_file() {
        let settings: ThemeSettings = toml::from_str("name = \"high-contrast\"").unwrap();
        assert_eq!(settings.name, ThemeName::HighContrast);
        let written = toml::to_string(&settings).unwrap();
        assert_eq!(written.trim(), "name = \"high-contrast\"");
    }

    #[test]
    fn an_empty_section_is_the_dark_theme_unchanged() {
        let settings: ThemeSettings = toml::from_str("").unwrap();
        assert_eq!(settings, ThemeSettings::default());
        assert_eq!(settings.name, ThemeName::Dark);
    }

    #[test]
    fn a_config_theme_section_with_style_tables_reads() {
        #[derive(Deserialize)]
        struct Config {
            theme: ThemeSettings,
        }
        let text =
            "[theme]\nname = \"light\"\n[theme.header]\nfg = \"#005f87\"\nunderlined = true\n";
        let config: Config = toml::from_str(text).unwrap();
        assert_eq!(config.theme.name, ThemeName::Light);
        let header = config.theme.header.unwrap_or_default();
        assert_eq!(header.underlined, Some(true));
        assert_eq!(header.fg.map(|c| c.to_string()), Some("#005f87".into()));
        assert_eq!(config.theme.text, None);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err = toml::from_str::<ThemeSettings>("[highlight]\nbold = true")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("unknown field `highlight`"), "{err}");
    }
}
