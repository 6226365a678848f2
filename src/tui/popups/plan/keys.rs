//! The plan view's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The optimal plan view.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Plan;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Plan,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next move",
        ),
        bind(
            Plan,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous move",
        ),
        bind(
            Plan,
            vec![code(KeyCode::PageDown)],
            C::PageDown,
            "a page of moves down",
        ),
        bind(
            Plan,
            vec![code(KeyCode::PageUp)],
            C::PageUp,
            "a page of moves up",
        ),
        bind(Plan, vec![code(KeyCode::Home)], C::Top, "first move"),
        bind(Plan, vec![code(KeyCode::End)], C::Bottom, "last move"),
        bind(
            Plan,
            vec![ch(' ')],
            C::ToggleSelect,
            "leave the move out, or back in",
        ),
        bind(
            Plan,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "accept the plan (one undo step)",
        ),
        bind(
            Plan,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close, nothing changes",
        ),
    ]
}
