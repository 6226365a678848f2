//! The record form's updates: opening the form a key asks for (on the record on show, the
//! selected customer or card), keys and typing inside it, and the worker's answers — the form
//! opens with its lists, closes when saved, and stays open showing a refusal by field.

use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::effects::RecordRef;
use crate::tui::popups::record_form::{Question, RecordForm};
use crate::tui::screen::Screen;
use crate::worker::{FormAsk, FormData, Job, JobKind, RecordRefusal, Written};

/// The deal and the customer a form opened now is about: the record on show, else the card or
/// customer selected on the screen.
fn subject(app: &App) -> (Option<i64>, Option<i64>) {
    match app.records.top() {
        Some(RecordRef::Deal(d)) => (Some(d), None),
        Some(RecordRef::Customer(c)) => (None, Some(c)),
        None => match app.screen {
            Screen::Pipeline => (app.pipeline.selected_card().map(|c| c.id), None),
            Screen::Customers => (None, app.customers.selected_row().map(|r| r.id)),
            _ => (None, None),
        },
    }
}

/// The form `command` asks for here, or why there is none.
fn ask_for(app: &App, command: Command) -> Result<FormAsk, &'static str> {
    let (deal, customer) = subject(app);
    match command {
        Command::NewCustomer => Ok(FormAsk::NewCustomer),
        Command::SetQuota => Ok(FormAsk::Quota),
        Command::NewDeal => Ok(FormAsk::NewDeal(
            customer,
            app.pipeline
                .filter
                .pipeline_id
                .unwrap_or_else(|| app.pipeline.catalogue.first_id()),
        )),
        Command::NewContact => customer
            .map(FormAsk::Contacts)
            .ok_or("open a customer (or select one on Customers) to add a contact"),
        Command::EditRecord => match (deal, customer) {
            (Some(d), _) => Ok(FormAsk::EditDeal(d)),
            (_, Some(c)) => Ok(FormAsk::EditCustomer(c)),
            _ => Err("open a deal or a customer (or select a customer) to edit it"),
        },
        Command::LogActivity | Command::FollowUpTask if deal.is_none() && customer.is_none() => {
            Err("open a deal or a customer (or select one) first")
        }
        Command::LogActivity => Ok(FormAsk::LogActivity {
            deal_id: deal,
            customer_id: customer,
        }),
        Command::FollowUpTask => Ok(FormAsk::FollowUp {
            deal_id: deal,
            customer_id: customer,
        }),
        _ => Err("not a form"),
    }
}

/// Asks the worker for what the form `command` names opens with.
pub fn open(app: &mut App, command: Command) {
    match ask_for(app, command) {
        Ok(ask) => app.jobs.request(Job::RecordForm {
            ask,
            today: app.as_of,
        }),
        Err(why) => app.message = Message::error(why),
    }
}

/// Opens the form with what the worker loaded.
pub fn take_form(app: &mut App, result: Result<Box<FormData>, String>) {
    match result {
        Ok(data) => app.record_form = Some(RecordForm::open(*data, app.as_of)),
        Err(e) => app.message = Message::error(e),
    }
}

/// A character typed while the form is open.
pub fn type_char(app: &mut App, c: char) {
    if let Some(form) = app.record_form.as_mut()
        && !form.saving
        && form.question.is_none()
    {
        form.type_char(c);
    }
}

/// A command while the form is open: its question, its picker, its text box, or the form.
pub fn run_command(app: &mut App, command: Command) {
    if command == Command::Quit {
        app.quit = true;
        return;
    }
    let Some(form) = app.record_form.as_mut() else {
        return;
    };
    if form.saving {
        return;
    }
    if let Some(question) = form.question.take() {
        if command == Command::Accept {
            match question {
                Question::Duplicate(_) => save(app, true),
                Question::RemoveContact(contact_id, _) => send(
                    app,
                    crate::worker::RecordWrite::RemoveContact { contact_id },
                ),
            }
        } else if command != Command::Cancel {
            form.question = Some(question);
        }
        return;
    }
    match command {
        Command::NextField => form.step_focus(true),
        Command::PreviousField => form.step_focus(false),
        Command::DeleteChar => form.backspace(),
        Command::Down if form.picker.is_some() => form.step_pick(1),
        Command::Up if form.picker.is_some() => form.step_pick(-1),
        Command::Accept if form.picker.is_some() => form.pick_and_move_on(),
        Command::Cancel if form.picker.is_some() => form.picker = None,
        Command::Accept if form.text_box => form.type_char('\n'),
        Command::Cancel if form.text_box => form.text_box = false,
        Command::Accept => save(app, false),
        Command::Cancel => app.record_form = None,
        Command::EditText => match form.fields.get(form.focus) {
            Some(field) if field.note => form.editor_wanted = true,
            _ => form.error = Some("Ctrl-e writes the Text field: go to it first".into()),
        },
        Command::RemoveContact => {
            let picked = form
                .field("contact")
                .and_then(|f| f.picked.map(|id| (id, f.text.clone())));
            match picked {
                Some((id, name)) => form.question = Some(Question::RemoveContact(id, name)),
                None => form.error = Some("contact: pick the contact to remove first".into()),
            }
        }
        _ => {}
    }
}

