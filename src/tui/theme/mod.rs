//! Colours and text styles: a built-in theme (dark, light, high-contrast) with the config's
//! changes on top; with `NO_COLOR` set, a monochrome theme where only bold, dim, underline and
//! reverse carry meaning.

mod builtin;
pub mod settings;
pub mod spec;

use ratatui::style::Style;

pub use settings::{ThemeName, ThemeSettings, UnknownTheme};
pub use spec::{BadColor, COLOR_FORMS, ColorSpec, StyleSpec};

/// The styles every screen draws with; nothing on screen is styled any other way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Painted over the whole frame before anything is drawn (empty: the terminal's own).
    pub background: Style,
    /// Plain text.
    pub text: Style,
    /// Secondary text: hints, units, empty states.
    pub muted: Style,
    /// Titles and the active tab.
    pub accent: Style,
    /// Table headers.
    pub header: Style,
    /// The selected row: reversed, so it shows on any palette.
    pub selected: Style,
    /// Borders of panes and popups.
    pub border: Style,
    /// The status line.
    pub status: Style,
    /// Errors and warnings.
    pub error: Style,
    /// Things that need attention soon, such as stale deals.
    pub warning: Style,
    /// Laid over the first line of a pipeline card (customer and amount), selected or not.
    pub card_heading: Style,
    /// Forecast chart: the monthly bookings so far.
    pub chart_history: Style,
    /// Forecast chart: the fitted line over the history.
    pub chart_fit: Style,
    /// Forecast chart: the forecast mean.
    pub chart_forecast: Style,
    /// Forecast chart: the 80% prediction band.
    pub chart_band80: Style,
    /// Forecast chart: the 95% prediction band.
    pub chart_band95: Style,
    /// Forecast chart: the weighted open pipeline bars.
    pub chart_pipeline: Style,
}

impl Theme {
    /// The default (dark) theme, or the monochrome one when `NO_COLOR` is set to anything
    /// non-empty; the app uses this until a config file says otherwise.
    pub fn from_env() -> Theme {
        Theme::resolve(&ThemeSettings::default(), Theme::no_color_from_env())
    }

    /// True when the `NO_COLOR` environment variable asks for no colour.
    pub fn no_color_from_env() -> bool {
        no_color(std::env::var_os("NO_COLOR").as_deref())
    }

    /// A built-in theme as shipped.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => builtin::dark(),
            ThemeName::Light => builtin::light(),
            ThemeName::HighContrast => builtin::high_contrast(),
        }
    }

    /// The theme `settings` describe: the named theme with each configured style changed
    /// field by field.
    ///
    /// `no_color` wins over everything: the base is the monochrome theme whatever the name,
    /// and the changes' colours are ignored while their modifiers (bold, italic, underlined,
    /// dim) still apply, so a reader can still, say, underline headers.
    pub fn resolve(settings: &ThemeSettings, no_color: bool) -> Theme {
        let mut theme = if no_color {
            Theme::monochrome()
        } else {
            Theme::named(settings.name)
        };
        let s = settings;
        for (spec, style) in [
            (&s.background, &mut theme.background),
            (&s.text, &mut theme.text),
            (&s.muted, &mut theme.muted),
            (&s.accent, &mut theme.accent),
            (&s.header, &mut theme.header),
            (&s.selected, &mut theme.selected),
            (&s.border, &mut theme.border),
            (&s.status, &mut theme.status),
            (&s.error, &mut theme.error),
            (&s.warning, &mut theme.warning),
            (&s.card_heading, &mut theme.card_heading),
            (&s.chart_history, &mut theme.chart_history),
            (&s.chart_fit, &mut theme.chart_fit),
            (&s.chart_forecast, &mut theme.chart_forecast),
            (&s.chart_band80, &mut theme.chart_band80),
            (&s.chart_band95, &mut theme.chart_band95),
            (&s.chart_pipeline, &mut theme.chart_pipeline),
        ] {
            if let Some(spec) = spec {
                *style = spec.apply(*style, no_color);
            }
        }
        theme
    }

    /// No colour at all, for `NO_COLOR` and for text snapshots.
    pub fn monochrome() -> Theme {
        builtin::monochrome()
    }

    /// Every style with its field name, for checks and style dumps.
    pub fn fields(&self) -> [(&'static str, Style); 17] {
        [
            ("background", self.background),
            ("text", self.text),
            ("muted", self.muted),
            ("accent", self.accent),
            ("header", self.header),
            ("selected", self.selected),
            ("border", self.border),
            ("status", self.status),
            ("error", self.error),
            ("warning", self.warning),
            ("card_heading", self.card_heading),
            ("chart_history", self.chart_history),
            ("chart_fit", self.chart_fit),
            ("chart_forecast", self.chart_forecast),
            ("chart_band80", self.chart_band80),
            ("chart_band95", self.chart_band95),
            ("chart_pipeline", self.chart_pipeline),
        ]
    }
}

