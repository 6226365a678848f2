//! The Forecast screen's and its group picker's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The Forecast screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Forecast;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Forecast,
            vec![ch('b')],
            C::CycleBreakdown,
            "total, per rep, per product, per team",
        ),
        bind(
            Forecast,
            vec![code(KeyCode::Enter), ch('p')],
            C::PickGroup,
            "pick the total, a rep, a product or a team by name",
        ),
        bind(
            Forecast,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next rep, product or team",
        ),
        bind(
            Forecast,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous rep, product or team",
        ),
        bind(
            Forecast,
            vec![ch('+'), ch('=')],
            C::LongerHorizon,
            "forecast one month further",
        ),
        bind(
            Forecast,
            vec![ch('-')],
            C::ShorterHorizon,
            "forecast one month less",
        ),
        bind(
            Forecast,
            vec![code(KeyCode::PageDown)],
            C::PageDown,
            "scroll the side table down",
        ),
        bind(
            Forecast,
            vec![code(KeyCode::PageUp)],
            C::PageUp,
            "scroll the side table up",
        ),
    ]
}

/// The group picker: type to narrow the list, move, pick or back out.
pub fn picker() -> Vec<Binding> {
    use Command as C;
    use Context::ForecastPicker as P;
    let code = Key::plain;
    vec![
        bind(P, vec![code(KeyCode::Down)], C::Down, "next match"),
        bind(P, vec![code(KeyCode::Up)], C::Up, "previous match"),
        bind(P, vec![code(KeyCode::PageDown)], C::PageDown, "a page down"),
        bind(P, vec![code(KeyCode::PageUp)], C::PageUp, "a page up"),
        bind(
            P,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(P, vec![code(KeyCode::Enter)], C::Accept, "show this group"),
        bind(
            P,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the group shown",
        ),
    ]
}
