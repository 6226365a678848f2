//! The keys of an open deal or customer record, with the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// An open record.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Record;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Record,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "scroll down (a customer's: next deal)",
        ),
        bind(
            Record,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "scroll up (a customer's: previous deal)",
        ),
        bind(
            Record,
            vec![code(KeyCode::PageDown), Key::ctrl('d')],
            C::PageDown,
            "page down",
        ),
        bind(
            Record,
            vec![code(KeyCode::PageUp), Key::ctrl('u')],
            C::PageUp,
            "page up",
        ),
        bind(Record, vec![ch('g'), code(KeyCode::Home)], C::Top, "top"),
        bind(
            Record,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "bottom",
        ),
        bind(
            Record,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "open the deal under the cursor (on a deal: its customer)",
        ),
        bind(
            Record,
            vec![ch('c')],
            C::JumpToCustomer,
            "open the deal's customer",
        ),
        bind(
            Record,
            vec![ch('C')],
            C::SetCategory,
            "step the deal's forecast category (Commit … default)",
        ),
        bind(
            Record,
            vec![ch('o')],
            C::OwnerTasks,
            "the owner's tasks on the Tasks screen",
        ),
        bind(
            Record,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "back to the record beneath, then the screen",
        ),
    ]
}
