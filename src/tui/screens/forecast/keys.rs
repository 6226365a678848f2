//! The Forecast screen's default keys and the words the help shows.

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
    ]
}
