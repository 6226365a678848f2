//! The find popup's default keys and the words the help shows; other characters are typed.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The screens without a search of their own (the Customers screen keeps `/` for its own).
const OPENED_FROM: [Context; 7] = [
    Context::Pipeline,
    Context::DealList,
    Context::Record,
    Context::Forecast,
    Context::Tiers,
    Context::Tasks,
    Context::Channels,
];

/// `/` on the screens without a search of their own, and the find popup.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Find;
    let code = Key::plain;
    let opening = OPENED_FROM.into_iter().map(|context| {
        bind(
            context,
            vec![Key::char('/')],
            C::OpenFind,
            "find a customer, contact, deal or task",
        )
    });
    opening
        .chain([
            bind(Find, vec![code(KeyCode::Down)], C::Down, "next result"),
            bind(Find, vec![code(KeyCode::Up)], C::Up, "previous result"),
            bind(
                Find,
                vec![code(KeyCode::PageDown)],
                C::PageDown,
                "next group",
            ),
            bind(
                Find,
                vec![code(KeyCode::PageUp)],
                C::PageUp,
                "previous group",
            ),
            bind(
                Find,
                vec![code(KeyCode::Enter)],
                C::Accept,
                "open the record (a contact's customer, a task's deal)",
            ),
            bind(
                Find,
                vec![code(KeyCode::Backspace)],
                C::DeleteChar,
                "delete a character",
            ),
            bind(Find, vec![code(KeyCode::Esc)], C::Cancel, "close"),
        ])
        .collect()
}