/// Reads the form and sends its write; a bad field is refused in the form, nothing sent.
fn save(app: &mut App, allow_duplicate: bool) {
    let Some(form) = app.record_form.as_mut() else {
        return;
    };
    match form.write(app.as_of, allow_duplicate) {
        Ok(write) => send(app, write),
        Err(e) => form.refuse(e),
    }
}

fn send(app: &mut App, write: crate::worker::RecordWrite) {
    if app.jobs.is_running(JobKind::Write) {
        app.message = Message::info("still saving the last change…");
        return;
    }
    if let Some(form) = app.record_form.as_mut() {
        form.saving = true;
        form.error = None;
    }
    app.request_write(
        Job::RecordWrite {
            write,
            today: app.as_of,
        },
        "saving…",
    );
}

/// A record write was refused: the form shows why by its field, or asks about a duplicate.
pub fn take_refused(app: &mut App, refusal: RecordRefusal) {
    let Some(form) = app.record_form.as_mut() else {
        app.message = Message::error(match refusal {
            RecordRefusal::Field(e) => e.to_string(),
            RecordRefusal::Duplicate(_) => "not saved: a likely duplicate".into(),
            RecordRefusal::Failed(e) => e,
        });
        return;
    };
    form.saving = false;
    match refusal {
        RecordRefusal::Field(e) => form.refuse(e),
        RecordRefusal::Duplicate(found) => {
            let like: Vec<String> = found
                .iter()
                .map(|d| format!("{} ({})", d.name, d.why))
                .collect();
            form.question = Some(Question::Duplicate(format!(
                "Looks like {}. Create anyway?",
                like.join("; ")
            )));
        }
        RecordRefusal::Failed(e) => form.error = Some(e),
    }
}

/// Any write's answer: a saving form closes when it went through (and the lists it changed
/// reload), or shows why it did not.
pub fn after_written(app: &mut App, result: Result<&Written, &str>) {
    let Some(form) = app.record_form.as_mut().filter(|f| f.saving) else {
        return;
    };
    match result {
        Err(e) => {
            form.saving = false;
            form.error = Some(e.to_string());
        }
        Ok(_) => {
            let ask = form.ask;
            app.record_form = None;
            match ask {
                FormAsk::NewCustomer | FormAsk::EditCustomer(_) | FormAsk::Contacts(_) => {
                    app.jobs.request(Job::CustomerIndex { as_of: app.as_of })
                }
                FormAsk::Quota => app.jobs.request(Job::Kpis {
                    kind: app.pipeline.period_kind,
                    as_of: app.as_of,
                    pipeline: app.pipeline.filter.pipeline_id,
                }),
                _ => {}
            }
        }
    }
}

/// The text of the note `$VISUAL`/`$EDITOR` should edit, when the form asked for it (once).
pub fn editor_request(app: &mut App) -> Option<String> {
    let form = app.record_form.as_mut().filter(|f| f.editor_wanted)?;
    form.editor_wanted = false;
    form.fields.get(form.focus).map(|f| f.text.clone())
}

/// The note as the editor left it; with no editor (`Err`), the multi-line box opens instead.
pub fn take_edited(app: &mut App, edited: Result<String, String>) {
    let Some(form) = app.record_form.as_mut() else {
        return;
    };
    match edited {
        Ok(text) => {
            if let Some(field) = form.fields.get_mut(form.focus) {
                field.text = text.trim_end().to_string();
            }
        }
        Err(why) => {
            form.text_box = true;
            app.message = Message::info(why);
        }
    }
}
