//! The built-in themes. Selection is always REVERSED, so it shows whatever the palette.
//! The light theme uses fixed 256-colour palette entries (the same in nearly every terminal)
//! rather than the 16 named colours, whose shades each terminal picks and which often fade on
//! white.

use ratatui::style::{Color, Modifier, Style};

use super::Theme;

/// For dark terminals; the 16 named colours, so it follows the terminal's palette.
pub fn dark() -> Theme {
    Theme {
        background: Style::new(),
        text: Style::new(),
        muted: Style::new().fg(Color::DarkGray),
        accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        header: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        border: Style::new().fg(Color::DarkGray),
        status: Style::new().fg(Color::Black).bg(Color::Cyan),
        error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        warning: Style::new().fg(Color::Yellow),
        card_heading: Style::new().add_modifier(Modifier::BOLD),
        chart_history: Style::new().fg(Color::White),
        chart_fit: Style::new().fg(Color::Cyan),
        chart_forecast: Style::new().fg(Color::Yellow),
        chart_band80: Style::new().fg(Color::Magenta),
        chart_band95: Style::new().fg(Color::DarkGray),
        chart_pipeline: Style::new().fg(Color::Green),
    }
}

/// Palette entries for the light theme, each dark enough to read on white.
const NAVY_BLUE: Color = Color::Indexed(25); // #005faf
const PLUM: Color = Color::Indexed(90); // #870087
const SLATE: Color = Color::Indexed(240); // #585858
const GREY_BORDER: Color = Color::Indexed(244); // #808080
const BRICK_RED: Color = Color::Indexed(160); // #d70000
const RUST: Color = Color::Indexed(130); // #af5f00
const FOREST: Color = Color::Indexed(28); // #008700
const INK: Color = Color::Indexed(16); // #000000
const STATUS_GREY: Color = Color::Indexed(252); // #d0d0d0

/// For light terminals: no yellow, cyan or pale grey text that fades on white.
pub fn light() -> Theme {
    Theme {
        background: Style::new(),
        text: Style::new(),
        muted: Style::new().fg(SLATE),
        accent: Style::new().fg(NAVY_BLUE).add_modifier(Modifier::BOLD),
        header: Style::new().fg(PLUM).add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        border: Style::new().fg(GREY_BORDER),
        // A pale bar, so the red of an error message still reads on it.
        status: Style::new().fg(INK).bg(STATUS_GREY),
        error: Style::new().fg(BRICK_RED).add_modifier(Modifier::BOLD),
        warning: Style::new().fg(RUST),
        card_heading: Style::new().add_modifier(Modifier::BOLD),
        chart_history: Style::new().fg(INK),
        chart_fit: Style::new().fg(NAVY_BLUE),
        chart_forecast: Style::new().fg(RUST),
        chart_band80: Style::new().fg(PLUM),
        chart_band95: Style::new().fg(GREY_BORDER),
        chart_pipeline: Style::new().fg(FOREST),
    }
}

/// Bold, pure white and bright primaries on a black background it paints itself, so it reads
/// the same on any terminal.
pub fn high_contrast() -> Theme {
    let bold = |color| Style::new().fg(color).add_modifier(Modifier::BOLD);
    Theme {
        background: Style::new().fg(Color::White).bg(Color::Black),
        text: Style::new().fg(Color::White),
        muted: Style::new().fg(Color::White),
        accent: bold(Color::LightYellow),
        header: bold(Color::LightCyan),
        selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        border: Style::new().fg(Color::White),
        status: bold(Color::Black).bg(Color::White),
        error: bold(Color::LightRed),
        warning: bold(Color::LightYellow).add_modifier(Modifier::UNDERLINED),
        card_heading: Style::new().add_modifier(Modifier::BOLD),
        chart_history: bold(Color::White),
        chart_fit: bold(Color::LightCyan),
        chart_forecast: bold(Color::LightYellow),
        chart_band80: bold(Color::LightMagenta),
        chart_band95: Style::new().fg(Color::White),
        chart_pipeline: bold(Color::LightGreen),
    }
}

/// No colour at all, for `NO_COLOR` and for text snapshots: bold, dim, underline and reverse
/// carry the meaning, and the chart lines differ by their markers.
pub fn monochrome() -> Theme {
    Theme {
        background: Style::new(),
        text: Style::new(),
        muted: Style::new().add_modifier(Modifier::DIM),
        accent: Style::new().add_modifier(Modifier::BOLD),
        header: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        border: Style::new(),
        status: Style::new().add_modifier(Modifier::REVERSED),
        error: Style::new().add_modifier(Modifier::BOLD),
        warning: Style::new().add_modifier(Modifier::UNDERLINED),
        card_heading: Style::new().add_modifier(Modifier::BOLD),
        chart_history: Style::new(),
        chart_fit: Style::new(),
        chart_forecast: Style::new(),
        chart_band80: Style::new(),
        chart_band95: Style::new(),
        chart_pipeline: Style::new(),
    }
}
