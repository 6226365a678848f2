//! The filter editor's default keys (board, customers and tasks) and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The filter editor.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Filter;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Filter,
            vec![ch('j'), code(KeyCode::Down)],
            C::NextFilterField,
            "next field",
        ),
        bind(
            Filter,
            vec![ch('k'), code(KeyCode::Up)],
            C::PreviousFilterField,
            "previous field",
        ),
        bind(
            Filter,
            vec![ch('l'), code(KeyCode::Right)],
            C::NextFilterValue,
            "next value",
        ),
        bind(
            Filter,
            vec![ch('h'), code(KeyCode::Left)],
            C::PreviousFilterValue,
            "previous value",
        ),
        bind(
            Filter,
            vec![code(KeyCode::Backspace), ch('x')],
            C::ClearFilterField,
            "any value",
        ),
        bind(
            Filter,
            vec![code(KeyCode::Enter), code(KeyCode::Esc), ch('f')],
            C::CloseFilter,
            "close",
        ),
    ]
}
