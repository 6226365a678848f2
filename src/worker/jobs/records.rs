//! Record writes from the desk's forms (one transaction and one undo step each, through
//! `db::records`), and what a form opens with.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::writes::{actor, now_text};
use crate::db::board::{self, Card};
use crate::db::edits::Saved;
use crate::db::edits::WriteError;
use crate::db::privacy::{self, Erased};
use crate::db::records::{self, RecordError, Stamp};
use crate::db::{form_choices, reads};
use crate::worker::output::{Output, Written};
use crate::worker::record_write::{FormAsk, FormData, RecordRefusal, RecordWrite};

/// Saves `write`, stamped with `today`: answered like every write, or refused with the field named.
pub(in crate::worker) fn write(
    conn: &mut Connection,
    write: &RecordWrite,
    today: NaiveDate,
) -> Output {
    let card = |conn: &Connection, id: Option<i64>| -> Result<Option<Card>, String> {
        match id {
            Some(id) => {
                board::load_card(conn, id).map_err(|e| format!("cannot read deal {id}: {e}"))
            }
            None => Ok(None),
        }
    };
    let before = match card(conn, write.deal_id()) {
        Ok(card) => card,
        Err(e) => return Output::Written(Err(e)),
    };
    let (at, actor) = (now_text(), actor());
    let stamp = Stamp {
        at: &at,
        actor: &actor,
        today,
    };
    let written = match run(conn, write, stamp) {
        Ok(written) => written,
        Err(RecordError::Field(e)) => return Output::RecordRefused(RecordRefusal::Field(e)),
        Err(RecordError::Duplicate(d)) => {
            return Output::RecordRefused(RecordRefusal::Duplicate(d));
        }
        Err(RecordError::Write(e)) => {
            return Output::RecordRefused(RecordRefusal::Failed(format!("not saved: {e}")));
        }
    };
    let deal_id = match write {
        RecordWrite::NewDeal(_) => Some(written.id),
        other => other.deal_id(),
    };
    Output::Written(card(conn, deal_id).map(|after| Written {
        saved: Some(Saved {
            batch: written.batch,
            deal_id,
            summary: format!("Saved: {}", written.summary),
        }),
        before,
        after,
    }))
}

fn run(
    conn: &mut Connection,
    write: &RecordWrite,
    stamp: Stamp<'_>,
) -> Result<records::Written, RecordError> {
    match write {
        RecordWrite::NewCustomer {
            input,
            allow_duplicate,
        } => records::create_customer(conn, input, &[], *allow_duplicate, stamp),
        RecordWrite::EditCustomer { customer_id, input } => {
            records::edit_customer(conn, *customer_id, input, stamp)
        }
        RecordWrite::AddContact { customer_id, input } => {
            records::add_contact(conn, *customer_id, input, stamp)
        }
        RecordWrite::EditContact { contact_id, input } => {
            records::edit_contact(conn, *contact_id, input, stamp)
        }
        RecordWrite::MergeCustomers { keep, gone } => {
            records::merge_customers(conn, *keep, *gone, stamp)
        }
        RecordWrite::EraseContact { contact_id } => {
            let result = privacy::erase_contact(conn, *contact_id, stamp.at, stamp.actor);
            erased(conn, result, *contact_id)
        }
        RecordWrite::EraseCustomer { customer_id } => {
            let result = privacy::erase_customer(conn, *customer_id, stamp.at, stamp.actor);
            erased(conn, result, *customer_id)
        }
        RecordWrite::RemoveContact { contact_id } => {
            records::remove_contact(conn, *contact_id, stamp)
        }
        RecordWrite::NewDeal(new) => records::create_deal(conn, new, stamp),
        RecordWrite::EditDeal { deal_id, edit } => records::edit_deal(conn, *deal_id, edit, stamp),
        RecordWrite::LogActivity(new) => records::log_activity(conn, new, stamp),
        RecordWrite::FollowUp(task) => records::create_task(conn, task, stamp),
        RecordWrite::SetQuota {
            rep_id,
            quarter,
            amount,
        } => records::set_quota(conn, *rep_id, *quarter, *amount, stamp),
    }
}

/// An erase answered like a record write (with no batch: it is never undone), after the file
/// is compacted so no free page keeps the erased text.
fn erased(
    conn: &mut Connection,
    result: Result<Erased, WriteError>,
    id: i64,
) -> Result<records::Written, RecordError> {
    let erased = result?;
    if let Err(e) = conn.execute_batch("VACUUM") {
        tracing::warn!(error = %e, "the book could not be compacted after an erase");
    }
    Ok(records::Written {
        id,
        batch: 0,
        summary: erased.summary,
    })
}

/// Loads what the form `ask` opens with: its picker lists and the record it starts from.
pub(in crate::worker) fn form(conn: &Connection, ask: FormAsk, today: NaiveDate) -> Output {
    Output::RecordForm(
        form_data(conn, ask, today)
            .map(Box::new)
            .map_err(|e| format!("cannot open the form: {e}")),
    )
}

fn form_data(conn: &Connection, ask: FormAsk, today: NaiveDate) -> rusqlite::Result<FormData> {
    let deal_form = matches!(ask, FormAsk::NewDeal(..) | FormAsk::EditDeal(_));
    let (deal_id, customer_id) = match ask {
        FormAsk::NewCustomer | FormAsk::Quota => (None, None),
        FormAsk::EditCustomer(c) | FormAsk::Contacts(c) => (None, Some(c)),
        FormAsk::NewDeal(c, _) => (None, c),
        FormAsk::EditDeal(d) => (Some(d), None),
        FormAsk::LogActivity {
            deal_id,
            customer_id,
        }
        | FormAsk::FollowUp {
            deal_id,
            customer_id,
        } => (deal_id, customer_id),
    };
    let deal = match deal_id {
        Some(id) => reads::deal_record(conn, id, today)?,
        None => None,
    };
    let customer_id = customer_id.or(deal.as_ref().and_then(|d| d.customer.as_ref().map(|c| c.0)));
    let customer = match customer_id {
        Some(id) => reads::customer_record(conn, id)?,
        None => None,
    };
    let starts_at = match ask {
        FormAsk::NewDeal(_, pipeline) => {
            let catalogue = crate::db::pipelines::load(conn)?;
            let first = catalogue
                .first_open(pipeline)
                .map_or("?", |s| catalogue.name(s));
            match catalogue.pipeline(pipeline) {
                Some(p) if catalogue.pipelines().len() > 1 => format!("{first} in {}", p.name),
                _ => first.to_string(),
            }
        }
        _ => String::new(),
    };
    Ok(FormData {
        ask,
        starts_at,
        reps: form_choices::reps(conn)?,
        customers: if deal_form {
            form_choices::customers(conn)?
        } else {
            Vec::new()
        },
        products: if deal_form {
            form_choices::products(conn)?
        } else {
            Vec::new()
        },
        task_kinds: if matches!(ask, FormAsk::FollowUp { .. }) {
            records::task_kinds(conn)?
        } else {
            Vec::new()
        },
        customer,
        deal,
    })
}
