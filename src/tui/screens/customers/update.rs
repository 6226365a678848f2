//! How the customers screen answers commands, typed search text and worker replies.

use crate::db::customers::CustomerDetail;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message, RecordRef};
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::screen::Screen;
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::customers::{CustomersState, Detail, FilterField};
use crate::worker::Job;

/// Runs a command given on the customers screen.
pub fn run_command(customers: &mut CustomersState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let page = layout::customer_table_rows(ctx.size, customers.detail != Detail::Closed) as isize;
    match command {
        Command::ShowAllCustomers => customers.show_only(None),
        Command::Up => customers.move_by(-1),
        Command::Down => customers.move_by(1),
        Command::PageUp => customers.move_by(-page),
        Command::PageDown => customers.move_by(page),
        Command::Top => customers.top(),
        Command::Bottom => customers.bottom(),
        Command::StartSearch => customers.searching = true,
        Command::FinishSearch => customers.searching = false,
        Command::CancelSearch => {
            customers.searching = false;
            customers.clear_query();
        }
        Command::SearchBackspace => customers.pop_query(),
        Command::CycleSort => customers.cycle_sort(),
        Command::ReverseSort => customers.reverse_sort(),
        Command::OpenFilter => customers.filter_editor = Some(FilterField::Owner),
        Command::NextFilterField | Command::PreviousFilterField => {
            let step = if command == Command::NextFilterField {
                1
            } else {
                2
            };
            customers.filter_editor = customers.filter_editor.map(|field| {
                let i = FilterField::ALL
                    .iter()
                    .position(|f| *f == field)
                    .unwrap_or(0);
                FilterField::ALL[(i + step) % FilterField::ALL.len()]
            });
        }
        Command::NextFilterValue | Command::PreviousFilterValue => {
            if let Some(field) = customers.filter_editor {
                customers.step_filter(field, command == Command::NextFilterValue);
            }
        }
        Command::ClearFilterField => {
            if let Some(field) = customers.filter_editor {
                customers.set_filter(field, None);
            }
        }
        Command::CloseFilter => customers.filter_editor = None,
        Command::ToggleDetail => {
            if customers.detail == Detail::Closed {
                if let Some(id) = customers.selected_row().map(|r| r.id) {
                    customers.detail = Detail::Loading(id);
                    effects.request(Job::CustomerDetail { customer_id: id });
                }
            } else {
                customers.detail = Detail::Closed;
            }
        }
        Command::CloseDetail => customers.detail = Detail::Closed,
        Command::OpenRecord => {
            if let Some(id) = customers.selected_row().map(|r| r.id) {
                effects.push(Effect::OpenRecord(RecordRef::Customer(id)));
            }
        }
        _ => {}
    }
    effects
}

/// A character typed into the search, while it has the keys.
pub fn type_char(customers: &mut CustomersState, c: char) {
    if customers.searching {
        customers.push_query(c);
    }
}

/// `:goto customer NAME`: the Customers screen with that customer selected.
pub fn go_to(customers: &mut CustomersState, name: &str) -> Effects {
    let mut effects = Effects::none();
    match customers.go_to(name) {
        Some(found) => {
            effects.push(Effect::Open(Screen::Customers));
            effects.say(Message::info(format!("found {found}")));
        }
        None => effects.say(Message::error(format!(
            "no customer is called '{}'",
            name.trim()
        ))),
    }
    effects
}

/// Keeps an open detail pane on the selected customer, asking the worker when the selection moves.
pub fn follow_selection_with_detail(customers: &mut CustomersState) -> Effects {
    let mut effects = Effects::none();
    let Some(shown) = customers.detail.customer_id() else {
        return effects;
    };
    match customers.selected_row().map(|r| r.id) {
        Some(selected) if selected != shown => {
            customers.detail = Detail::Loading(selected);
            effects.request(Job::CustomerDetail {
                customer_id: selected,
            });
        }
        Some(_) => {}
        None => customers.detail = Detail::Closed,
    }
    effects
}

/// Takes a customer's detail from the worker, if it is still the one the pane is about.
pub fn take_detail(customers: &mut CustomersState, result: Result<Option<CustomerDetail>, String>) {
    let Some(id) = customers.detail.customer_id() else {
        return;
    };
    customers.detail = match result {
        Ok(Some(detail)) if detail.id == id => Detail::Shown(Box::new(detail)),
        Ok(Some(_)) => return,
        Ok(None) => Detail::Unavailable(id, "this customer no longer exists".into()),
        Err(e) => Detail::Unavailable(id, e),
    };
}

impl ScreenUpdate for CustomersState {
    fn contexts(&self) -> Vec<Context> {
        CustomersState::contexts(self)
    }

    fn run_command(&mut self, command: Command, ctx: &Ctx) -> Effects {
        run_command(self, command, ctx)
    }

    fn type_char(&mut self, c: char) {
        type_char(self, c)
    }
}
