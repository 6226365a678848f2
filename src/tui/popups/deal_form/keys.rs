//! The deal form's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The deal form.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::DealForm;
    let code = Key::plain;
    vec![
        bind(
            DealForm,
            vec![code(KeyCode::Tab), code(KeyCode::Down)],
            C::NextField,
            "next field",
        ),
        bind(
            DealForm,
            vec![code(KeyCode::BackTab), code(KeyCode::Up)],
            C::PreviousField,
            "previous field",
        ),
        bind(
            DealForm,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(
            DealForm,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "save (a bad value is refused, nothing saved)",
        ),
        bind(
            DealForm,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close without saving",
        ),
    ]
}
