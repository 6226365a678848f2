//! The Tiers screen's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The Tiers screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Tiers;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Tiers,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next tier or segment",
        ),
        bind(
            Tiers,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous tier or segment",
        ),
        bind(
            Tiers,
            vec![code(KeyCode::Enter)],
            C::DrillDown,
            "its customers on the Customers screen",
        ),
    ]
}
