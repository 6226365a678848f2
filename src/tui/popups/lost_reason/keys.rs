//! The lost-reason picker's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The lost-reason picker.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::LostReason;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            LostReason,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next reason",
        ),
        bind(
            LostReason,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous reason",
        ),
        bind(
            LostReason,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "mark Lost for this reason",
        ),
        bind(
            LostReason,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the deal as it is",
        ),
    ]
}
