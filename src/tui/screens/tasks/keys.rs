//! The tasks screen's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The tasks screen.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Tasks;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Tasks,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next task",
        ),
        bind(
            Tasks,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous task",
        ),
        bind(
            Tasks,
            vec![code(KeyCode::PageDown), Key::ctrl('d')],
            C::PageDown,
            "page down",
        ),
        bind(Tasks, vec![code(KeyCode::PageUp)], C::PageUp, "page up"),
        bind(
            Tasks,
            vec![ch('g'), code(KeyCode::Home)],
            C::Top,
            "first task",
        ),
        bind(
            Tasks,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "last task",
        ),
        bind(
            Tasks,
            vec![ch(' ')],
            C::ToggleSelect,
            "select or unselect the task",
        ),
        bind(
            Tasks,
            vec![code(KeyCode::Esc)],
            C::ClearSelection,
            "unselect all",
        ),
        bind(
            Tasks,
            vec![ch('r')],
            C::Reassign,
            "reassign the selected tasks (one undo step)",
        ),
        bind(
            Tasks,
            vec![code(KeyCode::Enter)],
            C::OpenRecord,
            "open the task's deal (or its customer)",
        ),
        bind(Tasks, vec![ch('n')], C::NewTask, "add a task"),
        bind(Tasks, vec![ch('e')], C::EditTask, "edit the task"),
        bind(Tasks, vec![ch('d')], C::MarkDone, "mark the task done"),
        bind(Tasks, vec![ch('p')], C::TogglePin, "pin or unpin the task"),
        bind(
            Tasks,
            vec![ch('a')],
            C::MarkAbsent,
            "mark the rep absent from a date to a date",
        ),
        bind(
            Tasks,
            vec![ch('o')],
            C::Optimise,
            "optimal assignment plan (exact)",
        ),
        bind(
            Tasks,
            vec![ch('m')],
            C::PlansAgainstResults,
            "accepted plans against results: tasks on time per rep",
        ),
        bind(
            Tasks,
            vec![ch('f')],
            C::OpenFilter,
            "filter by team, rep, due window, kind",
        ),
    ]
}
