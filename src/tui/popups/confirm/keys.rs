//! The yes/no question's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The yes/no question.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Confirm;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Confirm,
            vec![ch('y'), code(KeyCode::Enter)],
            C::Accept,
            "yes",
        ),
        bind(Confirm, vec![ch('n'), code(KeyCode::Esc)], C::Cancel, "no"),
    ]
}
