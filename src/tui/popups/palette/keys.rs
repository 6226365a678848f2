//! The `:` command line's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The command line.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::CommandLine;
    let code = Key::plain;
    vec![
        bind(
            CommandLine,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "run the command",
        ),
        bind(
            CommandLine,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close the command line",
        ),
        bind(
            CommandLine,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(
            CommandLine,
            vec![code(KeyCode::Tab)],
            C::Complete,
            "complete: next command, action or name",
        ),
        bind(
            CommandLine,
            vec![code(KeyCode::BackTab)],
            C::CompletePrevious,
            "previous completion",
        ),
        bind(
            CommandLine,
            vec![code(KeyCode::Up), Key::ctrl('p')],
            C::OlderCommand,
            "the command run before",
        ),
        bind(
            CommandLine,
            vec![code(KeyCode::Down), Key::ctrl('n')],
            C::NewerCommand,
            "the command run after",
        ),
    ]
}
