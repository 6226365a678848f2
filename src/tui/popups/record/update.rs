//! What an open record does: opening one asks the worker for it, the keys scroll it or move the
//! customer's deal cursor, `Enter` and `c` open another on top, `o` goes to the owner's tasks,
//! `C` steps a deal's forecast category, `Esc` goes back; the worker's reads land in their record, and after any write the record on
//! top is read again ([`reload`], the hook every write answer calls).

use super::rows::Row;
use super::{Loaded, view};
use crate::db::reads::{CustomerRecord, DealRecord};
use crate::db::records::BulkChange;
use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::effects::RecordRef;
use crate::tui::screen::Screen;
use crate::tui::screens::pipeline::category;
use crate::tui::screens::tasks::TaskFilter;
use crate::worker::{BulkTarget, Job};

/// Opens `what` on top of the stack and asks the worker for it (what `Effect::OpenRecord`
/// does in the app).
fn open(app: &mut App, what: RecordRef) {
    app.records.open(what);
    request_top(app);
}

/// Asks for the record on top again.
fn request_top(app: &mut App) {
    if let Some(job) = app.records.read_top(app.as_of) {
        app.jobs.request(job);
    }
}

/// After any saved change (a deal move, an undo or redo, a record form, an import): the record
/// on top is read again now, the ones beneath when they come back on top.
pub fn reload(app: &mut App) {
    if app.records.is_empty() {
        return;
    }
    app.records.mark_outdated();
    request_top(app);
}

/// Closes the record on top; the one beneath is read again if the book changed meanwhile (or
/// its read was overtaken by the one above).
fn back(app: &mut App) {
    app.records.close_top();
    if app
        .records
        .top_entry()
        .is_some_and(|e| e.outdated || e.reloading)
    {
        request_top(app);
    }
}

/// A deal's record from the worker.
pub fn take_deal(app: &mut App, id: i64, result: Result<Option<Box<DealRecord>>, String>) {
    let loaded = match result {
        Ok(Some(record)) => Loaded::Deal(record),
        Ok(None) => Loaded::Gone(format!(
            "deal #{id} no longer exists (an undo may have removed it) · Esc back"
        )),
        Err(e) => Loaded::Gone(e),
    };
    app.records.take(RecordRef::Deal(id), loaded);
}

/// A customer's record from the worker.
pub fn take_customer(app: &mut App, id: i64, result: Result<Option<Box<CustomerRecord>>, String>) {
    let loaded = match result {
        Ok(Some(record)) => Loaded::Customer(record),
        Ok(None) => Loaded::Gone(format!(
            "customer #{id} no longer exists (an undo may have removed it) · Esc back"
        )),
        Err(e) => Loaded::Gone(e),
    };
    app.records.take(RecordRef::Customer(id), loaded);
}

/// Runs `command` on the record on top; false when it is not a record's command (switching
/// screens also closes every record, then the caller switches).
pub fn run_command(app: &mut App, command: Command) -> bool {
    match command {
        Command::ShowScreen(_) | Command::NextScreen | Command::PreviousScreen => {
            app.records.close_all();
            return false;
        }
        Command::Up => move_by(app, -1, false),
        Command::Down => move_by(app, 1, false),
        Command::PageUp => move_by(app, -1, true),
        Command::PageDown => move_by(app, 1, true),
        Command::Top => move_by(app, isize::MIN / 2, false),
        Command::Bottom => move_by(app, isize::MAX / 2, false),
        Command::Cancel => back(app),
        Command::Accept => match app.records.top() {
            Some(RecordRef::Customer(_)) => {
                if let Some(target) = cursor_target(app) {
                    open(app, target);
                }
            }
            _ => to_customer(app),
        },
        Command::JumpToCustomer => to_customer(app),
        Command::OwnerTasks => owner_tasks(app),
        Command::SetCategory => step_category(app),
        _ => return false,
    }
    true
}

/// `C` on an open deal's record: its forecast category steps on (Commit, Best case, Pipeline,
/// Omitted, back to the default), one undoable change per press.
fn step_category(app: &mut App) {
    let Some(Loaded::Deal(record)) = app.records.top_entry().map(|e| &e.loaded) else {
        app.message = Message::info("only a deal has a forecast category");
        return;
    };
    if record.closed_on.is_some() {
        app.message = Message::info(format!(
            "the deal is {}: only an open deal's category can be set",
            record.stage
        ));
        return;
    }
    let current = record
        .category_override
        .as_deref()
        .and_then(|c| c.parse().ok());
    let job = Job::Bulk {
        target: BulkTarget::Deals(vec![record.id]),
        change: BulkChange::Category(category::next(current)),
        today: app.as_of,
    };
    app.request_write(job, "saving the category…");
}

