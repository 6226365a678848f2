//! The Channels screen's default keys and those of its budget and bound entry, with the words
//! the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The Channels screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Channels;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Channels,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next channel",
        ),
        bind(
            Channels,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous channel",
        ),
        bind(
            Channels,
            vec![ch('g'), code(KeyCode::Home)],
            C::Top,
            "first channel",
        ),
        bind(
            Channels,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "last channel",
        ),
        bind(
            Channels,
            vec![ch('b')],
            C::EditBudget,
            "type the monthly budget",
        ),
        bind(
            Channels,
            vec![ch('[')],
            C::EditLowBound,
            "type the channel's lowest spend",
        ),
        bind(
            Channels,
            vec![ch(']')],
            C::EditHighBound,
            "type the channel's highest spend",
        ),
        bind(
            Channels,
            vec![ch('r')],
            C::ResetChannelBounds,
            "budget and bounds back to their defaults",
        ),
    ]
}

/// While typing a budget or bound.
pub fn entry() -> Vec<Binding> {
    use Command as C;
    use Context::ChannelEntry;
    let code = Key::plain;
    vec![
        bind(
            ChannelEntry,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "use the amount and split the budget again",
        ),
        bind(
            ChannelEntry,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the amount as it was",
        ),
        bind(
            ChannelEntry,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
    ]
}
