//! A colour or a style as a person writes it in the config file: `fg = "light-cyan"`,
//! `bg = "#1e1e2e"`, `fg = 244`, `bold = true`. Parsing is ratatui's own; this adds the
//! error message a manager can act on, and writing a colour back in the same form.

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The forms a colour may take, for error messages.
pub const COLOR_FORMS: &str = "a name (black, red, green, yellow, blue, magenta, cyan, gray, \
dark-gray, light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, white, \
reset), \"#rrggbb\", or a palette index 0-255";

/// A colour that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a colour; use {COLOR_FORMS}")]
pub struct BadColor {
    /// The text as written.
    pub text: String,
}

/// A colour from the config file: a name, `#rrggbb`, or a 256-colour palette index (written
/// as a string or a bare number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorSpec(pub Color);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ColorVisitor)
    }
}

struct ColorVisitor;

impl Visitor<'_> for ColorVisitor {
    type Value = ColorSpec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{COLOR_FORMS}")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<ColorSpec, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, index: i64) -> Result<ColorSpec, E> {
        indexed(index)
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<ColorSpec, E> {
        indexed(index)
    }
}

/// Palette entry `index`, which must be 0-255.
fn indexed<E: de::Error, N: TryInto<u8> + fmt::Display + Copy>(index: N) -> Result<ColorSpec, E> {
    index
        .try_into()
        .map(|i| ColorSpec(Color::Indexed(i)))
        .map_err(|_| {
            E::custom(BadColor {
                text: index.to_string(),
            })
        })
}

impl Serialize for ColorSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Color::Indexed(i) => serializer.serialize_u8(i),
            _ => serializer.collect_str(self),
        }
    }
}

impl FromStr for ColorSpec {
    type Err = BadColor;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Color::from_str(text.trim())
            .map(ColorSpec)
            .map_err(|_| BadColor {
                text: text.to_string(),
            })
    }
}

impl fmt::Display for ColorSpec {
    /// Writes the colour as the config file spells it: `dark-gray`, `#1e1e2e`, `244`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        for (i, c) in self.0.to_string().chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 && !matches!(self.0, Color::Rgb(..)) {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        f.write_str(&out)
    }
}

/// A change to one style of the theme: each field left out keeps the built-in value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct StyleSpec {
    /// Text colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fg: Option<ColorSpec>,
    /// Background colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bg: Option<ColorSpec>,
    /// Bold on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    /// Italic on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub italic: Option<bool>,
    /// Underline on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub underlined: Option<bool>,
    /// Dim on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dim: Option<bool>,
}

impl StyleSpec {
    /// `base` with the fields this spec sets replaced; with `no_color`, the colours are left
    /// out and only the modifiers apply.
    pub fn apply(&self, base: Style, no_color: bool) -> Style {
        let mut style = base;
        if !no_color {
            if let Some(fg) = self.fg {
                style.fg = Some(fg.0);
            }
            if let Some(bg) = self.bg {
                style.bg = Some(bg.0);
            }
        }
        for (flag, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underlined, Modifier::UNDERLINED),
            (self.dim, Modifier::DIM),
        ] {
            style = match flag {
                Some(true) => style.add_modifier(modifier),
                Some(false) => style.remove_modifier(modifier),
                None => style,
            };
        }
        style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Color, BadColor> {
        text.parse::<ColorSpec>().map(|c| c.0)
    }

    #[test]
    fn names_hex_and_indexes_parse() {
        assert_eq!(parse("red"), Ok(Color::Red));
        assert_eq!(parse("dark-gray"), Ok(Color::DarkGray));
        assert_eq!(parse("light-cyan"), Ok(Color::LightCyan));
        assert_eq!(parse("Light Magenta"), Ok(Color::LightMagenta));
        assert_eq!(parse("#1e90ff"), Ok(Color::Rgb(0x1e, 0x90, 0xff)));
        assert_eq!(parse("244"), Ok(Color::Indexed(244)));
        assert_eq!(parse("0"), Ok(Color::Indexed(0)));
    }

    #[test]
    fn bad_colours_are_quoted_with_the_accepted_forms() {
        for bad in ["purple-ish", "#12345", "#gggggg", "256", ""] {
            let err = parse(bad).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("\"{bad}\" is not a colour")),
                "{err}"
            );
            assert!(err.contains("\"#rrggbb\""), "{err}");
            assert!(err.contains("0-255"), "{err}");
            assert!(err.contains("light-cyan"), "{err}");
        }
    }

    #[test]
    fn colours_write_back_as_they_parse() {
        for color in [
            Color::DarkGray,
            Color::LightCyan,
            Color::Red,
            Color::Rgb(0x1e, 0x90, 0xff),
            Color::Indexed(244),
        ] {
            let text = ColorSpec(color).to_string();
            assert_eq!(parse(&text), Ok(color), "{text}");
        }
        assert_eq!(ColorSpec(Color::DarkGray).to_string(), "dark-gray");
        assert_eq!(
            ColorSpec(Color::Rgb(0x1e, 0x90, 0xff)).to_string(),
            "#1e90ff"
        );
    }

    #[test]
    fn a_colour_reads_from_a_string_or_a_bare_number() {
        #[derive(Deserialize)]
        struct One {
            c: ColorSpec,
        }
        let one: One = toml::from_str("c = 33").unwrap();
        assert_eq!(one.c.0, Color::Indexed(33));
        let one: One = toml::from_str("c = \"light-red\"").unwrap();
        assert_eq!(one.c.0, Color::LightRed);
        for (text, quoted) in [("c = \"mauve\"", "\"mauve\""), ("c = 300", "\"300\"")] {
            let err = toml::from_str::<One>(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains(&format!("{quoted} is not a colour")), "{err}");
        }
    }

    #[test]
    fn a_spec_changes_only_the_fields_it_sets() {
        let base = Style::new()
            .fg(Color::Red)
            .bg(Color::Black)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED);
        let spec = StyleSpec {
            fg: Some(ColorSpec(Color::Blue)),
            bold: Some(false),
            italic: Some(true),
            ..StyleSpec::default()
        };
        let out = spec.apply(base, false);
        assert_eq!(out.fg, Some(Color::Blue));
        assert_eq!(out.bg, Some(Color::Black));
        assert!(!out.add_modifier.contains(Modifier::BOLD));
        assert!(
            out.add_modifier
                .contains(Modifier::ITALIC | Modifier::REVERSED)
        );
        assert_eq!(StyleSpec::default().apply(base, false), base);
    }

    #[test]
    fn without_colour_a_spec_keeps_only_its_modifiers() {
        let spec = StyleSpec {
            fg: Some(ColorSpec(Color::Blue)),
            bg: Some(ColorSpec(Color::White)),
            underlined: Some(true),
            ..StyleSpec::default()
        };
        let out = spec.apply(Style::new(), true);
        assert_eq!((out.fg, out.bg), (None, None));
        assert!(out.add_modifier.contains(Modifier::UNDERLINED));
    }

    #[test]
    fn unknown_style_fields_are_refused() {
        let err = toml::from_str::<StyleSpec>("colour = \"red\"")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("unknown field `colour`"), "{err}");
    }
}
