//! The list view's and its bulk popup's default keys, and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The list view, `v` on the board, and the bulk popup.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::{Bulk, DealList, Pipeline};
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Pipeline,
            vec![ch('v')],
            C::ToggleListView,
            "list every open deal (sort, saved views, bulk changes)",
        ),
        bind(
            Pipeline,
            vec![ch(' ')],
            C::ToggleSelect,
            "select or unselect the deal for a bulk change",
        ),
    ]
    .into_iter()
    .chain(bulk_changes(Pipeline))
    .chain([bind(
        DealList,
        vec![ch('v')],
        C::ToggleListView,
        "back to the board",
    )])
    .chain(deal_moves(DealList))
    .chain([
        bind(
            DealList,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "open the deal's record",
        ),
        bind(
            DealList,
            vec![ch('s')],
            C::CycleSort,
            "sort by the next column",
        ),
        bind(DealList, vec![ch('S')], C::ReverseSort, "reverse the sort"),
        bind(
            DealList,
            vec![ch('P')],
            C::NextPipeline,
            "next pipeline's deals (after the last: all)",
        ),
        bind(
            DealList,
            vec![ch('E')],
            C::EditStages,
            "edit the pipeline's stages",
        ),
        bind(
            DealList,
            vec![ch(']')],
            C::NextSavedView,
            "next saved view (stale, slipped, undated, month, quarter, biggest)",
        ),
        bind(
            DealList,
            vec![ch('[')],
            C::PreviousSavedView,
            "previous saved view",
        ),
        bind(
            DealList,
            vec![ch('f')],
            C::OpenFilter,
            "filter by rep, team, product, close quarter (the board's filter)",
        ),
        bind(
            DealList,
            vec![ch(' ')],
            C::ToggleSelect,
            "select or unselect the deal",
        ),
        bind(
            DealList,
            vec![ch('a')],
            C::SelectAll,
            "select every deal of the view, or none",
        ),
        bind(
            DealList,
            vec![code(KeyCode::Esc)],
            C::ClearSelection,
            "unselect all",
        ),
    ])
    .chain(bulk_changes(DealList))
    .chain([
        bind(
            DealList,
            vec![ch('x')],
            C::MarkLost,
            "mark the selected deals Lost, with a reason",
        ),
        bind(Bulk, vec![code(KeyCode::Down)], C::Down, "next choice"),
        bind(Bulk, vec![code(KeyCode::Up)], C::Up, "previous choice"),
        bind(
            Bulk,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "change the selected deals (one undo step)",
        ),
        bind(
            Bulk,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(Bulk, vec![code(KeyCode::Esc)], C::Cancel, "cancel"),
    ])
    .collect()
}

/// The keys that move through a column of deals or the list of them: j/k, pages, first, last.
pub(crate) fn deal_moves(context: Context) -> Vec<Binding> {
    use Command as C;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            context,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next deal",
        ),
        bind(
            context,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous deal",
        ),
        bind(
            context,
            vec![code(KeyCode::PageDown), Key::ctrl('d')],
            C::PageDown,
            "page down",
        ),
        bind(context, vec![code(KeyCode::PageUp)], C::PageUp, "page up"),
        bind(
            context,
            vec![ch('g'), code(KeyCode::Home)],
            C::Top,
            "first deal",
        ),
        bind(
            context,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "last deal",
        ),
    ]
}

/// The keys that change the selected deals at once, on the board and in the list.
pub(crate) fn bulk_changes(context: Context) -> Vec<Binding> {
    use Command as C;
    let ch = Key::char;
    vec![
        bind(
            context,
            vec![ch('m')],
            C::BulkMove,
            "move the selected deals to a stage",
        ),
        bind(
            context,
            vec![ch('o')],
            C::BulkOwner,
            "give the selected deals to a rep",
        ),
        bind(
            context,
            vec![ch('d')],
            C::BulkClose,
            "set the selected deals' expected close",
        ),
        bind(
            context,
            vec![ch('C')],
            C::SetCategory,
            "forecast category of the selected deals (none selected: this one)",
        ),
    ]
}
