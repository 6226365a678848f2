//! The record forms' keys: those that open a form (on a record, on Customers, on the board) and
//! those inside a form and its picker, with the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The keys that open a form: on a record, on the Customers screen and on the board.
pub fn openers() -> Vec<Binding> {
    use Command as C;
    use Context::{Customers, Pipeline, Record};
    let ch = Key::char;
    vec![
        bind(Record, vec![ch('e')], C::EditRecord, "edit this record"),
        bind(
            Record,
            vec![ch('a')],
            C::LogActivity,
            "log a call, email, meeting or note",
        ),
        bind(
            Record,
            vec![ch('f')],
            C::FollowUpTask,
            "add a follow-up task",
        ),
        bind(
            Record,
            vec![ch('N')],
            C::NewContact,
            "contacts of this customer: add, edit, remove",
        ),
        bind(
            Record,
            vec![ch('n')],
            C::NewDeal,
            "new deal for this customer",
        ),
        bind(Customers, vec![ch('n')], C::NewCustomer, "new customer"),
        bind(Customers, vec![ch('e')], C::EditRecord, "edit the customer"),
        bind(Pipeline, vec![ch('n')], C::NewDeal, "new deal"),
    ]
}

/// Inside a record form and inside its picker.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::{Picker, RecordForm};
    let code = Key::plain;
    vec![
        bind(
            RecordForm,
            vec![code(KeyCode::Tab), code(KeyCode::Down)],
            C::NextField,
            "next field",
        ),
        bind(
            RecordForm,
            vec![code(KeyCode::BackTab), code(KeyCode::Up)],
            C::PreviousField,
            "previous field",
        ),
        bind(
            RecordForm,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete",
        ),
        bind(RecordForm, vec![code(KeyCode::Enter)], C::Accept, "save"),
        bind(RecordForm, vec![code(KeyCode::Esc)], C::Cancel, "cancel"),
        bind(
            RecordForm,
            vec![Key::ctrl('e')],
            C::EditText,
            "long text in $EDITOR",
        ),
        bind(
            RecordForm,
            vec![Key::ctrl('d')],
            C::RemoveContact,
            "remove this contact",
        ),
        bind(RecordForm, vec![Key::ctrl('c')], C::Quit, "quit"),
        bind(Picker, vec![code(KeyCode::Down)], C::Down, "next match"),
        bind(Picker, vec![code(KeyCode::Up)], C::Up, "previous match"),
        bind(Picker, vec![code(KeyCode::Enter)], C::Accept, "pick it"),
        bind(
            Picker,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete",
        ),
        bind(Picker, vec![code(KeyCode::Tab)], C::NextField, "next field"),
        bind(
            Picker,
            vec![code(KeyCode::BackTab)],
            C::PreviousField,
            "previous field",
        ),
        bind(
            Picker,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close the list",
        ),
        bind(Picker, vec![Key::ctrl('c')], C::Quit, "quit"),
    ]
}
