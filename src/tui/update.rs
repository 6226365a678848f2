//! The one place the app's state changes: an [`Action`] in, a new state out, and maybe jobs queued.

use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Message};
use crate::tui::customers::{Detail, FilterField};
use crate::tui::layout;
use crate::worker::{Job, Output, Reply};

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Command(command) => run_command(app, command),
        Action::Type(c) => {
            if app.customers.searching {
                app.customers.push_query(c);
            }
        }
        Action::Resize { width, height } => app.size = (width, height),
        Action::Tick => app.ticks = app.ticks.wrapping_add(1),
        Action::Worker(reply) => take_reply(app, *reply),
    }
    follow_selection_with_detail(app);
    let rows = layout::customer_table_rows(app.size, app.customers.detail != Detail::Closed);
    app.customers.scroll_into_view(rows);
}

fn run_command(app: &mut App, command: Command) {
    if let Some(scroll) = app.help.as_mut() {
        match command {
            Command::Up => *scroll = scroll.saturating_sub(1),
            Command::Down => *scroll = scroll.saturating_add(1),
            Command::ToggleHelp => app.help = None,
            Command::Quit => app.quit = true,
            _ => {}
        }
        return;
    }
    let page =
        layout::customer_table_rows(app.size, app.customers.detail != Detail::Closed) as isize;
    let customers = &mut app.customers;
    match command {
        Command::Quit => app.quit = true,
        Command::ToggleHelp => app.help = Some(0),
        Command::ShowScreen(screen) => app.screen = screen,
        Command::NextScreen => app.screen = app.screen.next(),
        Command::PreviousScreen => app.screen = app.screen.previous(),
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
                    app.jobs.request(Job::CustomerDetail { customer_id: id });
                }
            } else {
                customers.detail = Detail::Closed;
            }
        }
        Command::CloseDetail => customers.detail = Detail::Closed,
    }
}

/// Keeps an open detail pane on the selected customer, asking the worker when the selection moves.
fn follow_selection_with_detail(app: &mut App) {
    let Some(shown) = app.customers.detail.customer_id() else {
        return;
    };
    match app.customers.selected_row().map(|r| r.id) {
        Some(selected) if selected != shown => {
            app.customers.detail = Detail::Loading(selected);
            app.jobs.request(Job::CustomerDetail {
                customer_id: selected,
            });
        }
        Some(_) => {}
        None => app.customers.detail = Detail::Closed,
    }
}

fn take_reply(app: &mut App, reply: Reply) {
    if !app.jobs.accept(&reply) {
        tracing::debug!(kind = ?reply.kind, generation = reply.generation, "stale reply dropped");
        return;
    }
    match reply.output {
        Output::CustomerIndex(Ok(index)) => app.customers.replace_index(index),
        Output::CustomerIndex(Err(e)) => app.message = Message::error(e),
        Output::CustomerDetail(result) => {
            let Some(id) = app.customers.detail.customer_id() else {
                return;
            };
            app.customers.detail = match result {
                Ok(Some(detail)) if detail.id == id => Detail::Shown(Box::new(detail)),
                Ok(Some(_)) => return,
                Ok(None) => Detail::Unavailable(id, "this customer no longer exists".into()),
                Err(e) => Detail::Unavailable(id, e),
            };
        }
    }
}
