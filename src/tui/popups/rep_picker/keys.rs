//! The rep picker's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The rep picker of a reassignment.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::RepPicker;
    let code = Key::plain;
    vec![
        bind(RepPicker, vec![code(KeyCode::Down)], C::Down, "next rep"),
        bind(RepPicker, vec![code(KeyCode::Up)], C::Up, "previous rep"),
        bind(
            RepPicker,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(
            RepPicker,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "give the tasks to this rep",
        ),
        bind(
            RepPicker,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the tasks where they are",
        ),
    ]
}
