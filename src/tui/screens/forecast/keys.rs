//! The Forecast screen's and its group picker's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The Forecast screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Forecast;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Forecast,
            vec![ch('b')],
            C::CycleBreakdown,
            "total, per rep, per product, per team, per pipeline",
        ),
        bind(
            Forecast,
            vec![code(KeyCode::Enter), ch('p')],
            C::PickGroup,
            "pick the total, a rep, a product or a team by name",
        ),
        bind(
            Forecast,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next rep, product or team",
        ),
        bind(
            Forecast,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous rep, product or team",
        ),
        bind(
            Forecast,
            vec![ch('+'), ch('=')],
            C::LongerHorizon,
            "forecast one month further",
        ),
        bind(
            Forecast,
            vec![ch('-')],
            C::ShorterHorizon,
            "forecast one month less",
        ),
        bind(
            Forecast,
            vec![code(KeyCode::PageDown)],
            C::PageDown,
            "scroll the side table down",
        ),
        bind(
            Forecast,
            vec![code(KeyCode::PageUp)],
            C::PageUp,
            "scroll the side table up",
        ),
        bind(
            Forecast,
            vec![ch('c')],
            C::ToggleCall,
            "this quarter's call: P10/P50/P90, odds of the quota, movers",
        ),
    ]
}

/// The call view: the movers, the waterfall's day, the group table, back to the forecast.
pub fn call() -> Vec<Binding> {
    use Command as C;
    use Context::ForecastCall as F;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            F,
            vec![ch('c')],
            C::ToggleCall,
            "back to the bookings forecast",
        ),
        bind(F, vec![ch('j'), code(KeyCode::Down)], C::Down, "next mover"),
        bind(F, vec![ch('k'), code(KeyCode::Up)], C::Up, "previous mover"),
        bind(
            F,
            vec![code(KeyCode::Enter)],
            C::OpenRecord,
            "open the highlighted mover's deal record",
        ),
        bind(
            F,
            vec![ch('h'), code(KeyCode::Left)],
            C::MoveLeft,
            "waterfall from an earlier stored day",
        ),
        bind(
            F,
            vec![ch('l'), code(KeyCode::Right)],
            C::MoveRight,
            "waterfall from a later stored day",
        ),
        bind(
            F,
            vec![code(KeyCode::PageDown)],
            C::PageDown,
            "scroll the team and rep table down",
        ),
        bind(
            F,
            vec![code(KeyCode::PageUp)],
            C::PageUp,
            "scroll the team and rep table up",
        ),
    ]
}

/// The group picker: type to narrow the list, move, pick or back out.
pub fn picker() -> Vec<Binding> {
    use Command as C;
    use Context::ForecastPicker as P;
    let code = Key::plain;
    vec![
        bind(P, vec![code(KeyCode::Down)], C::Down, "next match"),
        bind(P, vec![code(KeyCode::Up)], C::Up, "previous match"),
        bind(P, vec![code(KeyCode::PageDown)], C::PageDown, "a page down"),
        bind(P, vec![code(KeyCode::PageUp)], C::PageUp, "a page up"),
        bind(
            P,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(P, vec![code(KeyCode::Enter)], C::Accept, "show this group"),
        bind(
            P,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the group shown",
        ),
    ]
}
