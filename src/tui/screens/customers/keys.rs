//! The customers screen's default keys and those of its search, with the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The customers screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Customers;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Customers,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next customer",
        ),
        bind(
            Customers,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous customer",
        ),
        bind(
            Customers,
            vec![code(KeyCode::PageDown), Key::ctrl('d')],
            C::PageDown,
            "page down",
        ),
        bind(
            Customers,
            vec![code(KeyCode::PageUp), Key::ctrl('u')],
            C::PageUp,
            "page up",
        ),
        bind(
            Customers,
            vec![ch('g'), code(KeyCode::Home)],
            C::Top,
            "first customer",
        ),
        bind(
            Customers,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "last customer",
        ),
        bind(
            Customers,
            vec![ch('/')],
            C::StartSearch,
            "search by name as you type",
        ),
        bind(
            Customers,
            vec![ch('s')],
            C::CycleSort,
            "sort by the next column",
        ),
        bind(Customers, vec![ch('S')], C::ReverseSort, "reverse the sort"),
        bind(
            Customers,
            vec![ch('f')],
            C::OpenFilter,
            "filter by owner, region or industry",
        ),
        bind(
            Customers,
            vec![code(KeyCode::Enter)],
            C::OpenRecord,
            "open the customer's record",
        ),
        bind(
            Customers,
            vec![ch('d')],
            C::ToggleDetail,
            "open or close the detail pane (value, tier, propensity)",
        ),
        bind(
            Customers,
            vec![code(KeyCode::Esc)],
            C::CloseDetail,
            "close the detail pane",
        ),
        bind(
            Customers,
            vec![ch('a')],
            C::ShowAllCustomers,
            "all customers again after a drill from Tiers",
        ),
    ]
}

/// While typing a search.
pub fn search() -> Vec<Binding> {
    use Command as C;
    use Context::Search;
    let code = Key::plain;
    vec![
        bind(
            Search,
            vec![code(KeyCode::Enter)],
            C::FinishSearch,
            "keep the search, browse results",
        ),
        bind(
            Search,
            vec![code(KeyCode::Esc)],
            C::CancelSearch,
            "clear the search",
        ),
        bind(
            Search,
            vec![code(KeyCode::Backspace)],
            C::SearchBackspace,
            "delete a character",
        ),
        bind(Search, vec![code(KeyCode::Down)], C::Down, "next result"),
        bind(Search, vec![code(KeyCode::Up)], C::Up, "previous result"),
    ]
}
