//! The default keys of the `:data` view and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The `:data` view.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Data;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Data,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next line",
        ),
        bind(
            Data,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous line",
        ),
        bind(
            Data,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "open the record of the row (a pair: its first customer)",
        ),
        bind(
            Data,
            vec![ch('m')],
            C::MergeCustomers,
            "merge the pair's second customer into its first (u undoes)",
        ),
        bind(
            Data,
            vec![code(KeyCode::Esc), ch('q')],
            C::Cancel,
            "close the view",
        ),
    ]
}
