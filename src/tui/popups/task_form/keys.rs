//! The task and absence form's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The task and absence form.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::TaskForm;
    let code = Key::plain;
    vec![
        bind(
            TaskForm,
            vec![code(KeyCode::Tab), code(KeyCode::Down)],
            C::NextField,
            "next field",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::BackTab), code(KeyCode::Up)],
            C::PreviousField,
            "previous field",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "save (a bad value is refused, nothing saved)",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close without saving",
        ),
    ]
}