/// The rows of the record on top and how many fit on screen.
fn laid_out(app: &App) -> Option<(Vec<Row>, usize)> {
    let area = view::content_area(app.size);
    let entry = app.records.top_entry()?;
    let (_, rows) = view::content(app, entry, usize::from(area.width));
    Some((rows, usize::from(area.height).max(1)))
}

/// The row index of each deal line of the record on top.
fn target_rows(rows: &[Row]) -> Vec<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.target, Some(RecordRef::Deal(_))))
        .map(|(i, _)| i)
        .collect()
}

/// j/k/PgUp/PgDn/Home/End: a customer's record moves its deal cursor by `by` (by pages with
/// `pages`), scrolling to keep it in sight; anything else scrolls.
fn move_by(app: &mut App, by: isize, pages: bool) {
    let Some((rows, height)) = laid_out(app) else {
        return;
    };
    let deals = target_rows(&rows);
    let last = view::max_scroll(rows.len(), height);
    let Some(entry) = app.records.top_entry_mut() else {
        return;
    };
    let step = if pages { by * height as isize } else { by };
    if deals.is_empty() || pages {
        entry.scroll = entry.scroll.min(last).saturating_add_signed(step).min(last);
        if !deals.is_empty() {
            let seen = |row: &usize| (entry.scroll..entry.scroll + height).contains(row);
            if !deals.get(entry.cursor).is_some_and(seen) {
                let first_seen = deals.iter().position(seen);
                entry.cursor = first_seen.unwrap_or(entry.cursor);
            }
        }
        return;
    }
    let scroll = entry.scroll.min(last);
    let cursor = entry
        .cursor
        .saturating_add_signed(step)
        .min(deals.len() - 1);
    entry.scroll = if step.abs() > 1 {
        // Home and End: the whole way, whatever the cursor.
        if step < 0 { 0 } else { last }
    } else if cursor == entry.cursor {
        // Past the first or last deal, j and k read on above or below the deals.
        scroll.saturating_add_signed(step).min(last)
    } else {
        let row = deals[cursor];
        scroll
            .clamp((row + 1).saturating_sub(height), row)
            .min(last)
    };
    entry.cursor = cursor;
}

/// The record the cursor's line opens (a customer's deal).
fn cursor_target(app: &App) -> Option<RecordRef> {
    let (rows, _) = laid_out(app)?;
    let cursor = app.records.top_entry()?.cursor;
    let row = *target_rows(&rows).get(cursor)?;
    rows.get(row)?.target
}

/// `c` (and `Enter` on a deal): the deal's customer on top.
fn to_customer(app: &mut App) {
    let customer = app.records.top_entry().map(|e| match &e.loaded {
        Loaded::Deal(record) => record.customer.as_ref().map(|(id, _)| *id),
        _ => None,
    });
    match (app.records.top(), customer) {
        (_, Some(Some(id))) => open(app, RecordRef::Customer(id)),
        (Some(RecordRef::Deal(_)), _) => {
            app.message = Message::info("this deal has no customer (or is still loading)")
        }
        _ => app.message = Message::info("this is the customer's record"),
    }
}

/// `o`: the Tasks screen showing only the record owner's tasks; the records close.
fn owner_tasks(app: &mut App) {
    let owner = app.records.top_entry().and_then(|e| match &e.loaded {
        Loaded::Deal(record) => record.owner.clone(),
        Loaded::Customer(record) => record.owner.clone(),
        _ => None,
    });
    let Some((rep_id, name)) = owner else {
        app.message = Message::info("this record has no owner (or is still loading)");
        return;
    };
    app.records.close_all();
    app.tasks.filter = TaskFilter {
        rep_id: Some(rep_id),
        ..TaskFilter::default()
    };
    app.tasks.filter_editor = None;
    app.tasks.rebuild(None);
    app.screen = Screen::Tasks;
    app.message = Message::info(format!(
        "{name}'s open tasks (the filter shows only them; f changes it)"
    ));
}

/// A click on content row `line` of the record on top: a customer's deal line takes the cursor
/// and opens that deal; a deal's customer line opens the customer.
pub fn click(app: &mut App, line: usize) {
    let Some((rows, height)) = laid_out(app) else {
        return;
    };
    let Some(entry) = app.records.top_entry_mut() else {
        return;
    };
    let at = entry.scroll.min(view::max_scroll(rows.len(), height)) + line;
    let Some(target) = rows.get(at).and_then(|r| r.target) else {
        return;
    };
    if let Some(cursor) = target_rows(&rows).iter().position(|&r| r == at) {
        entry.cursor = cursor;
    }
    open(app, target);
}