/// `NO_COLOR` set and non-empty means no colour (see no-color.org).
fn no_color(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;

    const ALL_THEMES: [ThemeName; 3] = ThemeName::ALL;

    #[test]
    fn no_color_set_and_non_empty_turns_colour_off() {
        use std::ffi::OsStr;
        assert!(no_color(Some(OsStr::new("1"))));
        assert!(!no_color(Some(OsStr::new(""))));
        assert!(!no_color(None));
    }

    #[test]
    fn fields_lists_every_style_once() {
        let theme = Theme::named(ThemeName::Dark);
        assert_eq!(
            std::mem::size_of::<Theme>(),
            theme.fields().len() * std::mem::size_of::<Style>()
        );
        let names: std::collections::BTreeSet<_> = theme.fields().map(|(n, _)| n).into();
        assert_eq!(names.len(), theme.fields().len());
    }

    #[test]
    fn monochrome_uses_no_colour_and_keeps_selection_reversed() {
        let t = Theme::monochrome();
        for (name, style) in t.fields() {
            assert_eq!((style.fg, style.bg), (None, None), "{name}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn every_theme_selects_with_reverse_and_colours_its_charts_apart() {
        for name in ALL_THEMES {
            let t = Theme::named(name);
            assert!(
                t.selected.add_modifier.contains(Modifier::REVERSED),
                "{name}"
            );
            let lines = [
                t.chart_history,
                t.chart_fit,
                t.chart_forecast,
                t.chart_band80,
            ];
            let colours: std::collections::BTreeSet<String> =
                lines.iter().map(|s| format!("{:?}", s.fg)).collect();
            assert_eq!(
                colours.len(),
                lines.len(),
                "{name}: chart lines share a colour"
            );
        }
    }

    #[test]
    fn light_text_never_fades_on_white() {
        let fading = [
            Color::Yellow,
            Color::LightYellow,
            Color::Cyan,
            Color::LightCyan,
            Color::White,
            Color::Gray,
            Color::DarkGray,
            Color::LightGreen,
        ];
        for (name, style) in Theme::named(ThemeName::Light).fields() {
            if style.bg.is_none() {
                let fg = style.fg.unwrap_or(Color::Reset);
                assert!(!fading.contains(&fg), "{name} is {fg:?} on white");
            }
        }
    }

    #[test]
    fn high_contrast_paints_its_own_black_background_and_bolds_headings() {
        let t = Theme::named(ThemeName::HighContrast);
        assert_eq!(t.background.bg, Some(Color::Black));
        assert_eq!(t.background.fg, Some(Color::White));
        for style in [t.accent, t.header, t.error, t.status, t.selected] {
            assert!(style.add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn the_default_settings_give_the_dark_theme() {
        assert_eq!(
            Theme::resolve(&ThemeSettings::default(), false),
            Theme::named(ThemeName::Dark)
        );
        assert_eq!(
            Theme::resolve(&ThemeSettings::default(), true),
            Theme::monochrome()
        );
    }

    #[test]
    fn each_override_changes_its_own_field_and_no_other() {
        for (field, _) in Theme::monochrome().fields() {
            let text = format!("name = \"light\"\n[{field}]\nfg = \"#010203\"\nitalic = true\n");
            let settings: ThemeSettings = toml::from_str(&text).unwrap();
            let base = Theme::named(ThemeName::Light);
            let theme = Theme::resolve(&settings, false);
            for ((name, got), (_, was)) in theme.fields().into_iter().zip(base.fields()) {
                if name == field {
                    assert_eq!(got.fg, Some(Color::Rgb(1, 2, 3)), "{field}");
                    assert_eq!(got.bg, was.bg, "{field}: bg kept");
                    assert!(got.add_modifier.contains(Modifier::ITALIC), "{field}");
                    assert!(got.add_modifier.contains(was.add_modifier), "{field}");
                } else {
                    assert_eq!(got, was, "{field} changed {name}");
                }
            }
        }
    }

    #[test]
    fn under_no_color_overrides_keep_modifiers_and_drop_colours() {
        let text = "name = \"high-contrast\"\n[header]\nfg = \"red\"\nunderlined = true\n";
        let settings: ThemeSettings = toml::from_str(text).unwrap();
        let theme = Theme::resolve(&settings, true);
        let mono = Theme::monochrome();
        assert_eq!(theme.header.fg, None);
        assert!(
            theme
                .header
                .add_modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD)
        );
        assert_eq!(theme.text, mono.text);
    }
}
