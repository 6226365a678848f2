//! The help overlay's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The help overlay.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Help;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Help,
            vec![code(KeyCode::Esc), ch('?'), ch('q')],
            C::ToggleHelp,
            "clear the search, or close the help",
        ),
        bind(
            Help,
            vec![ch('/')],
            C::StartSearch,
            "search the help: keys or words",
        ),
        bind(
            Help,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "scroll down",
        ),
        bind(Help, vec![ch('k'), code(KeyCode::Up)], C::Up, "scroll up"),
        bind(
            Help,
            vec![code(KeyCode::PageDown)],
            C::PageDown,
            "scroll down a page",
        ),
        bind(
            Help,
            vec![code(KeyCode::PageUp)],
            C::PageUp,
            "scroll up a page",
        ),
        bind(Help, vec![code(KeyCode::Home)], C::Top, "to the top"),
        bind(Help, vec![code(KeyCode::End)], C::Bottom, "to the end"),
    ]
}
