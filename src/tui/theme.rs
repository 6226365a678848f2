//! Colours and text styles; with `NO_COLOR` set, only bold, dim and reverse are used.

use ratatui::style::{Color, Modifier, Style};

/// The styles every screen draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
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
}

impl Theme {
    /// The colour theme, or the monochrome one when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme::for_no_color(std::env::var_os("NO_COLOR").as_deref())
    }

    /// The theme for a given value of `NO_COLOR` (see no-color.org: set and non-empty means no colour).
    pub fn for_no_color(value: Option<&std::ffi::OsStr>) -> Theme {
        if value.is_some_and(|v| !v.is_empty()) {
            Theme::monochrome()
        } else {
            Theme::colour()
        }
    }

    /// Colours that read on dark and light terminals alike.
    pub fn colour() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            header: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().fg(Color::DarkGray),
            status: Style::new().fg(Color::Black).bg(Color::Cyan),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
        }
    }

    /// No colour at all, for `NO_COLOR` and for text snapshots.
    pub fn monochrome() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new().add_modifier(Modifier::DIM),
            accent: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_set_and_non_empty_turns_colour_off() {
        use std::ffi::OsStr;
        assert_eq!(
            Theme::for_no_color(Some(OsStr::new("1"))),
            Theme::monochrome()
        );
        assert_eq!(Theme::for_no_color(Some(OsStr::new(""))), Theme::colour());
        assert_eq!(Theme::for_no_color(None), Theme::colour());
    }

    #[test]
    fn monochrome_uses_no_colour() {
        let t = Theme::monochrome();
        for style in [
            t.text, t.muted, t.accent, t.header, t.selected, t.border, t.status, t.error,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }
}
