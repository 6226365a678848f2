//! The default keys of the history list and the import report, and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The history list and the import report.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::History;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            History,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "scroll down",
        ),
        bind(
            History,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "scroll up",
        ),
        bind(
            History,
            vec![code(KeyCode::Esc), ch('q')],
            C::Cancel,
            "close the list",
        ),
    ]
}
