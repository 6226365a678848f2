//! The keys that work on every screen, with the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;
use crate::tui::screen::Screen;

/// Everywhere: quit, help, screens, undo and redo, the command line, and a digit per screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Global;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(Global, vec![ch('q'), Key::ctrl('c')], C::Quit, "quit"),
        bind(
            Global,
            vec![ch('?')],
            C::ToggleHelp,
            "show or hide this help",
        ),
        bind(
            Global,
            vec![code(KeyCode::Tab)],
            C::NextScreen,
            "next screen",
        ),
        bind(
            Global,
            vec![code(KeyCode::BackTab)],
            C::PreviousScreen,
            "previous screen",
        ),
        bind(
            Global,
            vec![ch('u')],
            C::Undo,
            "undo the last change (kept in the database)",
        ),
        bind(
            Global,
            vec![Key::ctrl('r')],
            C::Redo,
            "redo the change undone last",
        ),
        bind(
            Global,
            vec![ch(':')],
            C::OpenCommandLine,
            "command palette: commands and actions, Tab completes",
        ),
    ]
    .into_iter()
    .chain(Screen::ALL.into_iter().map(|screen| {
        bind(
            Global,
            vec![ch(screen.digit())],
            C::ShowScreen(screen),
            screen.help(),
        )
    }))
    .collect()
}
